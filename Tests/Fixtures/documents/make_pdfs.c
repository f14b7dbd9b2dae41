/* Writes the PDF fixtures with cairo's PDF surface (Debian's libcairo2-dev):
     cc make_pdfs.c $(pkg-config --cflags --libs cairo) -o /tmp/make_pdfs && /tmp/make_pdfs
   then: qpdf --encrypt secret owner 256 -- lease.pdf encrypted.pdf                         */
#include <stddef.h>
#include <cairo.h>
#include <cairo-pdf.h>

static void lines(cairo_t *cr, const char **text) {
    double y = 72;
    for (; *text; text++, y += 22) { cairo_move_to(cr, 72, y); cairo_show_text(cr, *text); }
}

int main(void) {
    cairo_surface_t *s = cairo_pdf_surface_create("lease.pdf", 595, 842);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, "Tenancy Agreement 4B");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, "Kigali Homes Ltd");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2026-02-20T10:00:00Z");
    cairo_t *cr = cairo_create(s);
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 14);
    const char *page1[] = {"Tenancy Agreement", "Tenant: John Mugisha", "Unit: 4B",
                           "Rent: RWF 350,000 per month", "Start date: 1 March 2026",
                           "Phone: +250 788 123 456", NULL};
    lines(cr, page1);
    cairo_show_page(cr);
    const char *page2[] = {"Deposit: RWF 700,000", "Landlord: Kigali Homes Ltd",
                           "Signed in Kigali on 20 February 2026.", NULL};
    lines(cr, page2);
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(s);

    /* A "scan": a page with only an image-like shape, no text layer. */
    s = cairo_pdf_surface_create("scanned.pdf", 595, 842);
    cr = cairo_create(s);
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    cairo_rectangle(cr, 72, 72, 400, 600);
    cairo_fill(cr);
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    return 0;
}

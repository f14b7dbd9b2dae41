/* Writes the PDF fixtures (lease.pdf, scanned.pdf, scanned-receipt.pdf, image-bomb.pdf) with cairo's PDF surface (Debian's libcairo2-dev):
     cc make_pdfs.c $(pkg-config --cflags --libs cairo) -o /tmp/make_pdfs && /tmp/make_pdfs
   then: qpdf --encrypt secret owner 256 -- lease.pdf encrypted.pdf                         */
#include <stddef.h>
#include <cairo.h>
#include <cairo-pdf.h>

/* Writes `path`: one page of `page_w` × `page_h` points holding only `image`, scaled by
   `scale` (no text layer: a scan). Takes ownership of `image`. */
static void image_page(const char *path, cairo_surface_t *image, double page_w, double page_h, double scale) {
    cairo_surface_t *s = cairo_pdf_surface_create(path, page_w, page_h);
    cairo_t *cr = cairo_create(s);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, image, 0, 0);
    cairo_paint(cr);
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    cairo_surface_destroy(image);
}

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

    /* A scanned receipt: the text drawn into a 300 dpi grey image, the image alone placed on
       an 80 mm × 150 mm page (no text layer), as a phone's "scan to PDF" makes it. */
    const double dpi = 300, page_w = 227, page_h = 425;
    int px_w = (int)(page_w * dpi / 72), px_h = (int)(page_h * dpi / 72);
    cairo_surface_t *scan = cairo_image_surface_create(CAIRO_FORMAT_RGB24, px_w, px_h);
    cr = cairo_create(scan);
    cairo_set_source_rgb(cr, 0.96, 0.95, 0.93);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    cairo_scale(cr, dpi / 72, dpi / 72);
    cairo_select_font_face(cr, "DejaVu Sans Mono", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 9);
    const char *receipt[] = {"KIGALI HARDWARE LTD", "KN 5 Rd, Kigali", "RECEIPT No 20931", "Date: 14/03/2026",
                             "Cement 50kg x2  RWF 24,000", "Paint 4L        RWF 18,500", "TOTAL           RWF 42,500",
                             "Paid: Cash", "Thank you", NULL};
    double y = 30;
    for (const char **line = receipt; *line; line++, y += 16) { cairo_move_to(cr, 14, y); cairo_show_text(cr, *line); }
    cairo_destroy(cr);
    image_page("scanned-receipt.pdf", scan, page_w, page_h, 72 / dpi);

    /* An image bomb: a 10,000 × 10,000 pixel grey image (mostly white, so it compresses to a
       small file) on an A4 page. */
    scan = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 10000, 10000);
    cr = cairo_create(scan);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_destroy(cr);
    image_page("image-bomb.pdf", scan, 595, 842, 595.0 / 10000);
    return 0;
}

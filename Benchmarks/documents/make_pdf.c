/* A long lease-like PDF for the benchmark (cairo's PDF surface, Debian's libcairo2-dev):
     cc make_pdf.c $(pkg-config --cflags --libs cairo) -o make_pdf && ./make_pdf out.pdf 200  */
#include <cairo.h>
#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: make_pdf OUT.pdf PAGES\n"); return 2; }
    int pages = atoi(argv[2]);
    cairo_surface_t *s = cairo_pdf_surface_create(argv[1], 595, 842);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, "Benchmark lease register");
    cairo_t *cr = cairo_create(s);
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 10);
    char line[200];
    for (int p = 0; p < pages; p++) {
        for (int l = 0; l < 60; l++) {
            int n = p * 60 + l;
            switch (l % 4) {
            case 0: snprintf(line, sizeof line, "Tenant: Tenant number %d of the Kigali Heights block", n); break;
            case 1: snprintf(line, sizeof line, "Rent: RWF %d,000 per month, due on the %dth", 200 + n % 300, 1 + n % 28); break;
            case 2: snprintf(line, sizeof line, "Unit: %d%c, floor %d, phone +250 788 %03d %03d", 1 + n % 9, 'A' + n % 6, n % 12, n % 1000, (n * 7) % 1000); break;
            default: snprintf(line, sizeof line, "The tenant agrees to report repairs within 48 hours and to allow viewings (line %d).", n); break;
            }
            cairo_move_to(cr, 40, 40 + l * 12.5);
            cairo_show_text(cr, line);
        }
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    return 0;
}

#include "core/pdf.h"

#include "core/error.h"
#include "core/i18n.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <numeric>

namespace maillage::pdf {
namespace {

constexpr double kMm = 72.0 / 25.4;  // cairo's PDF unit is the point
constexpr double kPageW = 210 * kMm, kPageH = 297 * kMm;

struct Rgb {
    double r, g, b;
};
constexpr Rgb kInk{0.13, 0.13, 0.13};
constexpr Rgb kAccent{0.03, 0.23, 0.31};  // the catalogue's dark teal (#083a50)
constexpr Rgb kMuted{0.35, 0.35, 0.35};

struct LayoutDeleter {
    void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

// A pango layout of `text` in `font` ("DejaVu Serif Bold 24"), `width` points wide.
Layout make_layout(cairo_t* cr, const std::string& text, const char* font, double width,
                   PangoAlignment align = PANGO_ALIGN_LEFT) {
    Layout layout(pango_cairo_create_layout(cr));
    PangoFontDescription* desc = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout.get(), desc);
    pango_font_description_free(desc);
    pango_layout_set_width(layout.get(), int(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), align);
    pango_layout_set_text(layout.get(), text.c_str(), int(text.size()));
    return layout;
}

double height_of(PangoLayout* layout) {
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    return double(h) / PANGO_SCALE;
}

// Draws text at (x, y) and returns its height.
double draw_text(cairo_t* cr, double x, double y, double width, const std::string& text, const char* font,
                 PangoAlignment align = PANGO_ALIGN_LEFT, Rgb color = kInk) {
    if (text.empty()) return 0;
    auto layout = make_layout(cr, text, font, width, align);
    cairo_set_source_rgb(cr, color.r, color.g, color.b);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout.get());
    return height_of(layout.get());
}

double measure_text(cairo_t* cr, double width, const std::string& text, const char* font) {
    if (text.empty()) return 0;
    auto layout = make_layout(cr, text, font, width);
    return height_of(layout.get());
}

void stroke_line(cairo_t* cr, double x1, double y1, double x2, double y2, double width, Rgb color) {
    cairo_set_source_rgb(cr, color.r, color.g, color.b);
    cairo_set_line_width(cr, width);
    cairo_move_to(cr, x1, y1);
    cairo_line_to(cr, x2, y2);
    cairo_stroke(cr);
}

// The running title in the page footer: one line, cut with an ellipsis when too long.
void pango_title(cairo_t* cr, double x, double y, double width, const std::string& title) {
    auto layout = make_layout(cr, title, "DejaVu Sans 8.5", width);
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    pango_layout_set_height(layout.get(), -1);  // one line
    cairo_set_source_rgb(cr, kMuted.r, kMuted.g, kMuted.b);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout.get());
}

}  // namespace

struct Document::Impl {
    std::filesystem::path file;
    cairo_surface_t* surface = nullptr;
    cairo_t* cr = nullptr;
    int pages = 0;
    bool closed = false;

    void check() const {
        const auto status = surface ? cairo_surface_status(surface) : CAIRO_STATUS_NULL_POINTER;
        if (status != CAIRO_STATUS_SUCCESS)
            throw Error(trf("Cannot write {file}: {reason}", fmt::arg("file", file.string()),
                            fmt::arg("reason", cairo_status_to_string(status))));
    }
    void end_page() {
        cairo_show_page(cr);
        ++pages;
    }
};

Document::Document(const std::filesystem::path& file) : impl_(std::make_unique<Impl>()) {
    impl_->file = file;
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    impl_->surface = cairo_pdf_surface_create(file.string().c_str(), kPageW, kPageH);
    impl_->check();
    cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_CREATOR, "Maillage");
    impl_->cr = cairo_create(impl_->surface);
}

Document::~Document() {
    try {
        close();
    } catch (...) {  // reported by an explicit close(); a destructor cannot
    }
}

int Document::pages() const { return impl_->pages; }

void Document::close() {
    if (impl_->closed) return;
    impl_->closed = true;
    cairo_destroy(impl_->cr);
    cairo_surface_finish(impl_->surface);
    const auto status = cairo_surface_status(impl_->surface);
    cairo_surface_destroy(impl_->surface);
    impl_->surface = nullptr;
    if (status != CAIRO_STATUS_SUCCESS)
        throw Error(trf("Cannot write {file}: {reason}", fmt::arg("file", impl_->file.string()),
                        fmt::arg("reason", cairo_status_to_string(status))));
}

void Document::add_certificate(const Certificate& c) {
    cairo_t* cr = impl_->cr;
    // A double frame, as on printed diplomas.
    cairo_set_source_rgb(cr, kAccent.r, kAccent.g, kAccent.b);
    cairo_set_line_width(cr, 2.5);
    cairo_rectangle(cr, 12 * kMm, 12 * kMm, kPageW - 24 * kMm, kPageH - 24 * kMm);
    cairo_stroke(cr);
    cairo_set_line_width(cr, 0.8);
    cairo_rectangle(cr, 15 * kMm, 15 * kMm, kPageW - 30 * kMm, kPageH - 30 * kMm);
    cairo_stroke(cr);

    const double x = 28 * kMm, w = kPageW - 56 * kMm;
    double y = 34 * kMm;
    y += draw_text(cr, x, y, w, c.organisation, "DejaVu Sans Bold 13", PANGO_ALIGN_CENTER, kAccent);
    y += 5 * kMm;
    stroke_line(cr, kPageW / 2 - 25 * kMm, y, kPageW / 2 + 25 * kMm, y, 0.8, kAccent);
    y += 12 * kMm;
    y += draw_text(cr, x, y, w, c.title, "DejaVu Serif Bold 26", PANGO_ALIGN_CENTER, kAccent);
    y += 16 * kMm;
    y += draw_text(cr, x, y, w, c.certify, "DejaVu Serif 14", PANGO_ALIGN_CENTER);
    y += 5 * kMm;
    y += draw_text(cr, x, y, w, c.name, "DejaVu Serif Bold 24", PANGO_ALIGN_CENTER);
    if (!c.institution.empty()) {
        y += 2 * kMm;
        y += draw_text(cr, x, y, w, c.institution, "DejaVu Serif Italic 12", PANGO_ALIGN_CENTER, kMuted);
    }
    y += 7 * kMm;
    y += draw_text(cr, x, y, w, c.took_part, "DejaVu Serif 14", PANGO_ALIGN_CENTER);
    y += 5 * kMm;
    y += draw_text(cr, x, y, w, c.event, "DejaVu Serif Bold 18", PANGO_ALIGN_CENTER, kAccent);
    y += 10 * kMm;
    for (const auto& line : c.details) {
        y += draw_text(cr, x, y, w, line, "DejaVu Serif 12.5", PANGO_ALIGN_CENTER);
        y += 2.5 * kMm;
    }
    // Place and date on the left, the signature line on the right: near the bottom of
    // the frame, and always below the text above however long the event's title.
    const double bottom = std::max(y + 12 * kMm, kPageH - 82 * kMm);
    draw_text(cr, x, bottom, 75 * kMm, c.place_and_date, "DejaVu Serif 12");
    const double sx = kPageW - 28 * kMm - 70 * kMm;
    stroke_line(cr, sx, bottom + 20 * kMm, sx + 70 * kMm, bottom + 20 * kMm, 0.7, kInk);
    draw_text(cr, sx, bottom + 22 * kMm, 70 * kMm, c.signature, "DejaVu Serif Italic 11", PANGO_ALIGN_CENTER, kMuted);
    impl_->end_page();
    impl_->check();
}

void Document::add_sheet(const Sheet& s) {
    cairo_t* cr = impl_->cr;
    const double left = 15 * kMm, width = kPageW - 30 * kMm, top = 15 * kMm, bottom = kPageH - 18 * kMm;
    const char* cell_font = "DejaVu Sans 9.5";
    const char* head_font = "DejaVu Sans Bold 9.5";
    const double pad = 1.8 * kMm, min_row = 10 * kMm;
    const double total = std::accumulate(s.widths.begin(), s.widths.end(), 0.0);
    std::vector<double> col_w;
    for (std::size_t i = 0; i < s.columns.size(); ++i)
        col_w.push_back(width * (i < s.widths.size() && total > 0 ? s.widths[i] / total : 1.0 / double(s.columns.size())));

    auto row_height = [&](const std::vector<std::string>& cells, const char* font) {
        double h = 0;
        for (std::size_t i = 0; i < col_w.size(); ++i)
            h = std::max(h, measure_text(cr, col_w[i] - 2 * pad, i < cells.size() ? cells[i] : "", font));
        return std::max(min_row, h + 2 * pad);
    };
    const double header_h = row_height(s.columns, head_font);
    auto heading_height = [&] {
        double h = measure_text(cr, width, s.title, "DejaVu Sans Bold 16") + 3 * kMm;
        for (const auto& line : s.subtitle) h += measure_text(cr, width, line, "DejaVu Sans 10.5") + 1 * kMm;
        return h + 4 * kMm;
    };

    // First pass: where pages break, so that every page can say "Page n / N".
    std::vector<std::vector<std::string>> rows = s.rows;
    for (int k = 0; k < s.blank_rows; ++k) rows.emplace_back(s.columns.size(), "");
    std::vector<double> heights;
    for (const auto& r : rows) heights.push_back(row_height(r, cell_font));
    const double footer_h = s.footer.empty() ? 0 : measure_text(cr, width, s.footer, "DejaVu Sans 10") + 4 * kMm;
    std::vector<std::size_t> page_starts{0};
    double y = top + heading_height() + header_h;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (y + heights[i] > bottom) {
            page_starts.push_back(i);
            y = top + header_h;
        }
        y += heights[i];
    }
    // A footer that does not fit takes the last row with it: no page holds only a footer.
    if (y + footer_h > bottom) page_starts.push_back(rows.size() - (rows.size() > page_starts.back() + 1 ? 1 : 0));
    const int page_count = int(page_starts.size());

    auto draw_row = [&](double at, const std::vector<std::string>& cells, double h, const char* font, bool header) {
        double cx = left;
        if (header) {
            cairo_set_source_rgb(cr, 0.90, 0.93, 0.94);
            cairo_rectangle(cr, left, at, width, h);
            cairo_fill(cr);
        }
        cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
        cairo_set_line_width(cr, 0.5);
        for (std::size_t i = 0; i < col_w.size(); ++i) {
            cairo_rectangle(cr, cx, at, col_w[i], h);
            cairo_stroke(cr);
            draw_text(cr, cx + pad, at + pad, col_w[i] - 2 * pad, i < cells.size() ? cells[i] : "", font);
            cx += col_w[i];
        }
    };

    for (int p = 0; p < page_count; ++p) {
        double at = top;
        if (p == 0) {
            at += draw_text(cr, left, at, width, s.title, "DejaVu Sans Bold 16", PANGO_ALIGN_LEFT, kAccent) + 3 * kMm;
            for (const auto& line : s.subtitle) at += draw_text(cr, left, at, width, line, "DejaVu Sans 10.5") + 1 * kMm;
            at += 4 * kMm;
        }
        const std::size_t from = page_starts[std::size_t(p)];
        const std::size_t to = p + 1 < page_count ? page_starts[std::size_t(p) + 1] : rows.size();
        if (from < to) {
            draw_row(at, s.columns, header_h, head_font, true);
            at += header_h;
        }
        for (std::size_t i = from; i < to; ++i) {
            draw_row(at, rows[i], heights[i], cell_font, false);
            at += heights[i];
        }
        if (p + 1 == page_count && !s.footer.empty())
            draw_text(cr, left, at + 4 * kMm, width, s.footer, "DejaVu Sans 10");
        const auto number = s.page_label + " " + std::to_string(p + 1) + " / " + std::to_string(page_count);
        draw_text(cr, left, kPageH - 12 * kMm, width, number, "DejaVu Sans 8.5", PANGO_ALIGN_RIGHT, kMuted);
        pango_title(cr, left, kPageH - 12 * kMm, width - 35 * kMm, s.title);
        impl_->end_page();
    }
    impl_->check();
}

void write_certificates(const std::filesystem::path& file, const std::vector<Certificate>& certificates) {
    Document doc(file);
    for (const auto& c : certificates) doc.add_certificate(c);
    doc.close();
}

void write_sheet(const std::filesystem::path& file, const Sheet& sheet) {
    Document doc(file);
    doc.add_sheet(sheet);
    doc.close();
}

}  // namespace maillage::pdf

// The entry points maillage_pdf's loader (core/src/pdf_loader.cpp) looks up: this file
// is the module maillage_pdf_cairo.so, opened only when a PDF is written.
extern "C" __attribute__((visibility("default"))) void maillage_pdf_write_certificates(
    const std::filesystem::path& file, const std::vector<maillage::pdf::Certificate>& certificates) {
    maillage::pdf::write_certificates(file, certificates);
}

extern "C" __attribute__((visibility("default"))) void maillage_pdf_write_sheet(const std::filesystem::path& file,
                                                                              const maillage::pdf::Sheet& sheet) {
    maillage::pdf::write_sheet(file, sheet);
}

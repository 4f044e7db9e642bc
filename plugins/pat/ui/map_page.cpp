#include "ui/map_page.h"

#include "core/error.h"
#include "core/locale_format.h"
#include "shared-ui/list_panel.h"

#include <wx/button.h>
#include <wx/dcbuffer.h>
#include <wx/dcmemory.h>
#include <wx/filedlg.h>
#include <wx/graphics.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <fstream>
#include <memory>
#include <tuple>

namespace maillage::pat {
namespace {

wxString u8(const std::string& s) { return wxString::FromUTF8(s); }

wxFont pixel_font(double px, bool bold = false) {
    wxFontInfo info(wxSize(0, int(px + 0.5)));
    info.Family(wxFONTFAMILY_SWISS);
    if (bold) info.Bold();
    return wxFont(info);
}

// The same picture as map_svg(): regions, their names, circles, legend, sources.
void draw(wxGraphicsContext& gc, const MapLayout& l) {
    gc.SetBrush(*wxWHITE_BRUSH);
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.DrawRectangle(0, 0, l.width, l.height);
    gc.SetPen(wxPen(wxColour(0x6b, 0x6b, 0x6b), 1));
    for (const auto& r : l.regions) {
        wxGraphicsPath path = gc.CreatePath();
        for (const auto& ring : r.rings) {
            for (size_t i = 0; i < ring.size(); ++i)
                i ? path.AddLineToPoint(ring[i].x, ring[i].y) : path.MoveToPoint(ring[i].x, ring[i].y);
            path.CloseSubpath();
        }
        gc.SetBrush(wxBrush(wxColour(u8(r.fill))));
        gc.FillPath(path, wxODDEVEN_RULE);
        gc.StrokePath(path);
    }
    gc.SetFont(pixel_font(13), wxColour(0x55, 0x55, 0x55));
    for (const auto& r : l.regions) {
        double w = 0, h = 0, descent = 0, leading = 0;
        gc.GetTextExtent(u8(r.label), &w, &h, &descent, &leading);
        gc.DrawText(u8(r.label), r.label_at.x - w / 2, r.label_at.y - (h - descent));
    }
    auto text_at = [&](const std::string& text, double x, double baseline) {
        double w = 0, h = 0, descent = 0, leading = 0;
        gc.GetTextExtent(u8(text), &w, &h, &descent, &leading);
        gc.DrawText(u8(text), x, baseline - (h - descent));
    };
    auto circles = [&](const std::vector<MapCircle>& list) {
        gc.SetPen(wxPen(*wxWHITE, 1.2));
        for (const auto& c : list) {
            wxColour colour(u8(c.colour));
            gc.SetBrush(wxBrush(wxColour(colour.Red(), colour.Green(), colour.Blue(), 217)));
            gc.DrawEllipse(c.centre.x - c.radius, c.centre.y - c.radius, 2 * c.radius, 2 * c.radius);
        }
    };
    circles(l.circles);
    if (l.inset) {
        const auto& in = *l.inset;
        gc.SetPen(wxPen(wxColour(0x9a, 0x9a, 0x9a), 1));
        gc.SetBrush(*wxWHITE_BRUSH);
        gc.DrawRectangle(in.x, in.y, in.width, in.height);
        gc.SetFont(pixel_font(12), wxColour(0x55, 0x55, 0x55));
        text_at(in.title, in.title_at.x, in.title_at.y);
        wxGraphicsPath path = gc.CreatePath();
        for (const auto& ring : in.rings) {
            for (size_t i = 0; i < ring.size(); ++i)
                i ? path.AddLineToPoint(ring[i].x, ring[i].y) : path.MoveToPoint(ring[i].x, ring[i].y);
            path.CloseSubpath();
        }
        gc.SetPen(wxPen(wxColour(0x6b, 0x6b, 0x6b), 1));
        gc.SetBrush(wxBrush(wxColour(u8(in.fill))));
        gc.FillPath(path, wxODDEVEN_RULE);
        gc.StrokePath(path);
        circles(in.circles);
    }
    gc.SetFont(pixel_font(13, true), wxColour(0x22, 0x22, 0x22));
    text_at(l.legend_title, l.legend_title_at.x, l.legend_title_at.y + 4);
    gc.SetFont(pixel_font(12), wxColour(0x22, 0x22, 0x22));
    for (const auto& item : l.legend) {
        double text_x = item.at.x;
        if (item.radius > 0) {
            gc.SetPen(item.colour.empty() ? wxPen(wxColour(0x44, 0x44, 0x44), 1) : wxPen(*wxWHITE, 1));
            gc.SetBrush(item.colour.empty() ? *wxTRANSPARENT_BRUSH : wxBrush(wxColour(u8(item.colour))));
            gc.DrawEllipse(item.at.x - item.radius, item.at.y - item.radius, 2 * item.radius, 2 * item.radius);
            text_x = item.at.x + std::max(item.radius, 12.0) + 8;
        }
        text_at(item.text, text_x, item.at.y + 4);
    }
    gc.SetFont(pixel_font(10), wxColour(0x77, 0x77, 0x77));
    text_at(l.attribution, l.attribution_at.x, l.attribution_at.y);
}

}  // namespace

MapView::MapView(wxWindow* parent)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE, "pat.map") {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(FromDIP(wxSize(560, 380)));
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) { on_paint(); });
    Bind(wxEVT_MOTION, [this](wxMouseEvent& e) { on_motion(e.GetX(), e.GetY()); });
}

void MapView::set_data(MapData data) {
    data_ = std::move(data);
    Refresh();
}

void MapView::on_paint() {
    wxAutoBufferedPaintDC dc(this);
    const wxSize size = GetClientSize();
    layout_ = layout_map(data_, size.x, size.y);
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (gc) draw(*gc, layout_);
}

// The workplaces under the pointer, as a tooltip.
void MapView::on_motion(int x, int y) {
    wxString tip;
    std::vector<MapCircle> all = layout_.circles;
    if (layout_.inset) all.insert(all.end(), layout_.inset->circles.begin(), layout_.inset->circles.end());
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        const double dx = x - it->centre.x, dy = y - it->centre.y;
        if (dx * dx + dy * dy > it->radius * it->radius) continue;
        const auto& w = data_.workplaces[it->workplace];
        if (!tip.empty()) tip += "\n";
        tip += u8(w.institution) + " — " + u8(w.place->postcode + " " + w.place->place) + " — " +
               wxString::Format(wxPLURAL("%d peer worker", "%d peer workers", w.peer_workers), w.peer_workers);
    }
    if (tip != GetToolTipText()) {
        if (tip.empty())
            UnsetToolTip();
        else
            SetToolTip(tip);
    }
}

void MapView::save_png(const std::filesystem::path& file, int width, int height) const {
    if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG)) wxImage::AddHandler(new wxPNGHandler);
    wxBitmap bitmap(width, height, 24);
    {
        wxMemoryDC dc(bitmap);
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
        if (!gc) throw Error(_("Cannot draw the map.").utf8_string());
        draw(*gc, layout_map(data_, width, height));
    }
    if (!bitmap.ConvertToImage().SaveFile(wxString::FromUTF8(file.string()), wxBITMAP_TYPE_PNG))
        throw Error(_("Cannot write the file.").utf8_string());
}

MapPage::MapPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    summary_ = new wxStaticText(this, wxID_ANY, wxString());
    bar->Add(summary_, 1, wxALIGN_CENTER_VERTICAL);
    const std::tuple<wxString, Format, const char*> buttons[] = {
        {_("Export PNG…"), Format::Png, "pat.map.export_png"},
        {_("Export SVG…"), Format::Svg, "pat.map.export_svg"},
        {_("Export CSV…"), Format::Csv, "pat.map.export_csv"},
        {_("Export GeoJSON…"), Format::GeoJson, "pat.map.export_geojson"}};
    for (const auto& [label, format, name] : buttons) {
        auto* b = new wxButton(this, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, name);
        bar->Add(b, 0, wxLEFT, 4);
        b->Bind(wxEVT_BUTTON, [this, format = format](wxCommandEvent&) { export_as(format); });
    }
    top->Add(bar, 0, wxEXPAND | wxALL, 8);
    map_ = new MapView(this);
    top->Add(map_, 3, wxEXPAND | wxLEFT | wxRIGHT, 8);
    unplaced_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "pat.map.unplaced");
    unplaced_->SetForegroundColour(wxColour(0xa0, 0x30, 0x10));
    top->Add(unplaced_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
    list_ = new ui::ListPanel(this, &context,
                              {.id = "pat.workplaces",
                               .title = _("Workplaces"),
                               .columns = {{_("Institution"), 260},
                                           {_("Region"), 90, ui::ColumnKind::Status},
                                           {_("Postcode"), 110},
                                           {_("Municipality"), 160},
                                           {_("Sector"), 200},
                                           {_("Since"), 100, ui::ColumnKind::Date},
                                           {_("On the map"), 170},
                                           {_("Peer workers"), 110, ui::ColumnKind::Integer}},
                               .search_hint = _("Search institution, municipality, sector…"),
                               .statuses = {_("Brussels"), _("Wallonia"), _("Flanders")}});
    top->Add(list_, 2, wxEXPAND | wxTOP, 4);
    SetSizer(top);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        if (!unplaced_text_.empty()) {
            unplaced_->SetLabel(unplaced_text_);
            unplaced_->Wrap(std::max(300, e.GetSize().x - 16));
        }
        e.Skip();
    });
    refresh();
}

void MapPage::refresh() {
    auto rows = std::make_shared<ui::TableRowSource>();
    auto data = map_data(database(), context().language());
    int peer_workers = 0;
    int64_t row = 0;
    for (const auto& w : data.workplaces) {
        rows->add(row++, {u8(w.institution),
                          w.region == "brussels"   ? _("Brussels")
                          : w.region == "wallonia" ? _("Wallonia")
                          : w.region == "flanders" ? _("Flanders")
                                                   : u8(w.region),
                          u8(w.postcode), u8(w.municipality), u8(w.sector), u8(locale::short_date(w.since)),
                          w.place ? u8(w.place->postcode + " " + w.place->place) : _("not placed"),
                          wxString::Format("%d", w.peer_workers)});
        peer_workers += w.peer_workers;
    }
    list_->set_source(rows);
    const auto unplaced = data.unplaced();
    const size_t places = data.workplaces.size();
    wxString text = wxString::Format(wxPLURAL("%zu workplace", "%zu workplaces", places), places) + ", " +
                    wxString::Format(wxPLURAL("%d peer worker.", "%d peer workers.", peer_workers), peer_workers);
    if (data.workplaces.empty()) text = _("No peer-support workplace yet: the map shows them once they are recorded.");
    summary_->SetLabel(text);
    unplaced_text_.clear();
    for (const auto& u : unplaced) unplaced_text_ += (unplaced_text_.empty() ? "" : ", ") + u8(u);
    if (!unplaced_text_.empty())
        unplaced_text_ = _("Not on the map (postcode and municipality unknown):") + " " + unplaced_text_;
    unplaced_->SetLabel(unplaced_text_);
    unplaced_->Show(!unplaced_text_.empty());
    unplaced_->Wrap(std::max(300, GetClientSize().x - 16));
    map_->set_data(std::move(data));
    Layout();
}

void MapPage::export_as(Format format) {
    struct Kind {
        wxString title, name, wildcard;
    };
    const Kind kind = format == Format::Png   ? Kind{_("Export PNG"), "peer-support-map.png", "PNG (*.png)|*.png"}
                      : format == Format::Svg ? Kind{_("Export SVG"), "peer-support-map.svg", "SVG (*.svg)|*.svg"}
                      : format == Format::Csv ? Kind{_("Export CSV"), "peer-support-map.csv", "CSV (*.csv)|*.csv"}
                                              : Kind{_("Export GeoJSON"), "peer-support-map.geojson",
                                                     "GeoJSON (*.geojson)|*.geojson"};
    wxFileDialog dialog(this, kind.title, wxString(), kind.name, kind.wildcard, wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    const std::filesystem::path path(dialog.GetPath().utf8_string());
    try {
        const auto& data = map_->data();
        if (format == Format::Png) {
            map_->save_png(path, 1000, 680);
        } else {
            std::ofstream out(path, std::ios::binary);
            if (!out) throw Error(_("Cannot write the file.").utf8_string());
            if (format == Format::Svg)
                out << map_svg_file(data);
            else if (format == Format::Csv)
                out << map_csv(database(), context().language());
            else
                out << map_geojson(database()).geojson.dump(2) << '\n';
            if (!out) throw Error(_("Cannot write the file.").utf8_string());
        }
        const auto unplaced = data.unplaced();
        if (!unplaced.empty() && format != Format::Csv) {
            wxString list;
            for (const auto& u : unplaced) list += "\n• " + u8(u);
            wxMessageBox(_("These workplaces have no known position and are not on the map:") + list, kind.title,
                         wxOK | wxICON_WARNING, this);
        }
        context().set_status(wxString::Format(_("Wrote %s"), dialog.GetPath()));
    } catch (const std::exception& e) {
        wxMessageBox(u8(e.what()), _("Export"), wxOK | wxICON_ERROR, this);
    }
}

}  // namespace maillage::pat

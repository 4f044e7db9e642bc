#include "ui/map_page.h"

#include "pat_activities.h"
#include "pat_map.h"

#include "core/error.h"
#include "shared-ui/list_panel.h"
#include "core/locale_format.h"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <fstream>

namespace maillage::pat {

MapPage::MapPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    summary_ = new wxStaticText(this, wxID_ANY, wxString());
    bar->Add(summary_, 1, wxALIGN_CENTER_VERTICAL);
    auto* csv = new wxButton(this, wxID_ANY, _("Export CSV…"));
    auto* geo = new wxButton(this, wxID_ANY, _("Export GeoJSON…"));
    bar->Add(csv, 0, wxRIGHT, 4);
    bar->Add(geo, 0);
    top->Add(bar, 0, wxEXPAND | wxALL, 8);
    list_ = new ui::ListPanel(this, &context,
                              {.id = "pat.workplaces",
                               .title = _("Workplaces"),
                               .columns = {{_("Institution"), 280},
                                           {_("Region"), 90, ui::ColumnKind::Status},
                                           {_("Municipality"), 170},
                                           {_("Sector"), 200},
                                           {_("Since"), 100, ui::ColumnKind::Date},
                                           {_("On the map"), 100},
                                           {_("Peer workers"), 120, ui::ColumnKind::Integer}},
                               .search_hint = _("Search institution, municipality, sector…"),
                               .statuses = {_("Brussels"), _("Wallonia"), _("Flanders")}});
    top->Add(list_, 1, wxEXPAND);
    SetSizer(top);
    csv->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { export_as(false); });
    geo->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { export_as(true); });
    refresh();
}

void MapPage::refresh() {
    auto rows = std::make_shared<ui::TableRowSource>();
    const auto places = ActivityRepository(database()).workplaces(context().language());
    int peer_workers = 0, unplaced = 0;
    int64_t row = 0;
    for (const auto& w : places) {
        const bool placed = municipality_centroid(w.municipality).has_value();
        rows->add(row++, {wxString::FromUTF8(w.institution_name),
                          w.region == "brussels"   ? _("Brussels")
                          : w.region == "wallonia" ? _("Wallonia")
                          : w.region == "flanders" ? _("Flanders")
                                                   : wxString::FromUTF8(w.region),
                          wxString::FromUTF8(w.municipality), wxString::FromUTF8(w.sector_label),
                          wxString::FromUTF8(locale::short_date(w.since)), placed ? _("yes") : _("no position"),
                          wxString::Format("%d", w.peer_workers)});
        peer_workers += w.peer_workers;
        unplaced += !placed;
    }
    list_->set_source(rows);
    wxString text = wxString::Format(_("%zu workplaces, %d peer workers."), places.size(), peer_workers);
    if (unplaced) text += " " + wxString::Format(_("%d without a known position (not on the map)."), unplaced);
    summary_->SetLabel(text);
}

void MapPage::export_as(bool geojson) {
    wxFileDialog dialog(this, geojson ? _("Export GeoJSON") : _("Export CSV"), wxString(),
                        geojson ? "peer-support-map.geojson" : "peer-support-map.csv",
                        geojson ? "GeoJSON (*.geojson)|*.geojson" : "CSV (*.csv)|*.csv",
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    try {
        std::ofstream out(dialog.GetPath().fn_str(), std::ios::binary);
        if (!out) throw Error(_("Cannot write the file.").utf8_string());
        if (geojson) {
            const auto m = map_geojson(database());
            out << m.geojson.dump(2) << '\n';
            if (!m.unplaced.empty()) {
                wxString list;
                for (const auto& u : m.unplaced) list += "\n• " + wxString::FromUTF8(u);
                wxMessageBox(_("These workplaces have no known position and are not on the map:") + list, _("Export GeoJSON"),
                             wxOK | wxICON_WARNING, this);
            }
        } else {
            out << map_csv(database(), context().language());
        }
        context().set_status(wxString::Format(_("Wrote %s"), dialog.GetPath()));
    } catch (const std::exception& e) {
        wxMessageBox(wxString::FromUTF8(e.what()), _("Export"), wxOK | wxICON_ERROR, this);
    }
}

}  // namespace maillage::pat

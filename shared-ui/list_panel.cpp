#include "shared-ui/list_panel.h"

#include "shared-ui/messages.h"
#include "shared-ui/plugin_ui.h"

#include "core/error.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/html/htmprint.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include <fstream>

namespace maillage::ui {

ListPanel::ListPanel(wxWindow* parent, UiContext* context, ListOptions options)
    : wxPanel(parent, wxID_ANY), options_(std::move(options)), context_(context) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    // The bar wraps onto a second line in the narrow lists that sit side by side.
    auto* bar = new wxWrapSizer(wxHORIZONTAL);
    bar_ = bar;
    if (options_.search) {
        // The box grows with the list up to a comfortable width, and shrinks in the
        // narrow lists that sit side by side.
        search_ = new wxSearchCtrl(this, wxID_ANY);
        search_->SetMinSize(FromDIP(wxSize(170, -1)));
        search_->SetMaxSize(FromDIP(wxSize(280, -1)));
        search_->SetDescriptiveText(options_.search_hint.empty() ? _("Search") : options_.search_hint);
        bar->Add(search_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT | wxBOTTOM, 4);
        search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
            list_->set_filter(search_->GetValue());
            update_count();
        });
    }
    for (size_t c = 0; c < options_.columns.size(); ++c)
        if (options_.columns[c].kind == ColumnKind::Status) {
            status_column_ = static_cast<int>(c);
            break;
        }
    status_ = new wxChoice(this, wxID_ANY);
    bar->Add(status_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT | wxBOTTOM, 4);
    status_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int k = status_->GetSelection();
        list_->set_status_filter(status_column_, k > 0 ? status_->GetString(static_cast<unsigned>(k)) : wxString());
        update_count();
    });
    set_statuses(options_.statuses);
    count_ = new wxStaticText(this, wxID_ANY, wxString());
    bar->Add(count_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT | wxBOTTOM, 4);
    bar->AddStretchSpacer();
    sizer->Add(bar, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
    list_ = new VirtualList(this, options_.columns,
                            wxDV_ROW_LINES | (options_.multiple ? wxDV_MULTIPLE : wxDV_SINGLE));
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(sizer);
    if (context && !options_.id.empty()) list_->remember_widths(*context, options_.id);
    update_count();
    if (options_.name) SetName(options_.name);
    add_buttons(options_.buttons);
    if (options_.on_activate) on_activate(options_.on_activate);
}

wxButton* ListPanel::add_button(const wxString& label, const wxString& tooltip) {
    auto* button = new wxButton(this, wxID_ANY, label);
    if (!tooltip.empty()) button->SetToolTip(tooltip);
    bar_->Add(button, 0, wxLEFT | wxBOTTOM | wxALIGN_CENTER_VERTICAL, 4);
    return button;
}

wxCheckBox* ListPanel::add_toggle(const wxString& label, std::function<void()> changed, const char* name) {
    auto* box = new wxCheckBox(this, wxID_ANY, label);
    if (name) box->SetName(name);
    box->Bind(wxEVT_CHECKBOX, [changed = std::move(changed)](wxCommandEvent&) { changed(); });
    bar_->Add(box, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, 8);
    return box;
}

std::vector<wxButton*> ListPanel::add_buttons(const std::vector<ListButton>& buttons) {
    std::vector<wxButton*> out;
    for (const auto& b : buttons) {
        auto* button = add_button(b.label, b.tooltip);
        if (b.name) button->SetName(b.name);
        button->Bind(wxEVT_BUTTON, [run = b.run](wxCommandEvent&) { run(); });
        out.push_back(button);
    }
    return out;
}

std::optional<int64_t> ListPanel::selected_or_say(const wxString& hint) {
    const auto id = selected_id();
    if (!id) show_info(this, hint);
    return id;
}

void ListPanel::on_activate(std::function<void()> run) {
    list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [run = std::move(run)](wxDataViewEvent&) { run(); });
}

void ListPanel::set_source(std::shared_ptr<const RowSource> source) {
    list_->set_source(std::move(source));
    update_count();
}

void ListPanel::set_search(const wxString& text) {
    if (!search_) return;
    search_->ChangeValue(text);
    list_->set_filter(text);
    update_count();
}

void ListPanel::set_statuses(const std::vector<wxString>& statuses) {
    const wxString keep = status_->GetSelection() > 0 ? status_->GetStringSelection() : wxString();
    status_->Clear();
    status_->Append(_("All"));
    for (const auto& s : statuses) status_->Append(s);
    const int found = keep.empty() ? wxNOT_FOUND : status_->FindString(keep, true);
    status_->SetSelection(found == wxNOT_FOUND ? 0 : found);
    if (found == wxNOT_FOUND && !keep.empty()) list_->set_status_filter(status_column_, {});
    status_->Show(!statuses.empty() && status_column_ >= 0);
    Layout();
}

void ListPanel::set_status(const wxString& value) {
    const int found = value.empty() ? 0 : status_->FindString(value, true);
    status_->SetSelection(found == wxNOT_FOUND ? 0 : found);
    list_->set_status_filter(status_column_, found > 0 ? value : wxString());
    update_count();
}

void ListPanel::focus_search() {
    if (search_) {
        search_->SetFocus();
        search_->SelectAll();
    } else {
        list_->SetFocus();
    }
}

void ListPanel::update_count() {
    if (options_.count_text) {
        count_->SetLabel(options_.count_text(list_->shown_count(), list_->total_count()));
    } else if (options_.count_format.empty()) {
        const size_t total = list_->total_count();
        count_->SetLabel(list_->shown_count() == total
                             ? wxString::Format(wxPLURAL("%zu row", "%zu rows", total), total)
                             : wxString::Format(wxPLURAL("%zu of %zu row", "%zu of %zu rows", total),
                                                list_->shown_count(), total));
    } else {
        count_->SetLabel(wxString::Format(options_.count_format, list_->shown_count(), list_->total_count()));
    }
    Layout();
}

void ListPanel::export_to(const std::filesystem::path& file) const {
    if (file.extension() == ".xlsx") {
        list_->write_xlsx(file, options_.title);
        return;
    }
    std::ofstream out(file, std::ios::binary);
    if (!out) throw Error(wxString::Format(_("Cannot write %s."), wxString::FromUTF8(file.string())).utf8_string());
    list_->write_csv(out);
    out.close();
    if (!out) throw Error(wxString::Format(_("Cannot write %s."), wxString::FromUTF8(file.string())).utf8_string());
}

bool ListPanel::export_visible() {
    wxString name = options_.title.empty() ? wxString("list") : options_.title;
    for (const char bad : {'/', '\\', ':', '*', '?', '"', '<', '>', '|'}) name.Replace(wxString(bad), "-");
    wxFileDialog dialog(this, wxString::Format(wxPLURAL("Export %zu row", "Export %zu rows", list_->shown_count()), list_->shown_count()), {}, name + ".xlsx",
                        _("Excel workbook (*.xlsx)|*.xlsx|CSV file (*.csv)|*.csv"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return false;
    std::filesystem::path file(dialog.GetPath().utf8_string());
    const char* wanted = dialog.GetFilterIndex() == 1 ? ".csv" : ".xlsx";
    if (file.extension() != ".csv" && file.extension() != ".xlsx") file += wanted;
    if (!guarded(this, _("The list was not exported"), [&] { export_to(file); })) return false;
    // Said where the user looks next: the status bar.
    if (context_)
        context_->set_status(wxString::Format(wxPLURAL("%zu row exported to %s", "%zu rows exported to %s",
                                                       list_->shown_count()),
                                              list_->shown_count(), wxString::FromUTF8(file.string())));
    return true;
}

void ListPanel::print() {
    wxHtmlEasyPrinting printing(options_.title.empty() ? _("Maillage") : options_.title, this);
    printing.SetFooter(_("Page @PAGENUM@ of @PAGESCNT@"));
    printing.PreviewText(list_->to_html(options_.title));
}

}  // namespace maillage::ui

#include "shared-ui/record_choice.h"

#include "core/programmes.h"

#include <wx/intl.h>

namespace maillage::ui {

RecordChoice::RecordChoice(wxWindow* parent, const wxString& none) : wxChoice(parent, wxID_ANY), none_(none) {
    set_records({}, std::nullopt);
}

void RecordChoice::set_records(const std::vector<std::pair<int64_t, wxString>>& records,
                               std::optional<int64_t> current) {
    Clear();
    ids_.clear();
    Append(none_);
    for (const auto& [id, label] : records) {
        Append(label);
        ids_.push_back(id);
    }
    select(current);
}

std::optional<int64_t> RecordChoice::chosen() const {
    const int k = GetSelection();
    return k >= 1 ? std::optional<int64_t>(ids_[size_t(k - 1)]) : std::nullopt;
}

void RecordChoice::select(std::optional<int64_t> id) {
    SetSelection(0);
    for (size_t k = 0; k < ids_.size(); ++k)
        if (id && ids_[k] == *id) SetSelection(int(k) + 1);
}

namespace {

template <class Record>
std::vector<std::pair<int64_t, wxString>> named_with_code(const std::vector<Record>& records) {
    std::vector<std::pair<int64_t, wxString>> out;
    for (const auto& r : records) out.emplace_back(r.id, wxString::FromUTF8(r.name + " (" + r.code + ")"));
    return out;
}

}  // namespace

std::vector<int64_t> refill_choice(wxChoice* choice, const std::vector<std::pair<int64_t, wxString>>& items,
                                   int64_t keep) {
    choice->Clear();
    std::vector<int64_t> ids;
    for (const auto& [id, label] : items) {
        choice->Append(label);
        ids.push_back(id);
        if (id == keep) choice->SetSelection(int(ids.size()) - 1);
    }
    if (!ids.empty() && choice->GetSelection() == wxNOT_FOUND) choice->SetSelection(0);
    return ids;
}

RecordChoice* funder_choice(wxWindow* parent, Database& db, const wxString& none, std::optional<int64_t> current) {
    auto* choice = new RecordChoice(parent, none);
    choice->set_records(named_with_code(FunderRepository(db).list()), current);
    return choice;
}

RecordChoice* programme_choice(wxWindow* parent, Database& db, const wxString& none, std::optional<int64_t> current) {
    auto* choice = new RecordChoice(parent, none);
    choice->set_records(named_with_code(ProgrammeRepository(db).list()), current);
    return choice;
}

void fill_funder_filter(wxChoice* choice, Database& db) {
    const wxString selected = wxString::FromUTF8(funder_code(choice));
    choice->Clear();
    choice->Append(_("All funders"));
    choice->SetSelection(0);
    // Names for people, codes (client data) for the filter.
    for (const auto& f : FunderRepository(db).list()) {
        choice->Append(wxString::FromUTF8(f.name), new wxStringClientData(wxString::FromUTF8(f.code)));
        if (wxString::FromUTF8(f.code) == selected) choice->SetSelection(int(choice->GetCount()) - 1);
    }
}

std::string funder_code(const wxChoice* choice) {
    if (choice->GetSelection() > 0)
        if (auto* code = dynamic_cast<wxStringClientData*>(choice->GetClientObject(unsigned(choice->GetSelection()))))
            return code->GetData().utf8_string();
    return {};
}

}  // namespace maillage::ui

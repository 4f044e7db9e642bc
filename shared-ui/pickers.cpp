#include "shared-ui/pickers.h"

#include "core/database.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/sectors.h"

#include <wx/dc.h>
#include <wx/intl.h>
#include <wx/popupwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>
#include <wx/vlbox.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <ctime>
#include <map>

namespace maillage::ui {

wxDEFINE_EVENT(EVT_PICKER_CHOSEN, wxCommandEvent);

// The dropdown's rows: the label, and the detail greyed on the right.
class MatchList : public wxVListBox {
public:
    explicit MatchList(wxWindow* parent) : wxVListBox(parent, wxID_ANY) {}

    void set_rows(std::vector<PickerItem> rows, wxString create_label) {
        rows_ = std::move(rows);
        create_label_ = std::move(create_label);
        SetItemCount(rows_.size() + (create_label_.empty() ? 0 : 1));
        Refresh();
    }

protected:
    void OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const override {
        const bool selected = IsSelected(n);
        const wxColour text = selected ? wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHTTEXT)
                                       : wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOXTEXT);
        const int pad = FromDIP(6);
        dc.SetTextForeground(text);
        if (n >= rows_.size()) {
            dc.SetFont(GetFont().Italic());
            dc.DrawText(create_label_, rect.x + pad, rect.y + (rect.height - dc.GetCharHeight()) / 2);
            return;
        }
        const auto& row = rows_[n];
        dc.SetFont(GetFont());
        const wxSize detail_size = dc.GetTextExtent(row.detail);
        const int label_room = rect.width - 3 * pad - (row.detail.empty() ? 0 : std::min(detail_size.x, rect.width / 2));
        const wxString label = wxControl::Ellipsize(row.label, dc, wxELLIPSIZE_END, std::max(label_room, 10));
        const int y = rect.y + (rect.height - dc.GetCharHeight()) / 2;
        dc.DrawText(label, rect.x + pad, y);
        if (!row.detail.empty()) {
            dc.SetTextForeground(selected ? text : wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
            const wxString detail = wxControl::Ellipsize(row.detail, dc, wxELLIPSIZE_END, rect.width / 2);
            dc.DrawText(detail, rect.GetRight() - pad - dc.GetTextExtent(detail).x, y);
        }
    }
    wxCoord OnMeasureItem(size_t) const override { return GetCharHeight() + FromDIP(8); }

private:
    std::vector<PickerItem> rows_;
    wxString create_label_;
};

SearchPicker::SearchPicker(wxWindow* parent, Query query, const wxString& hint, int limit, wxWindowID id)
    : wxPanel(parent, id), query_(std::move(query)), limit_(limit) {
    text_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    text_->SetHint(hint);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(text_, 0, wxEXPAND);
    SetSizer(sizer);

    popup_ = new wxPopupWindow(this, wxBORDER_SIMPLE);
    list_ = new MatchList(popup_);
    auto* popup_sizer = new wxBoxSizer(wxVERTICAL);
    popup_sizer->Add(list_, 1, wxEXPAND);
    popup_->SetSizer(popup_sizer);

    text_->Bind(wxEVT_TEXT, &SearchPicker::on_text, this);
    text_->Bind(wxEVT_KEY_DOWN, &SearchPicker::on_key, this);
    text_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { handle_key(WXK_RETURN); });
    text_->Bind(wxEVT_KILL_FOCUS, &SearchPicker::on_focus_lost, this);
    list_->Bind(wxEVT_LEFT_UP, [this](wxMouseEvent& event) {
        const int row = list_->VirtualHitTest(event.GetPosition().y);
        if (row != wxNOT_FOUND) choose(size_t(row));
    });
}

SearchPicker::~SearchPicker() {
    // The popup is a top-level window parented to us: gone before we are.
    if (popup_) popup_->Destroy();
}

void SearchPicker::set_create_new(const wxString& label, std::function<void(const wxString&)> create) {
    create_label_ = label;
    create_ = std::move(create);
}

void SearchPicker::set_selection(int64_t id, const wxString& label) {
    selection_ = id;
    setting_text_ = true;
    text_->ChangeValue(label);
    setting_text_ = false;
    hide_popup();
}

void SearchPicker::clear_selection() {
    selection_.reset();
    text_->ChangeValue({});
    hide_popup();
}

void SearchPicker::set_text(const wxString& text) {
    text_->SetValue(text);  // sends wxEVT_TEXT, as typing does
}

wxString SearchPicker::text() const { return text_->GetValue(); }

int SearchPicker::highlighted() const { return list_->GetSelection(); }

bool SearchPicker::popup_shown() const { return popup_->IsShown(); }

size_t SearchPicker::row_count() const { return matches_.size() + (create_ ? 1 : 0); }

void SearchPicker::on_text(wxCommandEvent&) {
    if (setting_text_) return;
    // Typed text no longer names the chosen record.
    selection_.reset();
    search();
}

void SearchPicker::search() {
    const std::string typed = text_->GetValue().Strip(wxString::both).utf8_string();
    matches_ = query_(typed, limit_);
    list_->set_rows(matches_, create_ ? create_label_ : wxString());
    list_->SetSelection(matches_.empty() ? wxNOT_FOUND : 0);
    if (row_count() > 0)
        show_popup();
    else
        hide_popup();
}

void SearchPicker::show_popup() {
    const int rows = int(std::min<size_t>(row_count(), 10));
    const int row_h = list_->GetCharHeight() + FromDIP(8);
    const wxSize size(std::max(text_->GetSize().x, FromDIP(360)), rows * row_h + 4);
    popup_->SetSize(size);
    popup_->Layout();
    popup_->Position(text_->ClientToScreen(wxPoint(0, 0)), wxSize(0, text_->GetSize().y));
    if (!popup_->IsShown()) popup_->Show();
    list_->Refresh();
}

void SearchPicker::hide_popup() {
    if (popup_ && popup_->IsShown()) popup_->Hide();
}

void SearchPicker::on_focus_lost(wxFocusEvent& event) {
    event.Skip();
    // A click in the list moves the focus there for a moment: keep the list then.
    CallAfter([this] {
        wxWindow* focus = wxWindow::FindFocus();
        if (focus != list_ && focus != text_) hide_popup();
    });
}

void SearchPicker::on_key(wxKeyEvent& event) {
    if (!handle_key(event.GetKeyCode())) event.Skip();
}

bool SearchPicker::handle_key(int key_code) {
    const int rows = int(row_count());
    switch (key_code) {
        case WXK_DOWN:
        case WXK_NUMPAD_DOWN:
            if (!popup_shown()) {
                search();
                return true;
            }
            if (rows > 0) list_->SetSelection(std::min(rows - 1, list_->GetSelection() + 1));
            return true;
        case WXK_UP:
        case WXK_NUMPAD_UP:
            if (popup_shown() && rows > 0) list_->SetSelection(std::max(0, list_->GetSelection() - 1));
            return true;
        case WXK_RETURN:
        case WXK_NUMPAD_ENTER:
            if (popup_shown() && list_->GetSelection() != wxNOT_FOUND) {
                choose(size_t(list_->GetSelection()));
                return true;
            }
            return false;  // let the dialog's default button have it
        case WXK_ESCAPE:
            if (popup_shown()) {
                hide_popup();
                return true;
            }
            return false;
        default:
            return false;
    }
}

void SearchPicker::choose(size_t n) {
    if (n < matches_.size()) {
        const PickerItem item = matches_[n];
        set_selection(item.id, item.label);
        text_->SetInsertionPointEnd();
        if (on_chosen_) on_chosen_(item);
        wxCommandEvent event(EVT_PICKER_CHOSEN, GetId());
        event.SetEventObject(this);
        event.SetExtraLong(long(item.id));
        event.SetString(item.label);
        ProcessWindowEvent(event);
    } else if (n == matches_.size() && create_) {
        hide_popup();
        const wxString typed = text_->GetValue().Strip(wxString::both);
        create_(typed);
    }
    if (text_->IsShownOnScreen()) text_->SetFocus();
}

namespace {

// Lower case without the accents French and Dutch use, to match "sante" with "Santé".
wxString fold(const wxString& text) {
    static const std::map<wxUniChar, wxUniChar> plain = [] {
        std::map<wxUniChar, wxUniChar> m;
        const wxString from = wxString::FromUTF8("àâäáãéèêëíìîïóòôöõúùûüçñÿ");
        const wxString to = "aaaaaeeeeiiiiooooouuuucny";
        for (size_t i = 0; i < from.size(); ++i) m[from[i]] = to[i];
        return m;
    }();
    wxString out = text.Lower();
    for (auto it = out.begin(); it != out.end(); ++it) {
        auto p = plain.find(*it);
        if (p != plain.end()) *it = p->second;
    }
    return out;
}

std::string today() {
    const std::time_t now = std::time(nullptr);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", std::localtime(&now));
    return buf;
}

}  // namespace

InstitutionPicker::InstitutionPicker(wxWindow* parent, Database& db, int limit)
    : SearchPicker(
          parent,
          [&db](const std::string& text, int n) {
              std::vector<PickerItem> out;
              for (const auto& i : InstitutionRepository(db).search(text, n))
                  out.push_back({i.id, wxString::FromUTF8(i.name),
                                 wxString::FromUTF8(i.postcode.empty() ? i.municipality
                                                                       : i.postcode + " " + i.municipality)});
              return out;
          },
          _("Type a name, municipality or postcode"), limit) {}

PersonPicker::PersonPicker(wxWindow* parent, Database& db, const std::string& role, const std::string& date,
                           int limit)
    : SearchPicker(
          parent,
          [&db, role, date](const std::string& text, int n) {
              PersonRepository people(db);
              std::vector<Person> found;
              if (role.empty()) {
                  found = people.search(text, n);
              } else {
                  // The same match as PersonRepository::search, within a role, still LIMITed.
                  SQLite::Statement q(db.sql(),
                                      "SELECT p.id FROM person p JOIN person_role r ON r.person_id = p.id "
                                      "WHERE r.role = ?3 AND p.erased_at IS NULL AND (?1 = '' OR "
                                      "(coalesce(p.first_name,'') || ' ' || coalesce(p.last_name,'')) LIKE '%' || ?1 "
                                      "|| '%' OR (coalesce(p.last_name,'') || ' ' || coalesce(p.first_name,'')) LIKE "
                                      "'%' || ?1 || '%' OR p.email LIKE '%' || ?1 || '%') "
                                      "ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE LIMIT ?2");
                  q.bind(1, text);
                  q.bind(2, n);
                  q.bind(3, role);
                  while (q.executeStep())
                      if (auto p = people.get(q.getColumn(0).getInt64())) found.push_back(*p);
              }
              const std::string on = date.empty() ? today() : date;
              InstitutionRepository institutions(db);
              std::map<int64_t, wxString> names;
              std::vector<PickerItem> out;
              for (const auto& p : found) {
                  wxString detail;
                  if (auto id = people.affiliation_at(p.id, on).institution_id) {
                      auto it = names.find(*id);
                      if (it == names.end()) {
                          auto i = institutions.get(*id);
                          it = names.emplace(*id, i ? wxString::FromUTF8(i->name) : wxString()).first;
                      }
                      detail = it->second;
                  } else if (!p.email.empty()) {
                      detail = wxString::FromUTF8(p.email);
                  }
                  out.push_back({p.id, wxString::FromUTF8(p.display_name()), detail});
              }
              return out;
          },
          _("Type a name or an email address"), limit) {}

SectorPicker::SectorPicker(wxWindow* parent, Database& db, const std::string& language, int limit)
    : SearchPicker(
          parent,
          [&db, language](const std::string& text, int n) {
              // Sixteen-odd rows: filtering them here lets "sante" find "Santé mentale".
              const wxString wanted = fold(wxString::FromUTF8(text));
              std::vector<PickerItem> out;
              for (const auto& s : SectorRepository(db).list()) {
                  const wxString label = wxString::FromUTF8(s.label(language));
                  if (!wanted.empty() && !fold(label).Contains(wanted)) continue;
                  if (int(out.size()) >= n) break;
                  out.push_back({s.id, label, {}});
              }
              return out;
          },
          _("Type a sector"), limit) {}

}  // namespace maillage::ui

#pragma once
// A modal "choose one record" dialog: a search box over a virtual list.
#include "shared-ui/virtual_list.h"

#include <wx/dialog.h>

#include <memory>
#include <optional>


namespace maillage::ui {

class ListPanel;

class ChooseDialog : public wxDialog {
public:
    ChooseDialog(wxWindow* parent, const wxString& title, const wxString& prompt, std::vector<ListColumn> columns,
                 std::shared_ptr<const RowSource> rows);
    std::optional<int64_t> chosen() const { return list_->selected_id(); }
    // Starts with this text in the search box.
    void search_for(const wxString& text);

private:
    ListPanel* panel_ = nullptr;
    VirtualList* list_ = nullptr;
};

}  // namespace maillage::ui

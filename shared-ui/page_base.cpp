#include "shared-ui/page_base.h"

#include "shared-ui/list_panel.h"

namespace maillage::ui {
namespace {
ListPanel* first_list(wxWindow* window) {
    for (wxWindow* child : window->GetChildren()) {
        if (auto* list = dynamic_cast<ListPanel*>(child)) return list;
        if (auto* found = first_list(child)) return found;
    }
    return nullptr;
}
}  // namespace

PageBase::PageBase(wxWindow* parent, UiContext& context) : wxPanel(parent, wxID_ANY), context_(context) {}

ListPanel* PageBase::current_list() {
    ListPanel* focused = nullptr;
    for (wxWindow* w = wxWindow::FindFocus(); w; w = w->GetParent()) {
        if (w == this) {
            if (focused) return focused;
            break;
        }
        if (!focused) focused = dynamic_cast<ListPanel*>(w);
    }
    return main_list_ ? main_list_ : first_list(this);
}

bool PageBase::focus_search() {
    auto* list = current_list();
    if (!list) return false;
    list->focus_search();
    return true;
}

bool PageBase::print() {
    auto* list = current_list();
    if (!list) return false;
    list->print();
    return true;
}

bool PageBase::export_list() {
    auto* list = current_list();
    if (!list) return false;
    list->export_visible();
    return true;
}

}  // namespace maillage::ui

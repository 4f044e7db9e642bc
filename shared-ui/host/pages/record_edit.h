#pragma once
// What the core pages' New and Edit share: the record selected (or a hint to select
// one), and saving a record, new or changed, with the failure shown.
#include "shared-ui/messages.h"
#include "shared-ui/virtual_list.h"

#include <cstdint>
#include <optional>

namespace maillage::ui {

// The id selected in `list`; when there is none, tells the user `hint`.
inline std::optional<int64_t> selected_or_hint(wxWindow* parent, const VirtualList* list, const wxString& hint) {
    const auto id = list->selected_id();
    if (!id) show_info(parent, hint);
    return id;
}

// The record selected in `list`, read through `repo` (what Edit opens); when none is
// selected, tells the user `hint`.
template <class Repository>
auto selected_record(wxWindow* parent, const VirtualList* list, Repository repo, const wxString& hint)
    -> decltype(repo.get(int64_t{})) {
    if (const auto id = selected_or_hint(parent, list, hint)) return repo.get(*id);
    return {};
}

// Creates `value` through `repo` when it has no id yet, else updates it; what fails is
// shown after `failure`. Returns the record's id, nullopt when it was not saved.
template <class Repository, class Record>
std::optional<int64_t> save_record(wxWindow* parent, const wxString& failure, Repository repo, const Record& value) {
    int64_t id = value.id;
    if (!guarded(parent, failure, [&] {
            if (value.id)
                repo.update(value);
            else
                id = repo.create(value);
        }))
        return std::nullopt;
    return id;
}

}  // namespace maillage::ui

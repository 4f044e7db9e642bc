#pragma once
// The names page and dialog headers hold by pointer, declared once: the wx controls and
// the shared-ui pieces. A header includes this instead of its own list of declarations.
class wxBoxSizer;
class wxButton;
class wxCheckBox;
class wxCheckListBox;
class wxChoice;
class wxFilePickerCtrl;
class wxHtmlWindow;
class wxListBox;
class wxListCtrl;
class wxNotebook;
class wxScrolledWindow;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;
class wxWindow;

namespace maillage {
class Database;
}  // namespace maillage

namespace maillage::ui {
class AttendanceGrid;
class ChartPanel;
class DatePicker;
class IdCheckList;
class InstitutionPicker;
class ListPanel;
class PersonPicker;
class QuestionnaireForm;
class QuestionnaireResults;
class RecordChoice;
class ReportView;
class SearchPicker;
class SectorPicker;
class TimeSlotPicker;
class UiContext;
}  // namespace maillage::ui

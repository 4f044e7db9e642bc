#pragma once
// Documents for participants: certificates of attendance (with the hours actually
// attended) and mail-merged confirmation/reminder texts written to one file (the
// messages themselves, .eml or SMTP, are in catalogue_mail.h).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace maillage {
class Database;
class Progress;
struct Person;
}

namespace maillage::catalogue {

struct TrainingRow;

// The training's days that are not cancelled: "lundi 14 septembre 2026 (09:30–16:00), ...".
std::string dates_of(Database& db, const TrainingRow& t, const std::string& lang);
// Whether to write to the person in Dutch: theirs when known, else the training's when
// it is given in Dutch only.
bool dutch_for(const Person* p, const TrainingRow& t);

struct CertificatesResult {
    std::filesystem::path html;  // all certificates, one per page
    std::filesystem::path pdf;   // one page per certificate (cairo and pango); empty when not asked or none
    int count = 0;
    std::string message;
};

// One certificate per participant present at least once (or only `person_id`'s when
// given: the file is then named after the person); the text is in the person's
// language (French or Dutch). Reports to `progress` per certificate and stops there
// when cancelled (throws Cancelled; files already written stay). Throws
// maillage::Error on an unknown training.
CertificatesResult write_certificates(Database& db, const std::string& training_code, const std::filesystem::path& out_dir,
                                      bool make_pdf = true, std::optional<int64_t> person_id = std::nullopt,
                                      Progress* progress = nullptr);

// "confirmation" (registered and waiting people, each told which) or "reminder"
// (registered people). Returns the number of messages written to `out`.
int mail_merge(Database& db, const std::string& training_code, const std::string& kind, const std::filesystem::path& out);

}  // namespace maillage::catalogue

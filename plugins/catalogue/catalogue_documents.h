#pragma once
// Documents for participants: certificates of attendance (with the hours actually
// attended) and mail-merged confirmation/reminder texts written to a file. The suite
// sends no mail itself.
#include <filesystem>
#include <string>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::catalogue {

struct CertificatesResult {
    std::filesystem::path html;  // all certificates, one per page
    std::filesystem::path pdf;   // one page per certificate (cairo and pango); empty when not asked or none
    int count = 0;
    std::string message;
};

// One certificate per participant present at least once; the text is in the person's
// language (French or Dutch). Throws maillage::Error on an unknown training.
CertificatesResult write_certificates(Database& db, const std::string& training_code, const std::filesystem::path& out_dir,
                                      bool make_pdf = true);

// "confirmation" (registered and waiting people, each told which) or "reminder"
// (registered people). Returns the number of messages written to `out`.
int mail_merge(Database& db, const std::string& training_code, const std::string& kind, const std::filesystem::path& out);

}  // namespace maillage::catalogue

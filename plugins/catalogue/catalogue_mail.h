#pragma once
// Confirmation and reminder messages to a training's participants: composed in each
// person's language, then written as .eml files (any mail client opens them) or sent
// through the organisation's SMTP server (libcurl). Every message written or sent is
// logged per training, person, kind and channel, and never goes out twice on a channel.
// The password is never stored here: the caller passes it (the window keeps it in the
// desktop keyring).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace maillage {
class Database;
class Progress;
}  // namespace maillage

namespace maillage::catalogue {

struct MailMessage {
    int64_t person_id = 0;
    std::string kind;  // confirmation (a seat) | waiting (on the waiting list) | reminder
    std::string to_name, to_email;
    std::string subject, body;  // UTF-8 plain text
};

// The messages of a kind ("confirmation": registered and waiting people, each told
// which; "reminder": registered people) for a training, people without e-mail included
// (to_email empty). Throws maillage::Error on an unknown training or kind.
std::vector<MailMessage> compose_messages(Database& db, const std::string& training_code, const std::string& kind);

struct SmtpSettings {
    std::string host;
    int port = 587;
    std::string security = "starttls";  // starttls | ssl | none
    std::string user;
    std::string password;               // given for this sending only
    std::string from_address, from_name;
    int timeout_seconds = 30;
};

// An RFC 5322 message (UTF-8, MIME, base64 body, encoded headers) from `from`.
std::string to_eml(const MailMessage& message, const std::string& from_name, const std::string& from_address,
                   const std::string& message_id);

struct MailOptions {
    enum class Channel { Eml, Smtp };
    Channel channel = Channel::Eml;
    std::filesystem::path folder;  // Eml: where the .eml files go
    SmtpSettings smtp;             // Smtp
    bool dry_run = false;          // say what would go, write and send nothing
};

struct MailReport {
    int sent = 0;              // written or sent now (or that would be, in a dry run)
    int already = 0;           // skipped: logged as sent on this channel before
    int without_email = 0;     // skipped: the person has no e-mail
    int failed = 0;            // the server refused them (the rest went on)
    std::vector<std::string> lines;  // one per message: "Leila Benali <...>: sent" (translated)
    std::vector<std::filesystem::path> files;  // the .eml files written
};

// Writes or sends the messages of `kind` for the training, skipping those already
// logged on the channel. Each message written or sent is logged at once (its own
// transaction), so a failure half way leaves the others logged. Throws maillage::Error
// when the folder cannot be written or the server cannot be reached at all (nothing sent).
MailReport send_messages(Database& db, const std::string& training_code, const std::string& kind,
                         const MailOptions& options, Progress* progress = nullptr);

struct MailLogEntry {
    int64_t id = 0;
    int64_t person_id = 0;
    std::string person;  // display name
    std::string kind, channel, subject, sent_at;
};
std::vector<MailLogEntry> mail_log(Database& db, int64_t training_id);

}  // namespace maillage::catalogue

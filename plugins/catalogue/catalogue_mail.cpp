#include "catalogue_mail.h"

#include "catalog/html_writer.h"
#include "catalogue_documents.h"
#include "catalogue_registrations.h"
#include "catalogue_store.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/people.h"
#include "core/programmes.h"
#include "core/progress.h"
#include "core/single_line.h"
#include "core/undo.h"
#include "core/row_reader.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <curl/curl.h>
#include <fmt/format.h>

#include <cstring>
#include <ctime>
#include <fstream>
#include <memory>

namespace maillage::catalogue {
namespace {

std::string base64(const std::string& in) {
    static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const unsigned n = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8 | (unsigned char)in[i + 2];
        out += {table[n >> 18], table[(n >> 12) & 63], table[(n >> 6) & 63], table[n & 63]};
    }
    if (i + 1 == in.size()) {
        const unsigned n = (unsigned char)in[i] << 16;
        out += {table[n >> 18], table[(n >> 12) & 63], '=', '='};
    } else if (i + 2 == in.size()) {
        const unsigned n = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8;
        out += {table[n >> 18], table[(n >> 12) & 63], table[(n >> 6) & 63], '='};
    }
    return out;
}

bool ascii(const std::string& s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

// RFC 2047 encoded words, each under 76 characters and never splitting a UTF-8 sequence.
std::string encode_header(const std::string& value) {
    const std::string text = header_text(value);
    if (ascii(text)) return text;
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = std::min(text.size(), i + 42);
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        out += (out.empty() ? "" : "\r\n ") + std::string("=?UTF-8?B?") + base64(text.substr(i, end - i)) + "?=";
        i = end;
    }
    return out;
}

std::string mailbox(const std::string& name, const std::string& address) {
    if (name.empty()) return "<" + header_text(address) + ">";
    return encode_header(name) + " <" + header_text(address) + ">";
}

std::string rfc2822_now() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return fmt::format("{}, {:02d} {} {} {:02d}:{:02d}:{:02d} +0000", days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
                       tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

bool logged(Database& db, int64_t training_id, int64_t person_id, const std::string& kind, const std::string& channel) {
    SQLite::Statement q(db.sql(), "SELECT 1 FROM catalogue_mail_log WHERE training_id = ? AND person_id = ? AND kind = ? "
                                  "AND channel = ?");
    bind_all(q, training_id, person_id, kind, channel);
    return q.executeStep();
}

void log_message(Database& db, int64_t training_id, const MailMessage& m, const std::string& channel) {
    db.write(trf("Log the message to {name}", fmt::arg("name", m.to_name)), [&] {
        SQLite::Statement q(db.sql(), "INSERT INTO catalogue_mail_log(training_id, person_id, kind, channel, subject) "
                                      "VALUES(?,?,?,?,?)");
        bind_all(q, training_id, m.person_id, m.kind, channel, m.subject);
        q.exec();
    });
}

struct Upload {
    const std::string* text;
    std::size_t offset = 0;
};

size_t read_upload(char* buffer, size_t size, size_t count, void* user) {
    auto* up = static_cast<Upload*>(user);
    const std::size_t n = std::min(size * count, up->text->size() - up->offset);
    std::memcpy(buffer, up->text->data() + up->offset, n);
    up->offset += n;
    return n;
}

struct CurlDeleter {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};

// Sends one message; returns "" or what the server or network said.
std::string smtp_send(CURL* curl, const SmtpSettings& s, const std::string& to, const std::string& eml, char* error) {
    const bool ssl = s.security == "ssl";
    const std::string url = fmt::format("{}://{}:{}", ssl ? "smtps" : "smtp", s.host, s.port);
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_USE_SSL, s.security == "none" ? long(CURLUSESSL_NONE) : long(CURLUSESSL_ALL));
    if (!s.user.empty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, s.user.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, s.password.c_str());
    }
    const std::string from = "<" + s.from_address + ">";
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    const std::string rcpt = "<" + to + ">";
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(curl_slist_append(nullptr, rcpt.c_str()),
                                                                          &curl_slist_free_all);
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients.get());
    Upload up{&eml};
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &up);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, long(s.timeout_seconds));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    error[0] = 0;
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    const CURLcode rc = curl_easy_perform(curl);
    if (rc == CURLE_OK) return {};
    return error[0] ? std::string(error) : std::string(curl_easy_strerror(rc));
}

}  // namespace

std::vector<MailMessage> compose_messages(Database& db, const std::string& code, const std::string& kind) {
    if (kind != "confirmation" && kind != "reminder") throw Error(tr("The kind of message is confirmation or reminder."));
    auto t = require_training(db, code);
    RegistrationService registrations(db);
    PersonRepository people(db);
    const std::string organisation = organisation_name(db);
    std::vector<MailMessage> out;
    for (const auto& r : registrations.list(t.id)) {
        if (r.status == "cancelled" || (kind == "reminder" && r.status != "registered")) continue;
        auto p = people.get(r.person_id);
        if (!p || p->erased) continue;
        const bool nl = dutch_for(&*p, t);
        const std::string lang = nl ? "nl" : "fr";
        const std::string title = t.input.title.get(lang);
        const std::string dates = dates_of(db, t, lang);
        const std::string first = header_text(p->first_name);
        MailMessage m;
        m.person_id = p->id;
        m.to_name = p->display_name();
        m.to_email = p->email;
        if (kind == "confirmation" && r.status == "registered") {
            m.kind = "confirmation";
            m.subject = nl ? "Bevestiging van uw inschrijving: " + title : "Confirmation de votre inscription : " + title;
            m.body = nl ? fmt::format("Beste {},\n\nUw inschrijving voor de vorming \"{}\" is bevestigd.\nData: {}\nPlaats: {}\n\n"
                                      "Kan u niet komen? Laat het ons weten, zodat iemand van de wachtlijst uw plaats kan innemen.\n\n{}\n",
                                      first, title, dates, t.input.venue, organisation)
                        : fmt::format("Bonjour {},\n\nVotre inscription à la formation « {} » est confirmée.\nDates : {}\nLieu : {}\n\n"
                                      "En cas d'empêchement, prévenez-nous : une personne en liste d'attente pourra prendre votre place.\n\n{}\n",
                                      first, title, dates, t.input.venue, organisation);
        } else if (kind == "confirmation") {
            m.kind = "waiting";
            m.subject = nl ? "Wachtlijst: " + title : "Liste d'attente : " + title;
            m.body = nl ? fmt::format("Beste {},\n\nDe vorming \"{}\" is volzet. U staat op plaats {} van de wachtlijst; "
                                      "we verwittigen u zodra er een plaats vrijkomt.\n\n{}\n",
                                      first, title, r.waiting_position.value_or(0), organisation)
                        : fmt::format("Bonjour {},\n\nLa formation « {} » est complète. Vous êtes en position {} sur la liste d'attente ; "
                                      "nous vous préviendrons dès qu'une place se libère.\n\n{}\n",
                                      first, title, r.waiting_position.value_or(0), organisation);
        } else {
            m.kind = "reminder";
            m.subject = nl ? "Herinnering: " + title : "Rappel : " + title;
            m.body = nl ? fmt::format("Beste {},\n\nWe herinneren u aan de vorming \"{}\".\nData: {}\nPlaats: {}\n\nTot dan!\n{}\n",
                                      first, title, dates, t.input.venue, organisation)
                        : fmt::format("Bonjour {},\n\nNous vous rappelons la formation « {} ».\nDates : {}\nLieu : {}\n\nÀ bientôt !\n{}\n",
                                      first, title, dates, t.input.venue, organisation);
        }
        out.push_back(std::move(m));
    }
    return out;
}

std::string to_eml(const MailMessage& m, const std::string& from_name, const std::string& from_address,
                   const std::string& message_id) {
    std::string body;
    for (char c : m.body) {
        if (c == '\n') body += '\r';
        body += c;
    }
    const std::string encoded = base64(body);
    std::string out;
    if (!from_address.empty()) out += "From: " + mailbox(from_name, from_address) + "\r\n";
    out += "To: " + mailbox(m.to_name, m.to_email) + "\r\n";
    out += "Subject: " + encode_header(m.subject) + "\r\n";
    out += "Date: " + rfc2822_now() + "\r\n";
    out += "Message-ID: <" + header_text(message_id) + ">\r\n";
    // Opened as a draft ready to send by Thunderbird and Outlook.
    out += "X-Unsent: 1\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
           "Content-Transfer-Encoding: base64\r\n\r\n";
    for (std::size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
    return out;
}

MailReport send_messages(Database& db, const std::string& code, const std::string& kind, const MailOptions& options,
                         Progress* progress) {
    const auto training = require_training(db, code);
    const auto messages = compose_messages(db, code, kind);
    const bool smtp = options.channel == MailOptions::Channel::Smtp;
    const std::string channel = smtp ? "smtp" : "eml";
    MailReport report;
    const std::string from_address = smtp ? options.smtp.from_address : std::string();
    const std::string from_name = smtp ? options.smtp.from_name : organisation_name(db);
    if (smtp && !options.dry_run) {
        if (options.smtp.host.empty()) throw Error(tr("SMTP server: no server is set (Preferences)."));
        if (options.smtp.from_address.find('@') == std::string::npos)
            throw Error(tr("SMTP server: the sender's address is not an e-mail address (Preferences)."));
    }
    if (!smtp && !options.dry_run) {
        std::error_code ec;
        std::filesystem::create_directories(options.folder, ec);
        if (ec || !std::filesystem::is_directory(options.folder))
            throw Error(trf("Cannot write into the folder {folder}.", fmt::arg("folder", options.folder.string())));
    }
    std::unique_ptr<CURL, CurlDeleter> curl;
    char error[CURL_ERROR_SIZE] = {0};
    bool reached = false;  // the server accepted at least one message
    std::size_t done = 0;
    for (const auto& m : messages) {
        step(progress, done++, messages.size(), m.to_name);
        const std::string who = m.to_email.empty() ? m.to_name : m.to_name + " <" + m.to_email + ">";
        if (m.to_email.empty()) {
            ++report.without_email;
            report.lines.push_back(trf("{who}: no e-mail address, skipped", fmt::arg("who", who)));
            continue;
        }
        if (logged(db, training.id, m.person_id, m.kind, channel)) {
            ++report.already;
            report.lines.push_back(trf("{who}: already sent, skipped", fmt::arg("who", who)));
            continue;
        }
        if (options.dry_run) {
            ++report.sent;
            report.lines.push_back(trf("{who}: would be sent \"{subject}\"", fmt::arg("who", who), fmt::arg("subject", m.subject)));
            continue;
        }
        const std::string id = fmt::format("{}.{}.{}.{}@maillage", catalog::safe_file_name(code), m.kind, m.person_id,
                                           static_cast<long long>(std::time(nullptr)));
        const std::string eml = to_eml(m, from_name, from_address, id);
        if (smtp) {
            if (!curl) {
                curl.reset(curl_easy_init());
                if (!curl) throw Error(tr("SMTP server: the mail library could not start."));
            }
            const std::string problem = smtp_send(curl.get(), options.smtp, m.to_email, eml, error);
            if (!problem.empty()) {
                // Nothing went out yet: the server is unreachable or refuses us; stop here.
                if (!reached)
                    throw Error(trf("SMTP server {host}:{port}: {problem}. Nothing was sent.",
                                    fmt::arg("host", options.smtp.host), fmt::arg("port", options.smtp.port),
                                    fmt::arg("problem", problem)));
                ++report.failed;
                report.lines.push_back(trf("{who}: not sent ({problem})", fmt::arg("who", who), fmt::arg("problem", problem)));
                continue;
            }
            reached = true;
        } else {
            const auto file = options.folder / (catalog::safe_file_name(code) + "-" + m.kind + "-" +
                                                catalog::safe_file_name(m.to_name) + "-" + std::to_string(m.person_id) + ".eml");
            std::ofstream out(file, std::ios::binary | std::ios::trunc);
            out << eml;
            if (!out) throw Error(trf("Cannot write {file}.", fmt::arg("file", file.string())));
            report.files.push_back(file);
        }
        log_message(db, training.id, m, channel);
        ++report.sent;
        report.lines.push_back(trf("{who}: {subject}", fmt::arg("who", who), fmt::arg("subject", m.subject)));
    }
    step(progress, messages.size(), messages.size(), {});
    // Mail that went out cannot be called back: Edit > Undo must not remove its log
    // (and so let it go out twice), nor anything before it.
    if (smtp && !options.dry_run && report.sent > 0) db.undo_stack().clear();
    return report;
}

std::vector<MailLogEntry> mail_log(Database& db, int64_t training_id) {
    using M = MailLogEntry;
    static const RowMap kMailRow{column("id", &M::id), column("person_id", &M::person_id), column("kind", &M::kind),
                                 column("channel", &M::channel), column("subject", &M::subject),
                                 column("sent_at", &M::sent_at)};
    SQLite::Statement q(db.sql(), kMailRow.select("FROM catalogue_mail_log WHERE training_id = ? "
                                                  "ORDER BY sent_at DESC, id DESC"));
    q.bind(1, training_id);
    PersonRepository people(db);
    return read_all(q, kMailRow, [&](MailLogEntry& e) {
        if (auto p = people.get(e.person_id)) e.person = p->display_name();
    });
}

}  // namespace maillage::catalogue

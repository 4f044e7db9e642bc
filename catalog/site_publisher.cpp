#include "catalog/site_publisher.h"
#include "core/ical_zone.h"

#include "catalog/edition_feed_xml.h"
#include "catalog/html_writer.h"
#include "catalog/site_texts.h"
#include "core/validate.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/locale_format.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <unistd.h>

namespace fs = std::filesystem;

namespace maillage::catalog {
namespace {

const char* kStyle = R"CSS(/* Maillage catalogue: readable, high-contrast, phone first. */
:root { --ink: #1b1b1b; --muted: #4a4a4a; --brand: #0b4f6c; --brand-dark: #083a50; --accent: #8a1c52;
        --paper: #ffffff; --soft: #eef4f7; --line: #c9d6dd; }
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
       color: var(--ink); background: var(--paper); line-height: 1.55; }
a { color: var(--brand); text-underline-offset: 0.15em; }
a:hover, a:focus { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--brand-dark); color: #fff; padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: 1rem; color: #fff; }
.site-header { background: var(--brand-dark); color: #fff; }
.site-header a { color: #fff; }
.site-header .bar { max-width: 72rem; margin: 0 auto; padding: .75rem 1rem; display: flex; flex-wrap: wrap;
                    justify-content: space-between; align-items: center; gap: .5rem; }
.brand { margin: 0; font-weight: 700; font-size: 1.1rem; }
.brand a { text-decoration: none; }
.lang-switch { margin: 0; }
.lang-switch a { border: 2px solid #fff; border-radius: 2rem; padding: .2rem .8rem; text-decoration: none; font-weight: 600; }
.site-header nav { background: var(--brand); }
.site-header nav ul { max-width: 72rem; margin: 0 auto; padding: 0 1rem; list-style: none; display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
.site-header nav a { display: inline-block; padding: .6rem 0; text-decoration: none; font-weight: 600; }
.site-header nav a:hover, .site-header nav a:focus { text-decoration: underline; color: #fff; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
main:focus { outline: none; }
h1 { font-size: clamp(1.6rem, 4vw, 2.3rem); line-height: 1.2; color: var(--brand-dark); margin: 1rem 0 .75rem; }
h2 { font-size: 1.4rem; color: var(--brand-dark); margin: 2rem 0 .75rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin: 0 0 .35rem; }
.intro { font-size: 1.1rem; max-width: 48rem; color: var(--muted); }
.search { background: var(--soft); border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; margin: 1.25rem 0; }
.search label { display: block; font-weight: 600; margin-bottom: .4rem; }
.search .row { display: flex; gap: .5rem; flex-wrap: wrap; }
.search input { flex: 1 1 14rem; font: inherit; padding: .55rem .7rem; border: 2px solid var(--muted); border-radius: .35rem; }
button, .button { font: inherit; font-weight: 700; background: var(--brand); color: #fff; border: 0; border-radius: .35rem;
                  padding: .6rem 1.1rem; cursor: pointer; text-decoration: none; display: inline-block; }
button:hover, .button:hover, .button:focus { background: var(--accent); color: #fff; }
#search-results { margin: .75rem 0 0; padding-left: 1.2rem; }
.kind { color: var(--muted); font-size: .9rem; }
.cards { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 1rem; }
.card { border: 1px solid var(--line); border-left: 6px solid var(--brand); border-radius: .5rem; padding: .9rem 1rem; background: #fff; }
.card p { margin: .25rem 0; }
.meta { color: var(--muted); font-size: .95rem; }
.tag { display: inline-block; background: var(--soft); border: 1px solid var(--line); border-radius: 1rem; padding: 0 .6rem; font-size: .85rem; color: var(--ink); }
.theme-list { columns: 2 22rem; padding-left: 1.2rem; }
.theme-list li { break-inside: avoid; margin-bottom: .3rem; }
.theme-nav { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; }
.theme-nav a { display: inline-block; background: var(--soft); border: 1px solid var(--line); border-radius: 2rem; padding: .25rem .8rem; text-decoration: none; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1rem; background: var(--soft); padding: 1rem; border-radius: .5rem; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 700; padding: .5rem 0; }
th, td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { background: var(--soft); }
.register { margin: 1.5rem 0; }
.site-footer { border-top: 1px solid var(--line); color: var(--muted); }
.site-footer p { max-width: 72rem; margin: 0 auto; padding: 1rem; }
.chooser { display: flex; gap: 1rem; flex-wrap: wrap; margin: 2rem 0; }
.chooser a { font-size: 1.3rem; }
@media (max-width: 40rem) {
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: .5rem; }
  .calendar thead { display: none; }
  .calendar tr { display: block; border-bottom: 1px solid var(--line); padding: .5rem 0; }
  .calendar td { display: block; border: 0; padding: .1rem 0; }
}
)CSS";

const char* kSearchJs = R"JS(// Keyword search over the page's inline JSON index (no server needed).
(function () {
  var source = document.getElementById('search-index');
  var input = document.getElementById('q');
  if (!source || !input) return;
  var data = JSON.parse(source.textContent);
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  function norm(s) { return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
  data.forEach(function (d) { d.n = norm(d.title + ' ' + d.text); });
  function run() {
    var words = norm(input.value).split(/\s+/).filter(Boolean);
    list.innerHTML = '';
    if (!words.length) { status.textContent = ''; list.hidden = true; return; }
    var hits = data.filter(function (d) {
      return words.every(function (w) { return d.n.indexOf(w) !== -1; });
    });
    hits.slice(0, 60).forEach(function (d) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = d.url; a.textContent = d.title;
      var k = document.createElement('span');
      k.className = 'kind'; k.textContent = ' — ' + d.kind;
      li.appendChild(a); li.appendChild(k); list.appendChild(li);
    });
    list.hidden = hits.length === 0;
    status.textContent = hits.length ? hits.length + ' ' + status.getAttribute('data-count') : status.getAttribute('data-none');
  }
  input.addEventListener('input', run);
  document.getElementById('search-form').addEventListener('submit', function (e) { e.preventDefault(); run(); });
  var m = /[?&]q=([^&]*)/.exec(location.search);
  if (m) { input.value = decodeURIComponent(m[1].replace(/\+/g, ' ')); run(); }
})();
)JS";

const char* kBookletStyle = R"CSS(
body { font-family: "DejaVu Serif", Georgia, serif; color: #111; line-height: 1.45; margin: 0 auto; max-width: 48rem; padding: 1rem; }
h1, h2, h3 { font-family: "DejaVu Sans", system-ui, sans-serif; color: #083a50; }
.cover { text-align: center; padding: 6rem 0 4rem; }
.cover h1 { font-size: 2.4rem; margin-bottom: .5rem; }
.toc ol { columns: 2; }
.module, .training { border-top: 1px solid #999; padding-top: .5rem; margin-top: 1rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dt { font-weight: bold; }
dd { margin: 0; }
a { color: #083a50; }
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .cover, .toc, .part { break-after: page; }
  .module, .training { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .screen-only { display: none; }
}
)CSS";

void write_text(const fs::path& file, const std::string& text, PublishResult& result) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out || ec)
        throw Error(trf("Cannot write {file}.", fmt::arg("file", file.string())));
    result.files.push_back(file);
}

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string paragraphs(const std::string& text) {
    // Blank lines separate paragraphs; single newlines become line breaks.
    std::string out, para;
    std::istringstream in(text);
    std::string line;
    auto flush = [&] {
        if (!para.empty()) out += "<p>" + para + "</p>\n";
        para.clear();
    };
    while (std::getline(in, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) {
            flush();
            continue;
        }
        if (line.rfind("- ", 0) == 0) line = "• " + line.substr(2);
        para += (para.empty() ? "" : "<br />") + html_escape(line);
    }
    flush();
    return out;
}

std::string ics_file(const std::string& code) { return "ics/" + safe_file_name(code) + ".ics"; }

// RFC 5545 text: backslash, semicolon, comma and line breaks escaped.
std::string ics_text(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == ';' || c == ',') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '\r') continue;
        out += c;
    }
    return out;
}

// A content line folded at 75 octets (never inside a UTF-8 sequence), ended by CRLF.
std::string ics_line(const std::string& line) {
    std::string out;
    std::size_t start = 0, width = 75;
    while (line.size() - start > width) {
        std::size_t end = start + width;
        while (end > start && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end;
        out += line.substr(start, end - start) + "\r\n ";
        start = end;
        width = 74;  // the leading space of a continuation counts
    }
    return out + line.substr(start) + "\r\n";
}

std::string ics_time(const std::string& date, const std::string& time) {
    std::string d = date, t = time.empty() ? "00:00" : time;
    d.erase(std::remove(d.begin(), d.end(), '-'), d.end());
    t.erase(std::remove(t.begin(), t.end(), ':'), t.end());
    return d + "T" + t + "00";
}

// One event per day that is not cancelled, in the suite's time zone.
std::string training_ics(const Edition& e, const OpenTraining& tr) {
    std::string stamp = e.today;
    stamp.erase(std::remove(stamp.begin(), stamp.end(), '-'), stamp.end());
    if (stamp.size() != 8) stamp = "20000101";
    std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Maillage//Catalogue//FR\r\nCALSCALE:GREGORIAN\r\n"
                      "METHOD:PUBLISH\r\n" +
                      calendar_vtimezone();
    for (const auto& d : tr.days) {
        if (d.cancelled) continue;
        out += "BEGIN:VEVENT\r\n";
        out += ics_line("UID:" + safe_file_name(tr.code) + "-" + d.date + "@catalogue-" + safe_file_name(e.code));
        out += "DTSTAMP:" + stamp + "T000000Z\r\n";
        out += std::string("DTSTART;TZID=") + kCalendarZone + ":" + ics_time(d.date, d.start_time) + "\r\n";
        out += std::string("DTEND;TZID=") + kCalendarZone + ":" + ics_time(d.date, d.end_time.empty() ? "23:59" : d.end_time) +
               "\r\n";
        out += ics_line("SUMMARY:" + ics_text(tr.title.get("fr")));
        out += ics_line("LOCATION:" + ics_text(d.venue.empty() ? tr.venue : d.venue));
        if (validate::is_safe_url(tr.registration_url)) out += ics_line("URL:" + tr.registration_url);
        out += "END:VEVENT\r\n";
    }
    return out + "END:VCALENDAR\r\n";
}

class SiteWriter {
public:
    SiteWriter(const Edition& e, const fs::path& out, PublishResult& r) : e_(e), out_(out), r_(r) {
        for (const auto& t : e_.trainings)
            for (const auto& code : t.module_codes) trainings_of_module_[code].push_back(&t);
    }

    void write_all() {
        write_text(out_ / "assets" / "style.css", kStyle, r_);
        write_text(out_ / "assets" / "search.js", kSearchJs, r_);
        write_chooser();
        for (const auto& lang : kSiteLanguages) {
            write_index(lang);
            write_calendar(lang);
            for (const auto& m : e_.modules) write_module(lang, m);
            for (const auto& t : e_.trainings) write_training(lang, t);
            write_booklet(lang);
        }
        for (const auto& t : e_.trainings)
            if (!t.over(e_.today) && !t.days.empty()) write_text(out_ / ics_file(t.code), training_ics(e_, t), r_);
        write_text(out_ / "feed.xml", edition_feed_xml(e_), r_);
    }

private:
    std::string t(const std::string& lang, const char* key) const { return html_escape(site_text(lang, key)); }
    static std::string other(const std::string& lang) { return lang == "nl" ? "fr" : "nl"; }

    PageFrame frame(const std::string& lang, const std::string& title, const std::string& root,
                    const std::string& page_in_lang) const {
        return PageFrame{lang, title, root, root + other(lang) + "/" + page_in_lang, e_.organisation, e_.code, {}};
    }

    std::string languages(const std::string& lang, const OpenTraining& tr) const {
        std::string out;
        for (const auto& l : tr.languages) {
            std::string key = "lang_" + l;
            if (l != "fr" && l != "nl" && l != "en") continue;
            out += (out.empty() ? "" : ", ") + t(lang, key.c_str());
        }
        return out;
    }

    // "3,5" hours in French and Dutch, as the reader writes numbers.
    static std::string hours_text(const std::string& lang, double hours) {
        const locale::ScopedLanguage language(lang);
        return locale::number(hours, 2);
    }

    std::string price(const std::string& lang, const OpenTraining& tr) const {
        return tr.free() ? t(lang, "free") : html_escape(format_price(*tr.price_cents));
    }

    std::string dates_summary(const std::string& lang, const OpenTraining& tr) const {
        std::string out;
        for (const auto& d : tr.days) {
            if (d.cancelled) continue;
            out += (out.empty() ? "" : " · ") + html_escape(long_date(lang, d.date));
        }
        return out;
    }

    std::string seats(const std::string& lang, const OpenTraining& tr) const {
        if (tr.over(e_.today)) return t(lang, "over");
        if (tr.seats == 0) return t(lang, "seats_free");  // no limit
        int left = std::max(0, tr.seats - tr.seats_taken);
        if (left == 0) return t(lang, "full");
        return fmt::format("{} {} / {}", left, t(lang, left == 1 ? "seat_left" : "seats_left"), tr.seats);
    }

    std::string training_card(const std::string& lang, const OpenTraining& tr, const std::string& prefix) const {
        return fmt::format(
            "<li class=\"card\"><h3><a href=\"{href}\">{title}</a></h3>\n<p>{dates}</p>\n"
            "<p class=\"meta\">{venue} · {hours} h · {price} · {seats}</p></li>\n",
            fmt::arg("href", prefix + training_page(tr.code)), fmt::arg("title", html_escape(tr.title.get(lang))),
            fmt::arg("dates", dates_summary(lang, tr)), fmt::arg("venue", html_escape(tr.venue)),
            fmt::arg("hours", hours_text(lang, tr.hours())), fmt::arg("price", price(lang, tr)),
            fmt::arg("seats", seats(lang, tr)));
    }

    std::string theme_label(const std::string& lang, const std::string& code) const {
        const Theme* th = e_.theme(code);
        return th ? th->label.get(lang) : code;
    }

    void write_chooser() {
        std::string body = "<div class=\"chooser\">";
        for (const auto& lang : kSiteLanguages)
            body += fmt::format("<p><a class=\"button\" href=\"{0}/index.html\" lang=\"{0}\" hreflang=\"{0}\">{1} — {2}</a></p>",
                                lang, t(lang, "catalogue"), lang == "fr" ? "Français" : "Nederlands");
        body += "</div>\n";
        PageFrame f{"fr", site_text("fr", "catalogue") + " / " + site_text("nl", "catalogue"), "", "nl/index.html",
                    e_.organisation, e_.code, {}};
        r_.index = out_ / "index.html";
        write_text(r_.index, html_page(f, body), r_);
    }

    void write_index(const std::string& lang) {
        nlohmann::json index = nlohmann::json::array();
        std::string body = "<p class=\"intro\">" + t(lang, "intro") + "</p>\n";
        body += fmt::format(
            "<form id=\"search-form\" class=\"search\" role=\"search\" action=\"index.html\">\n"
            "<label for=\"q\">{label}</label>\n<div class=\"row\"><input id=\"q\" name=\"q\" type=\"search\" "
            "placeholder=\"{ph}\" autocomplete=\"off\" /><button type=\"submit\">{search}</button></div>\n"
            "<p id=\"search-status\" role=\"status\" aria-live=\"polite\" data-none=\"{none}\" data-count=\"{count}\"></p>\n"
            "<ul id=\"search-results\" hidden=\"hidden\"></ul>\n<noscript><p>{nojs}</p></noscript>\n</form>\n",
            fmt::arg("label", t(lang, "search_label")), fmt::arg("ph", t(lang, "search_placeholder")),
            fmt::arg("search", t(lang, "search")), fmt::arg("none", t(lang, "search_none")),
            fmt::arg("count", t(lang, "search_count")), fmt::arg("nojs", t(lang, "page_not_js")));

        body += "<section aria-labelledby=\"open-trainings\">\n<h2 id=\"open-trainings\">" + t(lang, "open_trainings") +
                "</h2>\n<ul class=\"cards\">\n";
        std::string past;
        bool any_open = false;
        for (const auto& tr : e_.trainings) {
            // A training that is over leaves the open trainings for a section of its own.
            if (tr.over(e_.today)) {
                past += training_card(lang, tr, "");
                continue;
            }
            any_open = true;
            body += training_card(lang, tr, "");
            std::string text = tr.venue;
            for (const auto& code : tr.module_codes)
                if (const auto* m = e_.module(code)) text += " " + m->title.get(lang);
            index.push_back({{"title", tr.title.get(lang)}, {"url", training_page(tr.code)},
                             {"kind", site_text(lang, "training")}, {"text", text}});
        }
        body += "</ul>\n";
        if (!any_open) body += "<p>" + t(lang, "no_open_trainings") + "</p>\n";
        body += "</section>\n";
        if (!past.empty())
            body += "<section aria-labelledby=\"past-trainings\">\n<h2 id=\"past-trainings\">" + t(lang, "past_trainings") +
                    "</h2>\n<ul class=\"cards past\">\n" + past + "</ul>\n</section>\n";

        body += "<section aria-labelledby=\"themes\">\n<h2 id=\"themes\">" + t(lang, "themes") + "</h2>\n<ul class=\"theme-nav\">\n";
        for (const auto& th : e_.themes)
            body += fmt::format("<li><a href=\"#theme-{}\">{}</a></li>\n", safe_file_name(th.code), html_escape(th.label.get(lang)));
        body += "</ul>\n";
        for (const auto& th : e_.themes) {
            std::string items;
            for (const auto& m : e_.modules) {
                if (m.theme_code != th.code) continue;
                items += fmt::format("<li><a href=\"{}\">{}</a> <span class=\"kind\">({})</span></li>\n", module_page(m.code),
                                     html_escape(m.title.get(lang)), html_escape(format_duration(m.duration_minutes)));
                index.push_back({{"title", m.title.get(lang)}, {"url", module_page(m.code)},
                                 {"kind", site_text(lang, "module") + " · " + th.label.get(lang)},
                                 {"text", m.description.get(lang) + " " + m.objectives + " " + m.content + " " +
                                              m.audience + " " + th.label.get(lang) + " " + m.code}});
            }
            if (items.empty()) continue;
            body += fmt::format("<h3 id=\"theme-{}\">{}</h3>\n<ul class=\"theme-list\">\n{}</ul>\n", safe_file_name(th.code),
                                html_escape(th.label.get(lang)), items);
        }
        body += "</section>\n<p>" + t(lang, "custom") +
                (e_.contact_email.empty() ? std::string()
                                          : fmt::format(" <a href=\"mailto:{0}\">{0}</a>", html_escape(e_.contact_email))) +
                "</p>\n";

        // Escaped so that the JSON can sit inside a <script> element of a well-formed page.
        std::string json = index.dump();
        std::string safe;
        for (char c : json) {
            if (c == '<') safe += "\\u003c";
            else if (c == '>') safe += "\\u003e";
            else if (c == '&') safe += "\\u0026";
            else safe += c;
        }
        body += "<script type=\"application/json\" id=\"search-index\">" + safe + "</script>\n"
                "<script src=\"../assets/search.js\"></script>\n";
        auto f = frame(lang, site_text(lang, "catalogue") + " " + e_.code, "../", "index.html");
        write_text(out_ / lang / "index.html", html_page(f, body), r_);
    }

    void write_calendar(const std::string& lang) {
        struct Row { const TrainingDay* day; const OpenTraining* tr; };
        std::vector<Row> rows;
        for (const auto& tr : e_.trainings)
            for (const auto& d : tr.days) rows.push_back({&d, &tr});
        std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
            return std::tie(a.day->date, a.day->start_time) < std::tie(b.day->date, b.day->start_time);
        });
        std::string body = fmt::format("<table class=\"calendar\">\n<caption>{} {}</caption>\n<thead><tr><th scope=\"col\">{}</th>"
                                       "<th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
                                       t(lang, "calendar"), html_escape(e_.code), t(lang, "date"), t(lang, "time"),
                                       t(lang, "training"), t(lang, "venue"));
        for (const auto& r : rows) {
            body += fmt::format("<tr><td>{}{}</td><td>{}–{}</td><td><a href=\"{}\">{}</a></td><td>{}</td></tr>\n",
                                html_escape(long_date(lang, r.day->date)),
                                r.day->cancelled ? " (" + t(lang, "cancelled") + ")" : std::string(),
                                html_escape(r.day->start_time), html_escape(r.day->end_time), training_page(r.tr->code),
                                html_escape(r.tr->title.get(lang)), html_escape(r.day->venue.empty() ? r.tr->venue : r.day->venue));
        }
        body += "</tbody>\n</table>\n";
        auto f = frame(lang, site_text(lang, "calendar"), "../", "calendar.html");
        write_text(out_ / lang / "calendar.html", html_page(f, body), r_);
    }

    std::string module_sections(const std::string& lang, const ModuleSheet& m, const char* heading) const {
        std::string body;
        auto section = [&](const char* key, const std::string& text) {
            if (text.empty()) return;
            body += fmt::format("<{0}>{1}</{0}>\n{2}", heading, t(lang, key), paragraphs(text));
        };
        section("description", m.description.get(lang));
        section("objectives", m.objectives);
        section("content", m.content);
        section("methods", m.methods);
        section("audience", m.audience);
        section("prerequisites", m.prerequisites);
        return body;
    }

    void write_module(const std::string& lang, const ModuleSheet& m) {
        std::string body = fmt::format(
            "<dl class=\"facts\"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd><a href=\"../index.html#theme-{}\">{}</a></dd>"
            "<dt>{}</dt><dd>{} · {}</dd>",
            t(lang, "duration"), html_escape(format_duration(m.duration_minutes)), t(lang, "theme"),
            safe_file_name(m.theme_code), html_escape(theme_label(lang, m.theme_code)), t(lang, "module"),
            html_escape(m.code), t(lang, "sheet_version") + " " + std::to_string(m.version));
        if (!m.trainer_names.empty()) {
            std::string names;
            for (const auto& n : m.trainer_names) names += (names.empty() ? "" : ", ") + html_escape(n);
            body += fmt::format("<dt>{}</dt><dd>{}</dd>", t(lang, "trainers"), names);
        }
        body += "</dl>\n" + module_sections(lang, m, "h2");
        body += "<h2>" + t(lang, "given_in") + "</h2>\n";
        auto it = trainings_of_module_.find(m.code);
        if (it == trainings_of_module_.end()) {
            body += "<p>" + t(lang, "not_scheduled") + "</p>\n";
        } else {
            body += "<ul class=\"cards\">\n";
            for (const auto* tr : it->second) body += training_card(lang, *tr, "../");
            body += "</ul>\n";
        }
        body += "<p><a href=\"../index.html\">← " + t(lang, "back_to_index") + "</a></p>\n";
        auto f = frame(lang, m.title.get(lang), "../../", module_page(m.code));
        f.description = m.description.get(lang);
        write_text(out_ / lang / module_page(m.code), html_page(f, body), r_);
    }

    void write_training(const std::string& lang, const OpenTraining& tr) {
        std::string days = "<ul>\n";
        for (const auto& d : tr.days) {
            std::string trainers;
            for (const auto& n : d.trainers) trainers += (trainers.empty() ? "" : ", ") + html_escape(n);
            days += fmt::format("<li>{}{}, {}–{}{}{}</li>\n", html_escape(long_date(lang, d.date)),
                                d.cancelled ? " (" + t(lang, "cancelled") + ")" : std::string(), html_escape(d.start_time),
                                html_escape(d.end_time), d.venue.empty() || d.venue == tr.venue ? "" : " · " + html_escape(d.venue),
                                trainers.empty() ? "" : " · " + t(lang, "trainers") + " : " + trainers);
        }
        days += "</ul>";
        std::string body = fmt::format(
            "<dl class=\"facts\"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{} {}</dd>"
            "<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd>",
            t(lang, "dates"), days, t(lang, "venue"), html_escape(tr.venue), t(lang, "duration"), hours_text(lang, tr.hours()), t(lang, "hours"),
            t(lang, "seats"), seats(lang, tr), t(lang, "price"), price(lang, tr), t(lang, "languages"), languages(lang, tr));
        if (!tr.registration_deadline.empty())
            body += fmt::format("<dt>{}</dt><dd>{}</dd>", t(lang, "deadline"), html_escape(long_date(lang, tr.registration_deadline)));
        body += "</dl>\n";
        // Checked again here: a URL stored before input was checked (or edited in the file)
        // must not become a javascript: or data: link on the public site.
        const bool over = tr.over(e_.today);
        if (over)
            body += "<p class=\"over\">" + t(lang, "over") + "</p>\n";
        else if (!tr.days.empty())
            body += fmt::format("<p class=\"ics\"><a href=\"../../{}\" download=\"{}\">{}</a></p>\n", ics_file(tr.code),
                                html_escape(safe_file_name(tr.code) + ".ics"), t(lang, "add_to_calendar"));
        if (!over && validate::is_safe_url(tr.registration_url))
            body += fmt::format("<p class=\"register\"><a class=\"button\" href=\"{}\" rel=\"noopener\" aria-label=\"{} {}\">{}</a></p>\n",
                                html_escape(tr.registration_url), t(lang, "register_to"), html_escape(tr.title.get(lang)),
                                t(lang, "register"));
        body += "<h2>" + t(lang, "modules") + "</h2>\n<ul class=\"cards\">\n";
        for (const auto& code : tr.module_codes) {
            const auto* m = e_.module(code);
            if (!m) continue;
            body += fmt::format("<li class=\"card\"><h3><a href=\"../{}\">{}</a></h3><p class=\"meta\">{} · {}</p><p>{}</p></li>\n",
                                module_page(m->code), html_escape(m->title.get(lang)), html_escape(theme_label(lang, m->theme_code)),
                                html_escape(format_duration(m->duration_minutes)), html_escape(m->description.get(lang)));
        }
        body += "</ul>\n<p><a href=\"../calendar.html\">" + t(lang, "calendar") + "</a> · <a href=\"../index.html\">← " +
                t(lang, "back_to_index") + "</a></p>\n";
        auto f = frame(lang, tr.title.get(lang), "../../", training_page(tr.code));
        write_text(out_ / lang / training_page(tr.code), html_page(f, body), r_);
    }

    void write_booklet(const std::string& lang) {
        std::string body = fmt::format("<section class=\"cover\"><p>{}</p><h1>{} {}</h1><p>{}</p><p class=\"screen-only\">{}</p></section>\n",
                                       html_escape(e_.organisation), t(lang, "catalogue"), html_escape(e_.code), t(lang, "intro"),
                                       t(lang, "printed"));
        body += "<nav class=\"toc\" aria-label=\"" + t(lang, "contents") + "\"><h2>" + t(lang, "contents") + "</h2><ol>\n";
        body += "<li><a href=\"#open-trainings\">" + t(lang, "open_trainings") + "</a></li>\n";
        for (const auto& th : e_.themes)
            body += fmt::format("<li><a href=\"#theme-{}\">{}</a></li>\n", safe_file_name(th.code), html_escape(th.label.get(lang)));
        body += "</ol></nav>\n<section class=\"part\"><h2 id=\"open-trainings\">" + t(lang, "open_trainings") + "</h2>\n";
        for (const auto& tr : e_.trainings) {
            std::string mods;
            for (const auto& code : tr.module_codes)
                if (const auto* m = e_.module(code))
                    mods += fmt::format("{}<a href=\"#module-{}\">{}</a>", mods.empty() ? "" : "; ", safe_file_name(code),
                                        html_escape(m->title.get(lang)));
            body += fmt::format("<div class=\"training\"><h3>{}</h3><dl><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd>"
                                "<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl></div>\n",
                                html_escape(tr.title.get(lang)), t(lang, "dates"), dates_summary(lang, tr), t(lang, "venue"),
                                html_escape(tr.venue), t(lang, "price"), price(lang, tr), t(lang, "seats"), tr.seats,
                                t(lang, "modules"), mods, t(lang, "register"),
                                html_escape(validate::is_safe_url(tr.registration_url) ? tr.registration_url : std::string()));
        }
        body += "</section>\n";
        for (const auto& th : e_.themes) {
            std::string mods;
            for (const auto& m : e_.modules) {
                if (m.theme_code != th.code) continue;
                mods += fmt::format("<div class=\"module\"><h3 id=\"module-{}\">{}</h3><p><em>{} · {}</em></p>\n{}</div>\n",
                                    safe_file_name(m.code), html_escape(m.title.get(lang)), html_escape(m.code),
                                    html_escape(format_duration(m.duration_minutes)), module_sections(lang, m, "h4"));
            }
            body += fmt::format("<section class=\"part\"><h2 id=\"theme-{}\">{}</h2>\n{}</section>\n", safe_file_name(th.code),
                                html_escape(th.label.get(lang)), mods);
        }
        std::string page = fmt::format(
            "<!DOCTYPE html>\n<html lang=\"{0}\">\n<head>\n<meta charset=\"utf-8\" />\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
            "<title>{1} {2}</title>\n<style>{3}</style>\n</head>\n<body>\n<main>\n{4}</main>\n</body>\n</html>\n",
            lang, t(lang, "catalogue"), html_escape(e_.code), kBookletStyle, body);
        write_text(out_ / "booklet" / ("catalogue-" + lang + ".html"), page, r_);
    }

    const Edition& e_;
    fs::path out_;
    PublishResult& r_;
    std::map<std::string, std::vector<const OpenTraining*>> trainings_of_module_;
};

}  // namespace

std::string module_page(const std::string& code) { return "modules/" + safe_file_name(code) + ".html"; }
std::string training_page(const std::string& code) { return "trainings/" + safe_file_name(code) + ".html"; }

std::optional<fs::path> find_chromium() {
    for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"})
        if (fs::exists(p)) return fs::path(p);
    if (const char* path = std::getenv("PATH")) {
        std::istringstream dirs(path);
        std::string dir;
        while (std::getline(dirs, dir, ':'))
            if (!dir.empty() && fs::exists(fs::path(dir) / "chromium")) return fs::path(dir) / "chromium";
    }
    return std::nullopt;
}

std::string print_to_pdf(const fs::path& chromium, const fs::path& html, const fs::path& pdf) {
    std::error_code ec;
    fs::path profile = fs::temp_directory_path() / fmt::format("maillage-chromium-{}-{}", ::getpid(), pdf.stem().string());
    fs::create_directories(profile, ec);
    std::string cmd = fmt::format(
        "timeout 180 {} --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run "
        "--user-data-dir={} --no-pdf-header-footer --print-to-pdf={} {} >/dev/null 2>&1",
        shell_quote(chromium.string()), shell_quote(profile.string()), shell_quote(pdf.string()),
        shell_quote("file://" + fs::absolute(html).string()));
    fs::remove(pdf, ec);
    int rc = std::system(cmd.c_str());
    fs::remove_all(profile, ec);
    if (rc != 0 || !fs::exists(pdf) || fs::file_size(pdf, ec) == 0)
        return trf("Chromium could not print {file} (exit status {rc}).", fmt::arg("file", html.string()), fmt::arg("rc", rc));
    return {};
}

PublicationTarget publication_target(const fs::path& out) {
    std::error_code ec;
    if (!fs::exists(out, ec) || fs::is_empty(out, ec)) return PublicationTarget::Empty;
    if (fs::exists(out / kPublicationMarker, ec)) return PublicationTarget::EarlierPublication;
    return PublicationTarget::OtherFiles;
}

PublishResult publish_edition(const Edition& edition, const fs::path& out, const PublishOptions& options) {
    PublishResult result;
    std::error_code ec;
    if (!options.overwrite_foreign_folder && publication_target(out) == PublicationTarget::OtherFiles)
        throw Error(trf("The folder {dir} already holds other files than an earlier publication of the catalogue; "
                        "publishing there could overwrite them (index.html...). Choose an empty folder, or the "
                        "folder of an earlier publication.",
                        fmt::arg("dir", out.string())));
    fs::create_directories(out, ec);
    if (ec) throw Error(trf("Cannot create the folder {dir}: {reason}", fmt::arg("dir", out.string()), fmt::arg("reason", ec.message())));
    // Written first: a publication interrupted half-way is still recognised as one.
    {
        std::ofstream marker(out / kPublicationMarker, std::ios::binary | std::ios::trunc);
        marker << "Maillage training catalogue publication\nedition: " << edition.code << "\n";
        if (!marker) throw Error(trf("Cannot write {file}.", fmt::arg("file", (out / kPublicationMarker).string())));
    }
    SiteWriter(edition, out, result).write_all();

    if (options.make_pdf) {
        auto chromium = options.chromium.empty() ? find_chromium() : std::optional<fs::path>(options.chromium);
        if (!chromium) {
            result.pdf_message = tr("Chromium is not installed: the booklet was written as HTML only (open it in a browser and print it to PDF).");
        } else {
            for (const auto& lang : kSiteLanguages) {
                fs::path html = out / "booklet" / ("catalogue-" + lang + ".html");
                fs::path pdf = out / "booklet" / ("catalogue-" + lang + ".pdf");
                std::string why = print_to_pdf(*chromium, html, pdf);
                if (why.empty()) {
                    result.pdfs.push_back(pdf);
                    result.files.push_back(pdf);
                } else {
                    result.pdf_message = why;
                }
            }
        }
    }
    return result;
}

}  // namespace maillage::catalog

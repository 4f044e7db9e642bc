#include "catalog/html_writer.h"

#include "catalog/site_texts.h"

#include "core/html.h"

#include <fmt/format.h>

namespace maillage::catalog {

std::string html_escape(const std::string& text) { return maillage::html_escape(text, true); }

std::string safe_file_name(const std::string& code) {
    std::string out;
    for (char c : code) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        out += ok ? c : '-';
    }
    return out.empty() ? "_" : out;
}

std::string html_page(const PageFrame& f, const std::string& body, const std::string& extra_head) {
    const std::string& L = f.language;
    const std::string other = L == "nl" ? "fr" : "nl";
    auto t = [&](const char* key) { return html_escape(site_text(L, key)); };
    std::string home = f.root + L + "/index.html";
    return fmt::format(
        R"(<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="description" content="{desc}" />
<title>{title} — {catalogue} {edition}</title>
<link rel="stylesheet" href="{root}assets/style.css" />
<link rel="alternate" hreflang="{other}" href="{other_href}" />
{extra_head}</head>
<body>
<a class="skip" href="#main">{skip}</a>
<header class="site-header">
<div class="bar">
<p class="brand"><a href="{home}">{organisation} · {catalogue} {edition}</a></p>
<p class="lang-switch"><a href="{other_href}" hreflang="{other}" lang="{other}" aria-label="{switch_label}">{switch}</a></p>
</div>
<nav aria-label="{nav}">
<ul>
<li><a href="{home}">{themes}</a></li>
<li><a href="{root}{lang}/index.html#open-trainings">{open_trainings}</a></li>
<li><a href="{root}{lang}/calendar.html">{calendar}</a></li>
<li><a href="{root}booklet/catalogue-{lang}.html">{booklet}</a></li>
</ul>
</nav>
</header>
<main id="main" tabindex="-1">
<h1>{title}</h1>
{body}
</main>
<footer class="site-footer">
<p>{organisation} — {catalogue} {edition} · <a href="{root}feed.xml">{feed}</a></p>
</footer>
</body>
</html>
)",
        fmt::arg("lang", L), fmt::arg("desc", html_escape(f.description.empty() ? f.title : f.description)),
        fmt::arg("title", html_escape(f.title)), fmt::arg("catalogue", t("catalogue")),
        fmt::arg("edition", html_escape(f.edition)), fmt::arg("root", f.root), fmt::arg("other", other),
        fmt::arg("other_href", f.other_language_href), fmt::arg("extra_head", extra_head),
        fmt::arg("skip", t("skip")), fmt::arg("home", home), fmt::arg("organisation", html_escape(f.organisation)),
        fmt::arg("switch_label", t("language_switch_label")), fmt::arg("switch", t("language_switch")),
        fmt::arg("nav", t("nav")), fmt::arg("themes", t("themes")), fmt::arg("open_trainings", t("open_trainings")),
        fmt::arg("calendar", t("calendar")), fmt::arg("booklet", t("booklet")), fmt::arg("feed", t("feed")),
        fmt::arg("body", body));
}

}  // namespace maillage::catalog

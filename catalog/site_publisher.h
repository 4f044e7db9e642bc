#pragma once
// Publishes a catalogue edition: a static bilingual web site (/fr/, /nl/), a printable
// booklet (HTML with print CSS, and a PDF made by headless Chromium when available) and
// the XML feed of the edition with its XSD.
#include "catalog/catalog_model.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace maillage::catalog {

struct PublishOptions {
    bool make_pdf = true;
    // A folder that is neither empty nor an earlier publication (see publication_target)
    // is refused unless this is set: the window sets it after asking the user.
    bool overwrite_foreign_folder = false;
    // The day of publication (YYYY-MM-DD) when the edition says none: trainings over
    // then are marked so. Tests publish "as of" a date.
    std::string today;
    // The Chromium to print the booklet with; empty: /usr/bin/chromium, then the PATH.
    std::filesystem::path chromium;
};

struct PublishResult {
    std::filesystem::path index;                 // out/index.html (the language choice)
    std::vector<std::filesystem::path> files;    // every file written
    std::vector<std::filesystem::path> pdfs;     // booklet PDFs made
    std::string pdf_message;                     // why no PDF was made, when none was
};

// Writes the whole publication under `out` (created when missing; files of a previous
// publication are overwritten). Throws maillage::Error when a file cannot be written.
// What publishing into a folder would overwrite. An earlier publication is recognised
// by the marker file kPublicationMarker that every publication writes.
enum class PublicationTarget { Empty, EarlierPublication, OtherFiles };
inline constexpr const char* kPublicationMarker = ".maillage-publication";
PublicationTarget publication_target(const std::filesystem::path& out);

// Throws maillage::Error, without writing anything, when out holds other files than an
// earlier publication and options.overwrite_foreign_folder is not set.
PublishResult publish_edition(const Edition& edition, const std::filesystem::path& out,
                              const PublishOptions& options = {});

// Chromium's executable, when installed.
std::optional<std::filesystem::path> find_chromium();

// Prints an HTML file to PDF with headless Chromium; returns "" on success, else why not.
std::string print_to_pdf(const std::filesystem::path& chromium, const std::filesystem::path& html,
                         const std::filesystem::path& pdf);

// The site's relative path of a module / training page, from the language folder.
std::string module_page(const std::string& code);
std::string training_page(const std::string& code);

}  // namespace maillage::catalog

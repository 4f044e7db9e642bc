#include "cli_files.h"

#include "core/error.h"
#include "core/i18n.h"

#include <fstream>
#include <sstream>

namespace maillage::cli {

std::string read_text_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    if (!in || !(text << in.rdbuf())) throw Error(trf("Cannot read {file}.", fmt::arg("file", file.string())));
    return text.str();
}

void write_text_file(const std::filesystem::path& file, const std::string& text) {
    std::ofstream f(file, std::ios::binary | std::ios::trunc);
    f << text;
    f.close();
    if (!f) throw Error(trf("Cannot write {file}.", fmt::arg("file", file.string())));
}

void write_or_print(std::ostream& out, const std::string& file, const std::string& text) {
    if (file.empty() || file == "-") {
        out << text;
        return;
    }
    write_text_file(file, text);
    out << trf("Written: {file}", fmt::arg("file", file)) << '\n';
}

}  // namespace maillage::cli

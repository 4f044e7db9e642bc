// What the plugins link (the static library maillage_pdf): write_certificates() and
// write_sheet() open the cairo/pango renderer, the module maillage_pdf_cairo.so beside
// the core library, the first time a PDF is asked for. So the logic modules and
// maillage-cli need no cairo, pango nor X library until then (issue 17), and a machine
// without the renderer (package maillage-pdf) gets a sentence, not a failed start.
#include "core/pdf.h"

#include "core/error.h"
#include "core/i18n.h"
#include "core/paths.h"

#include <dlfcn.h>

namespace maillage::pdf {
namespace {

using WriteCertificates = void (*)(const std::filesystem::path&, const std::vector<Certificate>&);
using WriteSheet = void (*)(const std::filesystem::path&, const Sheet&);

struct Renderer {
    WriteCertificates certificates = nullptr;
    WriteSheet sheet = nullptr;
};

// The folder of libmaillage_core.so: the renderer is built and installed beside it.
std::filesystem::path core_library_folder() {
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&maillage::executable_folder), &info) == 0 || !info.dli_fname)
        return executable_folder();
    return std::filesystem::path(info.dli_fname).parent_path();
}

Renderer load() {
    const auto file = core_library_folder() / "maillage_pdf_cairo.so";
    // Never unloaded: the renderer's fonts and caches live as long as the program.
    void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (!handle)
        throw Error(trf("PDF documents cannot be written on this computer: the PDF renderer ({file}) is not "
                        "installed (package maillage-pdf). The HTML format works without it.",
                        fmt::arg("file", file.string())));
    Renderer r;
    r.certificates = reinterpret_cast<WriteCertificates>(dlsym(handle, "maillage_pdf_write_certificates"));
    r.sheet = reinterpret_cast<WriteSheet>(dlsym(handle, "maillage_pdf_write_sheet"));
    if (!r.certificates || !r.sheet)
        throw Error(trf("The PDF renderer {file} is of another version of Maillage.", fmt::arg("file", file.string())));
    return r;
}

const Renderer& renderer() {
    static const Renderer r = load();  // a failed load throws and is tried again next time
    return r;
}

}  // namespace

void write_certificates(const std::filesystem::path& file, const std::vector<Certificate>& certificates) {
    renderer().certificates(file, certificates);
}

void write_sheet(const std::filesystem::path& file, const Sheet& sheet) { renderer().sheet(file, sheet); }

}  // namespace maillage::pdf

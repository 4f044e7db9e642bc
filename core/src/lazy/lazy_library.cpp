#include "lazy_library.h"

#include "core/error.h"
#include "core/i18n.h"

#include <dlfcn.h>

#include <mutex>

namespace maillage::lazy {

void* symbol(const char* soname, const char* name) {
    // dlopen counts its references, so opening again for each symbol costs a lookup only;
    // RTLD_NODELETE keeps the library for the program's life (callers hold its objects).
    void* handle = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (!handle) {
        const char* why = ::dlerror();
        throw Error(trf("The library {library} is needed for this and cannot be loaded: {reason}",
                        fmt::arg("library", soname), fmt::arg("reason", why ? why : "")));
    }
    ::dlerror();
    void* address = ::dlsym(handle, name);
    if (!address)
        throw Error(trf("The library {library} on this computer has no function {function}: it is of "
                        "another version than the one Maillage was built with.",
                        fmt::arg("library", soname), fmt::arg("function", name)));
    return address;
}

}  // namespace maillage::lazy

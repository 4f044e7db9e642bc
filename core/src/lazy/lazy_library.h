#pragma once
// Libraries opened on first use (issue 17). A plugin that can export XLSX, write an
// iCalendar file, send mail or read a ZIP does not link libxlsxwriter, libical, libcurl
// or libzip: it links the small static library maillage_lazy_<name>, which defines each
// function of that library's API it uses with the header's own signature and, on the
// first call, opens the real library (dlopen) and forwards to it. So starting
// maillage-cli or the window maps none of them, nor what they pull in (libcrypto,
// libicui18n, gnutls, Kerberos, LDAP...), until a file of that kind is written.
// The stubs are hidden in whatever links them: the real library's own calls never land
// in them.
#include <type_traits>

namespace maillage::lazy {

// The address of `name` in the library `soname` (opened the first time, never closed).
// Throws maillage::Error naming the library when it cannot be opened or lacks `name`.
void* symbol(const char* soname, const char* name);

}  // namespace maillage::lazy

// Defines the function `name` (declared by the library's header) as a forwarder:
//   MAILLAGE_LAZY(lxw_workbook*, workbook_new, (const char* f), (f))
// The header's declaration checks the parameters; the address is looked up once.
#define MAILLAGE_LAZY(ret, name, params, args)                                                    \
    ret name params {                                                                             \
        static const auto real = reinterpret_cast<decltype(&name)>(                               \
            ::maillage::lazy::symbol(MAILLAGE_LAZY_SONAME, #name));                               \
        return real args;                                                                         \
    }

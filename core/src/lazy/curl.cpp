// libcurl (with gnutls, Kerberos, LDAP, SSH, ...: some thirty libraries) opened on the
// first message sent: the functions of its API that Maillage uses (lazy_library.h).
#include "lazy_library.h"

#include <curl/curl.h>

#include <cstdarg>

extern "C" {
MAILLAGE_LAZY(CURL*, curl_easy_init, (void), ())
MAILLAGE_LAZY(CURLcode, curl_easy_perform, (CURL * handle), (handle))
MAILLAGE_LAZY(void, curl_easy_cleanup, (CURL * handle), (handle))
MAILLAGE_LAZY(const char*, curl_easy_strerror, (CURLcode code), (code))
MAILLAGE_LAZY(struct curl_slist*, curl_slist_append, (struct curl_slist * list, const char* text), (list, text))
MAILLAGE_LAZY(void, curl_slist_free_all, (struct curl_slist * list), (list))

// The one variadic function: its third argument's type follows from the option's number,
// as libcurl itself reads it (a long, a pointer, a callback, a curl_off_t).
CURLcode curl_easy_setopt(CURL* handle, CURLoption option, ...) {
    static const auto real = reinterpret_cast<decltype(&curl_easy_setopt)>(
        ::maillage::lazy::symbol(MAILLAGE_LAZY_SONAME, "curl_easy_setopt"));
    va_list args;
    va_start(args, option);
    CURLcode result;
    if (option < CURLOPTTYPE_OBJECTPOINT)
        result = real(handle, option, va_arg(args, long));
    else if (option < CURLOPTTYPE_FUNCTIONPOINT)  // objects, strings, lists
        result = real(handle, option, va_arg(args, void*));
    else if (option < CURLOPTTYPE_OFF_T)  // callbacks
        result = real(handle, option, va_arg(args, void (*)()));
    else if (option < CURLOPTTYPE_BLOB)
        result = real(handle, option, va_arg(args, curl_off_t));
    else
        result = real(handle, option, va_arg(args, void*));
    va_end(args);
    return result;
}
}

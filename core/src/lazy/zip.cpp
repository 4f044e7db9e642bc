// libzip opened on the first ZIP archive read (the catalogue's site exports): the
// functions of its API that Maillage uses (lazy_library.h).
#define ZIP_EXTERN  // no visibility("default") on the declarations: the stubs stay hidden
#include "lazy_library.h"

#include <zip.h>

extern "C" {
MAILLAGE_LAZY(zip_t*, zip_open, (const char* file, int flags, int* error), (file, flags, error))
MAILLAGE_LAZY(void, zip_discard, (zip_t * archive), (archive))
MAILLAGE_LAZY(int, zip_stat, (zip_t * archive, const char* name, zip_flags_t flags, zip_stat_t* stat),
              (archive, name, flags, stat))
MAILLAGE_LAZY(zip_file_t*, zip_fopen, (zip_t * archive, const char* name, zip_flags_t flags), (archive, name, flags))
MAILLAGE_LAZY(zip_int64_t, zip_fread, (zip_file_t * file, void* buffer, zip_uint64_t size), (file, buffer, size))
MAILLAGE_LAZY(int, zip_fclose, (zip_file_t * file), (file))
}

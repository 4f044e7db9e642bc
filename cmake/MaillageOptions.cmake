# Build-wide settings: where things land in the build tree, warnings, sanitizers.

# Layout of the build tree mirrors the installed one, so the executables find their
# plugins the same way in both: bin/ and lib/maillage/plugins/.
set(MAILLAGE_PLUGIN_SUBDIR "${CMAKE_INSTALL_LIBDIR}/maillage/plugins")
# The core and shared-ui libraries are private to Maillage: installed beside the plugin
# folder, out of the linker's search path (no ldconfig, no shlibs; Debian policy 8.2).
set(MAILLAGE_PRIVATE_LIBDIR "${CMAKE_INSTALL_LIBDIR}/maillage")
set(MAILLAGE_LOCALE_SUBDIR "${CMAKE_INSTALL_DATADIR}/locale")
set(CMAKE_RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/${CMAKE_INSTALL_BINDIR})
set(CMAKE_LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/${CMAKE_INSTALL_LIBDIR})
set(MAILLAGE_PLUGIN_OUTPUT_DIR ${CMAKE_BINARY_DIR}/${MAILLAGE_PLUGIN_SUBDIR})
set(MAILLAGE_LOCALE_OUTPUT_DIR ${CMAKE_BINARY_DIR}/${MAILLAGE_LOCALE_SUBDIR})

option(MAILLAGE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(MAILLAGE_WERROR "Treat warnings as errors in project code" ON)

# Applied to every project target through maillage_project_target(); third-party
# headers come in as SYSTEM includes and are not held to these.
add_library(maillage_warnings INTERFACE)
# Designated initializers that leave members at their defaults are intended.
target_compile_options(maillage_warnings INTERFACE -Wall -Wextra -Wno-missing-field-initializers
  $<$<BOOL:${MAILLAGE_WERROR}>:-Werror>)
# GCC 12 at -O2 reports out-of-bounds copies inside libstdc++'s own std::string
# concatenation (GCC bugs 105329, 105651): false positives that would fail every
# optimised build (scripts/bench, packages). Debug builds are not affected.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(maillage_warnings INTERFACE
    $<$<NOT:$<CONFIG:Debug>>:-Wno-array-bounds -Wno-restrict -Wno-stringop-overflow -Wno-stringop-overread>)
endif()

if(MAILLAGE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  # With the sanitizers' instrumentation GCC 12 reports maybe-uninitialized inside
  # libstdc++ (<regex>, <optional>); those are false positives, not project faults.
  target_compile_options(maillage_warnings INTERFACE -Wno-maybe-uninitialized)
  # GCC 12's LeakSanitizer crashes at exit ("Tracer caught signal 11") on the dynamic TLS
  # of libraries that first arrive with a dlopen'd plugin (libcurl's gnutls, p11-kit,
  # com_err; libsecret): loaded with every program instead, their TLS is static.
  find_library(MAILLAGE_SANITIZE_CURL curl)
  find_library(MAILLAGE_SANITIZE_SECRET secret-1)
  if(MAILLAGE_SANITIZE_CURL AND MAILLAGE_SANITIZE_SECRET)
    target_link_options(maillage_warnings INTERFACE LINKER:--no-as-needed)
    target_link_libraries(maillage_warnings INTERFACE ${MAILLAGE_SANITIZE_CURL} ${MAILLAGE_SANITIZE_SECRET})
  endif()
endif()

function(maillage_project_target target)
  target_link_libraries(${target} PRIVATE maillage_warnings)
endfunction()

# A shared library of the suite (the core, shared-ui): versioned, finding its
# neighbours through $ORIGIN, installed into the private library folder.
function(maillage_shared_library target)
  set_target_properties(${target} PROPERTIES
    VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR}
    INSTALL_RPATH "$ORIGIN")
  maillage_project_target(${target})
  install(TARGETS ${target} LIBRARY DESTINATION ${MAILLAGE_PRIVATE_LIBDIR} NAMELINK_SKIP)
endfunction()

# Precompiled headers: the heaviest headers are parsed once per target instead of once
# per file (wxWidgets in shared-ui, the window and each window module; SQLiteCpp,
# nlohmann-json and fmt in the core and each plugin's logic). ccache caches such builds
# only with CCACHE_SLOPPINESS=pch_defines,time_macros (scripts/build sets it).
option(MAILLAGE_PCH "Precompile wxWidgets' and the core's heavy headers" ON)
set(MAILLAGE_PCH_CORE
  <algorithm> <filesystem> <functional> <map> <memory> <optional> <set> <string> <vector>
  <fmt/format.h> <nlohmann/json.hpp> <SQLiteCpp/SQLiteCpp.h>)
set(MAILLAGE_PCH_WX
  <wx/wx.h> <wx/listctrl.h> <wx/spinctrl.h> <wx/html/htmlwin.h> <wx/splitter.h> <wx/srchctrl.h>)

function(maillage_precompile_core target)
  if(MAILLAGE_PCH)
    target_precompile_headers(${target} PRIVATE ${MAILLAGE_PCH_CORE})
  endif()
endfunction()

function(maillage_precompile_wx target)
  if(MAILLAGE_PCH)
    target_precompile_headers(${target} PRIVATE ${MAILLAGE_PCH_CORE} ${MAILLAGE_PCH_WX})
  endif()
endfunction()

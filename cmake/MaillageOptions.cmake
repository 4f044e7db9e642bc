# Build-wide settings: where things land in the build tree, warnings, sanitizers.

# Layout of the build tree mirrors the installed one, so the executables find their
# plugins the same way in both: bin/ and lib/maillage/plugins/.
set(MAILLAGE_PLUGIN_SUBDIR "${CMAKE_INSTALL_LIBDIR}/maillage/plugins")
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

if(MAILLAGE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  # With the sanitizers' instrumentation GCC 12 reports maybe-uninitialized inside
  # libstdc++ (<regex>, <optional>); those are false positives, not project faults.
  target_compile_options(maillage_warnings INTERFACE -Wno-maybe-uninitialized)
endif()

function(maillage_project_target target)
  target_link_libraries(${target} PRIVATE maillage_warnings)
endfunction()

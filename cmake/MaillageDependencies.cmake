# Every external dependency, all from Debian 12 packages installed by scripts/setup.
find_package(SQLiteCpp REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(pugixml REQUIRED)
find_package(ZLIB REQUIRED)  # reading XLSX workbooks (core/xlsx_read.h)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(fmt REQUIRED)
find_package(CLI11 REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS filesystem)
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBICAL REQUIRED IMPORTED_TARGET libical)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
# The catalogue's messages (libcurl's SMTP) and site exports (libzip).
pkg_check_modules(CURL REQUIRED IMPORTED_TARGET libcurl)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(NETTLE REQUIRED IMPORTED_TARGET nettle)
# Unicode case folding of names (core) and native PDF certificates and sheets (plugins).
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc)
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo cairo-pdf)
find_package(wxWidgets 3.2 REQUIRED COMPONENTS core base html)
find_package(Threads REQUIRED)
find_program(MSGFMT_EXECUTABLE msgfmt REQUIRED)

# wxWidgets as an imported target, so that targets say what they use.
add_library(maillage_wx INTERFACE)
target_include_directories(maillage_wx SYSTEM INTERFACE ${wxWidgets_INCLUDE_DIRS})
target_compile_definitions(maillage_wx INTERFACE ${wxWidgets_DEFINITIONS})
target_compile_options(maillage_wx INTERFACE ${wxWidgets_CXX_FLAGS})
target_link_libraries(maillage_wx INTERFACE ${wxWidgets_LIBRARIES})

# The web view (WebKitGTK): only shared-ui's report view links it.
find_package(wxWidgets 3.2 REQUIRED COMPONENTS webview core base)
add_library(maillage_wxwebview INTERFACE)
target_link_libraries(maillage_wxwebview INTERFACE ${wxWidgets_LIBRARIES})

# The base (non-GUI) part of wxWidgets: used by maillage-cli for its translation
# catalogs only.
find_package(wxWidgets 3.2 REQUIRED COMPONENTS base)
add_library(maillage_wxbase INTERFACE)
target_include_directories(maillage_wxbase SYSTEM INTERFACE ${wxWidgets_INCLUDE_DIRS})
target_compile_definitions(maillage_wxbase INTERFACE ${wxWidgets_DEFINITIONS} wxUSE_GUI=0)
target_compile_options(maillage_wxbase INTERFACE ${wxWidgets_CXX_FLAGS})
target_link_libraries(maillage_wxbase INTERFACE ${wxWidgets_LIBRARIES})
if(BUILD_TESTING)
  find_package(GTest REQUIRED)
  find_package(benchmark REQUIRED)
  include(GoogleTest)
endif()

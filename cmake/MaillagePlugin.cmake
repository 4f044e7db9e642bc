# add_maillage_plugin(<name>
#     LOGIC  <sources...>   # rules, repositories, figures, CLI: no wxWidgets
#     UI     <sources...>   # wx pages (may be empty)
#     TESTS  <sources...>   # GoogleTest sources for the logic (built when testing)
#     [LINK  <targets...>]  # extra libraries, e.g. maillage_catalog or PkgConfig::LIBICAL
#     [TRANSLATION_SOURCES <dirs...>]  # more folders whose tr() strings the plugin's catalogs hold
#     [TEST_PLUGIN])        # a fixture for the loader tests: built, never installed
#
# Builds, from one explicit source list:
#   maillage_<name>_logic   a static library (PIC) with the plugin's domain logic,
#                           linked by the module and by the tests, so that the rules are
#                           tested without a display;
#   maillage_<name>         the MODULE library the host and maillage-cli load at run
#                           time: hidden visibility, $ORIGIN rpath, output into the
#                           build tree's plugin folder and installed into the installed
#                           one;
#   test_<name>             the plugin's tests, registered with CTest.
# A po/ folder beside the CMakeLists.txt gives the plugin its own translation domain
# maillage-<name>.
function(add_maillage_plugin name)
  cmake_parse_arguments(ARG "TEST_PLUGIN" "" "LOGIC;UI;TESTS;LINK;TRANSLATION_SOURCES" ${ARGN})
  set(logic maillage_${name}_logic)
  set(module maillage_${name})

  if(ARG_LOGIC)
    add_library(${logic} STATIC ${ARG_LOGIC})
    target_link_libraries(${logic} PUBLIC maillage_core ${ARG_LINK})
    target_include_directories(${logic} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
    set_target_properties(${logic} PROPERTIES CXX_VISIBILITY_PRESET hidden
                                              VISIBILITY_INLINES_HIDDEN ON)
    maillage_project_target(${logic})
  endif()

  add_library(${module} MODULE ${ARG_UI})
  if(NOT ARG_UI)
    # A plugin without pages still needs one source: its factory lives in LOGIC then.
    message(FATAL_ERROR "add_maillage_plugin(${name}): UI needs at least the file that declares the plugin")
  endif()
  target_link_libraries(${module} PRIVATE maillage_shared_ui ${ARG_LINK})
  if(ARG_LOGIC)
    target_link_libraries(${module} PRIVATE ${logic})
  endif()
  target_include_directories(${module} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  set_target_properties(${module} PROPERTIES
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    BUILD_RPATH "$ORIGIN;$ORIGIN/../.."
    INSTALL_RPATH "$ORIGIN;$ORIGIN/../..")
  maillage_project_target(${module})

  if(ARG_TEST_PLUGIN)
    set_target_properties(${module} PROPERTIES
      LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/test-plugins)
  else()
    set_target_properties(${module} PROPERTIES
      LIBRARY_OUTPUT_DIRECTORY ${MAILLAGE_PLUGIN_OUTPUT_DIR})
    install(TARGETS ${module} LIBRARY DESTINATION ${MAILLAGE_PLUGIN_SUBDIR})
    set_property(GLOBAL APPEND PROPERTY MAILLAGE_PLUGINS ${module})
  endif()

  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/po)
    maillage_add_translations(DOMAIN maillage-${name} PO_DIR ${CMAKE_CURRENT_SOURCE_DIR}/po
                              SOURCE_DIRS ${CMAKE_CURRENT_SOURCE_DIR} ${ARG_TRANSLATION_SOURCES})
  endif()

  if(ARG_TESTS)
    add_executable(test_${name} ${ARG_TESTS})
    target_link_libraries(test_${name} PRIVATE ${logic} maillage_test_support GTest::gtest_main)
    maillage_project_target(test_${name})
    gtest_discover_tests(test_${name} DISCOVERY_TIMEOUT 60
      PROPERTIES LABELS "plugin;${name}")
  endif()
endfunction()

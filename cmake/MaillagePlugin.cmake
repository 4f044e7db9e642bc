# add_maillage_plugin(<name>
#     LOGIC  <sources...>   # the Plugin (MAILLAGE_PLUGIN), schema, rules, figures, CLI, demo:
#                           # no wxWidgets
#     UI     <sources...>   # the UiContribution (MAILLAGE_PLUGIN_UI) and its wx pages
#     TESTS  <sources...>   # GoogleTest sources for the logic (built when BUILD_TESTING)
#     [LINK  <targets...>]  # extra libraries of the logic, e.g. maillage_catalog or maillage_lazy_ical
#     [TRANSLATION_SOURCES <dirs...>]  # more folders whose tr() strings the plugin's catalogs hold
#     [TEST_PLUGIN])        # a fixture for the loader tests: built, never installed
# A plugin added while MAILLAGE_TEST_PLUGIN_DIR is set (the template, tests/new_plugin) is
# a TEST_PLUGIN written into that folder, whose tests keep the labels "plugin" and <name>.
#
# Builds, from explicit source lists:
#   maillage_<name>_logic   a static library (PIC) of the LOGIC sources, linked by the
#                           tests and by the UI module, so that the rules are tested
#                           without a display;
#   maillage_<name>         the logic MODULE (the LOGIC objects; links the core, never
#                           wxWidgets), loaded by maillage-cli and the window;
#   maillage_<name>_ui      the UI MODULE (the UI sources; links shared-ui and the logic
#                           library), loaded by the window only, paired by plugin id;
#   test_<name>             the plugin's tests, registered with CTest under the labels
#                           "plugin" and <name> (ctest -L <name>).
# Both modules: hidden visibility, $ORIGIN rpath, output into the build tree's plugin
# folder and installed into the installed one (install components "cli" and "window").
# A po/ folder beside the CMakeLists.txt gives the plugin its translation domain
# maillage-<name>, shared by both modules (component "common").
function(maillage_plugin_module target)
  cmake_parse_arguments(ARG "TEST_PLUGIN" "COMPONENT" "" ${ARGN})
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    BUILD_RPATH "$ORIGIN;$ORIGIN/../.."
    INSTALL_RPATH "$ORIGIN/..")  # <libdir>/maillage/plugins -> <libdir>/maillage (the core)
  target_include_directories(${target} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  if(NOT MAILLAGE_SANITIZE)
    # Every symbol resolved when the module is linked: a library function missing from
    # a lazy stub (core/src/lazy) fails the build, not the user's command.
    target_link_options(${target} PRIVATE LINKER:--no-undefined)
  endif()
  maillage_project_target(${target})
  if(ARG_TEST_PLUGIN)
    set(dir ${CMAKE_BINARY_DIR}/test-plugins)
    if(MAILLAGE_TEST_PLUGIN_DIR)
      set(dir ${MAILLAGE_TEST_PLUGIN_DIR})
    endif()
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${dir})
    set_property(GLOBAL APPEND PROPERTY MAILLAGE_TEST_PLUGINS ${target})
  else()
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${MAILLAGE_PLUGIN_OUTPUT_DIR})
    install(TARGETS ${target} LIBRARY DESTINATION ${MAILLAGE_PLUGIN_SUBDIR} COMPONENT ${ARG_COMPONENT})
    set_property(GLOBAL APPEND PROPERTY MAILLAGE_PLUGINS ${target})
  endif()
endfunction()

function(add_maillage_plugin name)
  cmake_parse_arguments(ARG "TEST_PLUGIN" "" "LOGIC;UI;TESTS;LINK;TRANSLATION_SOURCES" ${ARGN})
  set(logic maillage_${name}_logic)
  set(module maillage_${name})
  set(ui_module maillage_${name}_ui)
  set(pass_test_plugin)
  if(ARG_TEST_PLUGIN OR MAILLAGE_TEST_PLUGIN_DIR)
    set(pass_test_plugin TEST_PLUGIN)
  endif()
  if(NOT ARG_LOGIC AND NOT ARG_UI)
    message(FATAL_ERROR "add_maillage_plugin(${name}): give LOGIC sources, UI sources or both")
  endif()

  if(ARG_LOGIC)
    add_library(${logic} STATIC ${ARG_LOGIC})
    target_link_libraries(${logic} PUBLIC maillage_core ${ARG_LINK})
    target_include_directories(${logic} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
    set_target_properties(${logic} PROPERTIES CXX_VISIBILITY_PRESET hidden
                                              VISIBILITY_INLINES_HIDDEN ON)
    maillage_project_target(${logic})
    if(NOT pass_test_plugin)
      maillage_precompile_core(${logic})
    endif()

    # The module is the same objects (not a second compilation): every one of them,
    # including the file that exports the factory, which nothing else references.
    add_library(${module} MODULE $<TARGET_OBJECTS:${logic}>)
    target_link_libraries(${module} PRIVATE ${logic})
    maillage_plugin_module(${module} COMPONENT cli ${pass_test_plugin})
  endif()

  if(ARG_UI)
    add_library(${ui_module} MODULE ${ARG_UI})
    target_link_libraries(${ui_module} PRIVATE maillage_shared_ui)
    if(ARG_LOGIC)
      target_link_libraries(${ui_module} PRIVATE ${logic})
    endif()
    maillage_plugin_module(${ui_module} COMPONENT window ${pass_test_plugin})
    if(NOT pass_test_plugin)
      maillage_precompile_wx(${ui_module})
    endif()
  endif()

  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/po)
    set(no_install)
    if(pass_test_plugin)
      set(no_install NO_INSTALL)
    endif()
    maillage_add_translations(DOMAIN maillage-${name} PO_DIR ${CMAKE_CURRENT_SOURCE_DIR}/po ${no_install}
                              SOURCE_DIRS ${CMAKE_CURRENT_SOURCE_DIR} ${ARG_TRANSLATION_SOURCES})
  endif()

  if(ARG_TESTS AND BUILD_TESTING)
    add_executable(test_${name} ${ARG_TESTS})
    target_link_libraries(test_${name} PRIVATE ${logic} maillage_test_support GTest::gtest_main)
    maillage_project_target(test_${name})
    gtest_discover_tests(test_${name} DISCOVERY_TIMEOUT 60)
  endif()
  if(NOT ARG_TEST_PLUGIN)
    # Every test of this folder (discovered ones included) gets both labels: a list in
    # gtest_discover_tests' PROPERTIES loses its ';' on the way.
    set_property(DIRECTORY APPEND PROPERTY LABELS plugin ${name})
  endif()
endfunction()

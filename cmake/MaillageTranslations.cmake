# maillage_add_translations(DOMAIN <domain> PO_DIR <dir> [SOURCE_DIRS <dirs...>] [NO_INSTALL])
#
# Compiles <dir>/fr.po, nl.po and en.po into <locale>/<lang>/LC_MESSAGES/<domain>.mo in
# the build tree (where the executables look first) and installs them. The test
# `translations.<domain>` fails when a string marked in the sources is missing from a
# catalog or left untranslated (scripts/check-translations).
set(MAILLAGE_LANGUAGES fr nl en)

function(maillage_add_translations)
  cmake_parse_arguments(ARG "NO_INSTALL" "DOMAIN;PO_DIR" "SOURCE_DIRS" ${ARGN})
  set(mo_files)
  foreach(lang IN LISTS MAILLAGE_LANGUAGES)
    set(po ${ARG_PO_DIR}/${lang}.po)
    set(mo ${MAILLAGE_LOCALE_OUTPUT_DIR}/${lang}/LC_MESSAGES/${ARG_DOMAIN}.mo)
    add_custom_command(OUTPUT ${mo}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${MAILLAGE_LOCALE_OUTPUT_DIR}/${lang}/LC_MESSAGES
      COMMAND ${MSGFMT_EXECUTABLE} --check-format -o ${mo} ${po}
      DEPENDS ${po} VERBATIM)
    list(APPEND mo_files ${mo})
    if(NOT ARG_NO_INSTALL)
      install(FILES ${mo} DESTINATION ${MAILLAGE_LOCALE_SUBDIR}/${lang}/LC_MESSAGES COMPONENT common)
    endif()
  endforeach()
  add_custom_target(translations_${ARG_DOMAIN} ALL DEPENDS ${mo_files})
  if(NOT ARG_SOURCE_DIRS)
    get_filename_component(src ${ARG_PO_DIR} DIRECTORY)
    set(ARG_SOURCE_DIRS ${src})
  endif()
  add_test(NAME translations.${ARG_DOMAIN}
    COMMAND ${PROJECT_SOURCE_DIR}/scripts/check-translations ${ARG_DOMAIN} ${ARG_PO_DIR} ${ARG_SOURCE_DIRS})
endfunction()

#include "catalog/module_sheet_xml.h"
#include "core/error.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "expect_error.h"
#include "test_support.h"

using namespace maillage;
using namespace maillage::catalog;

namespace {
ModuleSheet sample() {
    ModuleSheet m;
    m.code = "SM-01";
    m.version = 3;
    m.theme_code = "mental_health";
    m.title = {"Santé mentale — repères", "Geestelijke gezondheid — basis", "Mental health basics"};
    m.description = {"Les mots & les <représentations>.", "Woorden en beelden.", {}};
    m.duration_minutes = 360;
    m.objectives = "- Comprendre\n- Agir";
    m.content = "Contenu";
    m.methods = "Jeux de rôle";
    m.audience = "Première ligne";
    m.prerequisites = "Aucun";
    m.trainer_emails = {"person8@example.org"};
    m.trainer_names = {"Anne Dupont"};
    return m;
}

ParseError parse_error(const std::string& xml, const XmlLimits& limits = {}) {
    return maillage::test::parse_error_of([&] { modules_from_xml(xml, "sheets.xml", limits); },
                                "no error for: " + xml.substr(0, 200));
}
}  // namespace

TEST(ModuleSheetXml, RoundTripKeepsEveryField) {
    auto xml = modules_to_xml({sample()});
    auto back = modules_from_xml(xml, "x.xml");
    ASSERT_EQ(back.size(), 1u);
    const auto& m = back[0];
    EXPECT_EQ(m.code, "SM-01");
    EXPECT_EQ(m.version, 3);
    EXPECT_EQ(m.theme_code, "mental_health");
    EXPECT_EQ(m.title.fr, "Santé mentale — repères");
    EXPECT_EQ(m.title.nl, "Geestelijke gezondheid — basis");
    EXPECT_EQ(m.title.en, "Mental health basics");
    EXPECT_EQ(m.description.fr, "Les mots & les <représentations>.");
    EXPECT_EQ(m.duration_minutes, 360);
    EXPECT_EQ(m.objectives, "- Comprendre\n- Agir");
    EXPECT_EQ(m.prerequisites, "Aucun");
    EXPECT_EQ(m.trainer_emails, std::vector<std::string>{"person8@example.org"});
    EXPECT_EQ(m.trainer_names, std::vector<std::string>{"Anne Dupont"});
}

TEST(ModuleSheetXml, ExportValidatesAgainstTheXsd) {
    if (std::system("command -v xmllint >/dev/null 2>&1") != 0) GTEST_SKIP() << "xmllint not installed";
    maillage::test::TempDir dir;
    maillage::test::write_file(dir / "m.xml", modules_to_xml({sample()}));
    auto xsd = maillage::test::source_dir() / "catalog" / "schema" / "module-sheet.xsd";
    std::string cmd = "xmllint --noout --schema '" + xsd.string() + "' '" + (dir / "m.xml").string() + "' 2>/dev/null";
    EXPECT_EQ(std::system(cmd.c_str()), 0);
}

TEST(ModuleSheetXml, MalformedXmlGivesLineAndColumn) {
    auto e = parse_error("<?xml version=\"1.0\"?>\n<modules>\n  <module code=\"A\">\n    <theme>x</theme\n  </module>\n</modules>\n");
    EXPECT_EQ(e.file(), "sheets.xml");
    EXPECT_GE(e.line(), 4);
    EXPECT_LE(e.line(), 5);
}

TEST(ModuleSheetXml, UnknownAndMissingElementsAreNamedWithTheirLine) {
    auto unknown = parse_error(
        "<modules>\n<module code=\"A\">\n<theme>t</theme>\n<title lang=\"fr\">a</title>\n<title lang=\"nl\">b</title>\n"
        "<duration minutes=\"60\"/>\n<colour>red</colour>\n</module>\n</modules>");
    EXPECT_EQ(unknown.field(), "colour");
    EXPECT_EQ(unknown.line(), 7);
    auto missing = parse_error("<modules>\n\n<module code=\"A\">\n<theme>t</theme>\n<title lang=\"fr\">a</title>\n"
                               "<title lang=\"nl\">b</title>\n</module>\n</modules>");
    EXPECT_EQ(missing.field(), "module");
    EXPECT_EQ(missing.line(), 3);
    EXPECT_NE(missing.reason().find("duration"), std::string::npos);
    auto bad = parse_error("<modules>\n<module code=\"A\">\n<theme>t</theme>\n<title lang=\"fr\">a</title>\n"
                           "<title lang=\"nl\">b</title>\n<duration minutes=\"-3\"/>\n</module>\n</modules>");
    EXPECT_EQ(bad.field(), "duration");
    EXPECT_EQ(bad.line(), 6);
}

TEST(ModuleSheetXml, HostileInputIsRefused) {
    // Deep nesting.
    std::string deep = "<modules>";
    for (int i = 0; i < 5000; ++i) deep += "<module>";
    auto e1 = parse_error(deep + std::string(5000 * 9, ' ') + "</modules>");
    EXPECT_GE(e1.line(), 1);
    std::string closed = "<modules>\n<module code=\"A\">";
    for (int i = 0; i < 40; ++i) closed += "<x>";
    for (int i = 0; i < 40; ++i) closed += "</x>";
    closed += "</module></modules>";
    auto e2 = parse_error(closed);
    EXPECT_NE(e2.reason().find("nested"), std::string::npos);
    EXPECT_EQ(e2.line(), 2);
    // Huge text.
    auto e3 = parse_error("<modules><module code=\"A\"><theme>" + std::string(200000, 'a') + "</theme></module></modules>");
    EXPECT_NE(e3.reason().find("longer"), std::string::npos);
    // Whole file too large.
    XmlLimits small;
    small.max_bytes = 100;
    EXPECT_NE(parse_error(std::string(200, ' '), small).reason().find("larger"), std::string::npos);
    // Bad encoding: a Latin-1 byte on line 3.
    auto e4 = parse_error("<modules>\n<module code=\"A\">\n<theme>caf\xE9</theme></module></modules>");
    EXPECT_EQ(e4.line(), 3);
    EXPECT_EQ(e4.column(), 11);
    // Entities and a declared foreign encoding.
    EXPECT_NE(parse_error("<?xml version=\"1.0\"?>\n<!DOCTYPE m [<!ENTITY a \"aaaa\">]>\n<modules/>").line(), 1);
    EXPECT_NE(parse_error("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><modules/>").reason().find("UTF-8"), std::string::npos);
}

TEST(ModuleSheetXml, DuplicateCodesAreRefused) {
    auto one = modules_to_xml({sample(), sample()});
    auto e = parse_error(one);
    EXPECT_NE(e.reason().find("SM-01"), std::string::npos);
}

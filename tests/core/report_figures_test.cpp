// Report renderers (JSON keys, Markdown tables, HTML escaping) and figure helpers.
#include "core/figures.h"
#include "core/report.h"
#include "core/sectors.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace maillage;

namespace {
Report sample() {
    Report r;
    r.title = "Rapport <2025>";
    r.scope.year = 2025;
    r.scope.funder = "COCOM";
    ReportSection s;
    s.id = "test.groups";
    s.title = "Groupes & <cycles>";
    s.paragraphs = {"64 participants et 6 animateur·ices"};
    s.tables.push_back(ReportTable{"Par secteur", {"Secteur", "Nombre"}, {{"santé | mentale", "3"}, {"<b>x</b>", "1"}}});
    s.charts.push_back(ReportChart{ReportChart::Kind::Pie, "Secteurs", {{"a", 3}, {"b", 1}}});
    s.data = {{"participants", 64}};
    ReportSection sub;
    sub.id = "test.groups.one";
    sub.title = "Groupe 1";
    s.subsections.push_back(sub);
    r.sections.push_back(s);
    return r;
}
}  // namespace

TEST(ReportRender, JsonHasTheDocumentedKeys) {
    auto j = to_json(sample());
    EXPECT_EQ(j["title"], "Rapport <2025>");
    EXPECT_EQ(j["scope"]["year"], 2025);
    EXPECT_EQ(j["scope"]["funder"], "COCOM");
    EXPECT_FALSE(j["scope"].contains("cycle"));
    const auto& s = j["sections"][0];
    for (const char* key : {"id", "title", "paragraphs", "tables", "charts", "data", "subsections"})
        EXPECT_TRUE(s.contains(key)) << key;
    EXPECT_EQ(s["data"]["participants"], 64);
    EXPECT_EQ(s["tables"][0]["columns"][1], "Nombre");
    EXPECT_EQ(s["charts"][0]["kind"], "pie");
    EXPECT_EQ(s["charts"][0]["values"][0]["value"], 3.0);
    EXPECT_EQ(s["subsections"][0]["id"], "test.groups.one");
}

TEST(ReportRender, MarkdownTableAndHeadings) {
    const auto md = to_markdown(sample());
    EXPECT_EQ(md.rfind("# Rapport <2025>\n", 0), 0u);
    EXPECT_NE(md.find("\n## Groupes & <cycles>\n"), std::string::npos);
    EXPECT_NE(md.find("| Secteur | Nombre |\n| --- | --- |\n"), std::string::npos);
    EXPECT_NE(md.find("| santé \\| mentale | 3 |"), std::string::npos);  // a | in a cell is escaped
    EXPECT_NE(md.find("\n### Groupe 1\n"), std::string::npos);
}

TEST(ReportRender, HtmlEscapesEveryText) {
    const auto html = to_html(sample());
    EXPECT_NE(html.find("<title>Rapport &lt;2025&gt;</title>"), std::string::npos);
    EXPECT_NE(html.find("Groupes &amp; &lt;cycles&gt;"), std::string::npos);
    EXPECT_NE(html.find("<td>&lt;b&gt;x&lt;/b&gt;</td>"), std::string::npos);
    EXPECT_EQ(html.find("<b>x</b>"), std::string::npos);
    EXPECT_NE(html.find("<svg"), std::string::npos);
}

TEST(Figures, PercentHasTwoDecimals) {
    EXPECT_EQ(percent(1, 3), "33.33");
    EXPECT_EQ(percent(2, 3), "66.67");
    EXPECT_EQ(percent(1, 1), "100.00");
    EXPECT_EQ(percent(1, 228), "0.44");
    EXPECT_EQ(percent(0, 0), "0.00");
}

TEST(Figures, CountsLargestFirstThenByLabelUnknownApart) {
    auto split = count_labels({"b", "a", "c", "a", "", "c", "a", ""});
    ASSERT_EQ(split.rows.size(), 3u);
    EXPECT_EQ(split.rows[0].label, "a");
    EXPECT_EQ(split.rows[0].count, 3);
    EXPECT_EQ(split.rows[0].percent, "50.00");
    EXPECT_EQ(split.rows[1].label, "c");  // 2
    EXPECT_EQ(split.rows[2].label, "b");  // 1
    EXPECT_EQ(split.known, 6);
    EXPECT_EQ(split.unknown, 2);
    EXPECT_EQ(join_with_counts(split), "a (3), c (2), b (1)");
    auto t = split_table(split, "t", "Label");
    EXPECT_EQ(t.rows.size(), 4u);  // + the unknown line
    auto j = split_json(split);
    EXPECT_EQ(j["known"], 6);
    EXPECT_EQ(j["rows"][1]["percent"], "33.33");
}

TEST(Figures, SectorsCountedUnderTheirLabel) {
    auto db = test::memory_db();
    SectorRepository sectors(*db);
    const auto homeless = sectors.find_by_code("homeless")->id, mh = sectors.find_by_code("mental_health")->id;
    auto split = count_sectors(*db, {mh, homeless, homeless, std::nullopt}, "nl");
    ASSERT_EQ(split.rows.size(), 2u);
    EXPECT_EQ(split.rows[0].label, "thuislozenzorg");
    EXPECT_EQ(split.rows[0].percent, "66.67");
    EXPECT_EQ(split.unknown, 1);
}

namespace {
// A section whose split has a group of 5 and a group of 2 people.
class SplitSection : public ReportSectionProvider {
public:
    std::string id() const override { return "test.split"; }
    std::vector<ReportSection> build(Database&, const ReportScope&) const override {
        const auto split = count_labels({"a", "a", "a", "a", "a", "b", "b"});
        ReportSection s;
        s.id = id();
        s.tables.push_back(split_table(split, "t", "label"));
        s.charts.push_back(split_chart(split, "c"));
        s.data = {{"split", split_json(split)}, {"list", join_with_counts(split)}};
        return {s};
    }
};
}  // namespace

TEST(Figures, SmallCountsAreSuppressedInExportedStatisticsWhenAsked) {
    auto db = test::memory_db();
    const std::vector<std::shared_ptr<const ReportSectionProvider>> providers{std::make_shared<SplitSection>()};
    ReportScope scope;
    auto plain = build_report(*db, scope, providers).sections.at(0);
    EXPECT_EQ(plain.tables[0].rows[1][1], "2");
    EXPECT_EQ(plain.data["split"]["rows"][1]["count"], 2);

    scope.suppress_below = 3;
    auto report = build_report(*db, scope, providers);
    const auto& s = report.sections.at(0);
    EXPECT_EQ(s.tables[0].rows[0][1], "5");
    EXPECT_EQ(s.tables[0].rows[1][1], "<3");
    EXPECT_EQ(s.tables[0].rows[1][2], "");  // no percentage that would give the count away
    EXPECT_TRUE(s.data["split"]["rows"][1]["count"].is_null());
    EXPECT_EQ(s.data["split"]["rows"][1]["suppressed"], true);
    EXPECT_EQ(s.data["list"], "a (5), b (<3)");
    ASSERT_EQ(s.charts[0].values.size(), 1u);
    EXPECT_EQ(to_json(report)["scope"]["suppress_below"], 3);

    // The database's setting applies when the scope says nothing.
    db->write([&] { db->sql().exec("INSERT INTO setting(key, value) VALUES ('statistics.suppress_below', '3')"); });
    EXPECT_EQ(build_report(*db, ReportScope{}, providers).sections.at(0).tables[0].rows[1][1], "<3");
    EXPECT_EQ(suppression_threshold(), 0);  // only while the report is built
}

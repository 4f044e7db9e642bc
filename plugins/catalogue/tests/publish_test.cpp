// Publishes the demo edition and checks the site as files: every page is well-formed,
// declares its language, has the landmarks, and every internal link (file and #anchor)
// resolves. The browser check (rendering, search, screenshots) is check_site.sh.
#include "catalog/site_publisher.h"
#include "catalogue_demo.h"
#include "catalogue_publish.h"
#include "catalogue_schema.h"
#include "core/demo_data.h"
#include "core/error.h"
#include "core/plugin_api.h"
#include "test_support.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <cstdlib>
#include <map>
#include <set>

using namespace maillage;
namespace fs = std::filesystem;

namespace {

// The demo database of 2026 with the catalogue's demo.
std::unique_ptr<Database> demo_2026() {
    auto db = maillage::test::memory_db({catalogue::catalogue_migration_set()});
    db->write([&] {
        seed_core_demo(*db, 2026);
        catalogue::seed_catalogue_demo(*db, DemoContext{2026});
    });
    return db;
}

struct Site {
    maillage::test::TempDir dir;
    catalog::PublishResult result;
    Site() {
        auto db = demo_2026();
        catalog::PublishOptions options;
        options.make_pdf = false;
        options.today = "2026-01-05";  // published early in the year: every training is open
        result = catalogue::publish(*db, "2026", dir.path(), options);
    }
};

Site& site() {
    static Site s;
    return s;
}

std::set<std::string> ids_of(const pugi::xml_document& doc) {
    std::set<std::string> ids;
    for (auto n : doc.select_nodes("//*[@id]")) ids.insert(n.node().attribute("id").value());
    return ids;
}

}  // namespace

TEST(PublishedSite, HasEveryPageOfTheEdition) {
    const auto& root = site().dir.path();
    for (const char* lang : {"fr", "nl"}) {
        EXPECT_TRUE(fs::exists(root / lang / "index.html"));
        EXPECT_TRUE(fs::exists(root / lang / "calendar.html"));
        EXPECT_TRUE(fs::exists(root / lang / "modules" / "SM-01.html"));
        EXPECT_TRUE(fs::exists(root / lang / "trainings" / "2026-01.html"));
        EXPECT_TRUE(fs::exists(root / "booklet" / (std::string("catalogue-") + lang + ".html")));
    }
    int modules = 0;
    for (const auto& e : fs::directory_iterator(root / "fr" / "modules")) modules += e.path().extension() == ".html";
    EXPECT_EQ(modules, 50);
    int trainings = 0;
    for (const auto& e : fs::directory_iterator(root / "fr" / "trainings")) trainings += e.path().extension() == ".html";
    EXPECT_EQ(trainings, 13);
    EXPECT_TRUE(fs::exists(root / "feed.xml"));
}

TEST(PublishedSite, EveryPageIsWellFormedAccessibleAndEveryInternalLinkResolves) {
    const auto& root = site().dir.path();
    std::map<fs::path, std::set<std::string>> ids;
    std::vector<std::pair<fs::path, std::string>> links;  // page, href
    int pages = 0;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (e.path().extension() != ".html") continue;
        ++pages;
        pugi::xml_document doc;
        std::string text = maillage::test::read_file(e.path());
        auto start = text.find("<html");
        ASSERT_NE(start, std::string::npos) << e.path();
        auto r = doc.load_string(text.c_str() + start);
        ASSERT_TRUE(r) << e.path() << ": " << r.description() << " at " << r.offset;
        auto html = doc.child("html");
        std::string lang = html.attribute("lang").value();
        EXPECT_TRUE(lang == "fr" || lang == "nl") << e.path();
        EXPECT_EQ(doc.select_nodes("//main").size(), 1u) << e.path();
        EXPECT_FALSE(doc.select_node("//title").node().text().empty()) << e.path();
        EXPECT_TRUE(doc.select_node("//meta[@name='viewport']")) << e.path();
        for (auto img : doc.select_nodes("//img")) {
            EXPECT_TRUE(img.node().attribute("alt")) << e.path();
        }
        for (auto input : doc.select_nodes("//input")) {
            std::string id = input.node().attribute("id").value();
            EXPECT_TRUE(doc.select_node(("//label[@for='" + id + "']").c_str())) << e.path() << " input " << id;
        }
        ids[fs::weakly_canonical(e.path())] = ids_of(doc);
        for (auto a : doc.select_nodes("//*[@href]")) links.push_back({e.path(), a.node().attribute("href").value()});
        for (auto a : doc.select_nodes("//*[@src]")) links.push_back({e.path(), a.node().attribute("src").value()});
    }
    EXPECT_GT(pages, 120);
    int internal = 0;
    for (const auto& [page, href] : links) {
        if (href.rfind("http", 0) == 0 || href.rfind("mailto:", 0) == 0) continue;
        ++internal;
        auto hash = href.find('#');
        std::string file = href.substr(0, hash);
        std::string anchor = hash == std::string::npos ? "" : href.substr(hash + 1);
        fs::path target = file.empty() ? page : fs::weakly_canonical(page.parent_path() / file);
        ASSERT_TRUE(fs::exists(target)) << page << " links to missing " << href;
        if (!anchor.empty() && target.extension() == ".html") {
            EXPECT_TRUE(ids[fs::weakly_canonical(target)].count(anchor)) << page << " links to missing anchor " << href;
        }
    }
    EXPECT_GT(internal, 1000);
}

TEST(PublishedSite, SearchIndexAndLanguageSwitch) {
    auto fr = maillage::test::read_file(site().dir / "fr/index.html");
    EXPECT_NE(fr.find("id=\"search-index\""), std::string::npos);
    EXPECT_NE(fr.find("Sensibilisation à la santé mentale (trois jours)"), std::string::npos);
    EXPECT_NE(fr.find("href=\"../nl/index.html\""), std::string::npos);
    auto nl = maillage::test::read_file(site().dir / "nl/modules/SM-01.html");
    EXPECT_NE(nl.find("lang=\"nl\""), std::string::npos);
    EXPECT_NE(nl.find("Sensibilisering geestelijke gezondheid"), std::string::npos);
    EXPECT_NE(nl.find("Doelstellingen"), std::string::npos);
    auto training = maillage::test::read_file(site().dir / "fr/trainings/2026-01.html");
    EXPECT_NE(training.find("https://www.example.org/formations/2026-01"), std::string::npos);
    EXPECT_NE(training.find("mardi 10 mars 2026"), std::string::npos);
}

TEST(PublishedSite, FeedValidatesAgainstItsXsd) {
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_file((site().dir / "feed.xml").c_str()));
    EXPECT_EQ(doc.select_nodes("/catalogue/trainings/training").size(), 13u);
    EXPECT_EQ(doc.select_nodes("/catalogue/modules/module").size(), 50u);
    if (std::system("command -v xmllint >/dev/null 2>&1") != 0) GTEST_SKIP() << "xmllint not installed";
    auto xsd = maillage::test::source_dir() / "catalog" / "schema" / "catalogue-feed.xsd";
    std::string cmd = "xmllint --noout --schema '" + xsd.string() + "' '" + (site().dir / "feed.xml").string() + "' 2>/dev/null";
    EXPECT_EQ(std::system(cmd.c_str()), 0);
}

// Issue 16 item 15: publishing refuses a folder that holds other files than an earlier
// publication (nothing is written there), and republishes over an earlier publication.
TEST(PublishedSite, RefusesAFolderWithOtherFilesButRepublishesOverAnEarlierPublication) {
    auto db = demo_2026();
    catalog::PublishOptions options;
    options.make_pdf = false;
    maillage::test::TempDir dir;
    const auto foreign = dir / "my-site";
    fs::create_directories(foreign);
    maillage::test::write_file(foreign / "index.html", "<p>my own page</p>");
    EXPECT_EQ(catalog::publication_target(foreign), catalog::PublicationTarget::OtherFiles);
    try {
        catalogue::publish(*db, "2026", foreign, options);
        FAIL() << "published into a folder of other files";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(foreign.string()), std::string::npos) << e.what();
    }
    EXPECT_EQ(maillage::test::read_file(foreign / "index.html"), "<p>my own page</p>");
    EXPECT_EQ(std::distance(fs::directory_iterator(foreign), fs::directory_iterator()), 1);

    const auto fresh = dir / "catalogue";
    EXPECT_EQ(catalog::publication_target(fresh), catalog::PublicationTarget::Empty);
    catalogue::publish(*db, "2026", fresh, options);
    EXPECT_EQ(catalog::publication_target(fresh), catalog::PublicationTarget::EarlierPublication);
    EXPECT_NO_THROW(catalogue::publish(*db, "2026", fresh, options));

    options.overwrite_foreign_folder = true;  // what the window sets once the user said yes
    EXPECT_NO_THROW(catalogue::publish(*db, "2026", foreign, options));
    EXPECT_NE(maillage::test::read_file(foreign / "index.html"), "<p>my own page</p>");
}

// Issue 16, item 6: a registration URL that is not http, https or mailto never becomes a
// live link on the published site, the booklet or the feed, even when it was stored
// before input was checked (here written straight into the table).
TEST(PublishedSite, OnlyWebAndMailRegistrationLinksArePublished) {
    maillage::test::TempDir dir;
    auto db = demo_2026();
    db->sql().exec("UPDATE catalogue_training SET registration_url = 'javascript:alert(31)' WHERE code = '2026-01'");
    db->sql().exec("UPDATE catalogue_training SET registration_url = ' JaVaScRiPt:alert(32)' WHERE code = '2026-02'");
    db->sql().exec("UPDATE catalogue_training SET registration_url = 'data:text/html,<script>alert(33)</script>' "
             "WHERE code = '2026-03'");
    db->sql().exec("UPDATE catalogue_training SET registration_url = 'mailto:formation@example.org' WHERE code = '2026-04'");
    catalog::PublishOptions options;
    options.make_pdf = false;
    options.today = "2026-01-05";
    const auto result = catalogue::publish(*db, "2026", dir.path(), options);
    int pages = 0;
    for (const auto& f : result.files) {
        if (f.extension() != ".html" && f.extension() != ".xml") continue;
        ++pages;
        std::string text = maillage::test::read_file(f);
        for (auto& c : text) c = char(std::tolower(static_cast<unsigned char>(c)));
        EXPECT_EQ(text.find("javascript:"), std::string::npos) << f;
        EXPECT_EQ(text.find("alert(3"), std::string::npos) << f;
    }
    EXPECT_GT(pages, 100);
    const auto bad = maillage::test::read_file(dir.path() / "fr" / "trainings" / "2026-01.html");
    EXPECT_EQ(bad.find("class=\"register\""), std::string::npos);
    const auto mail = maillage::test::read_file(dir.path() / "fr" / "trainings" / "2026-04.html");
    EXPECT_NE(mail.find("href=\"mailto:formation@example.org\""), std::string::npos);
    const auto good = maillage::test::read_file(dir.path() / "fr" / "trainings" / "2026-05.html");
    EXPECT_NE(good.find("href=\"https://"), std::string::npos);
}

// Published at the end of the year: what is over leaves the open trainings, says so and
// offers no registration; what is open has its calendar (.ics) link; a full training
// says "waiting list".
TEST(PublishedSite, PastTrainingsAreOverAndOpenOnesHaveACalendar) {
    maillage::test::TempDir dir;
    auto db = demo_2026();
    const auto last_day = [&](const char* code) {
        SQLite::Statement q(db->sql(), "SELECT max(s.date) FROM catalogue_training_day d JOIN session s ON s.id = "
                                       "d.session_id JOIN catalogue_training t ON t.id = d.training_id WHERE t.code = ?");
        q.bind(1, code);
        q.executeStep();
        return q.getColumn(0).getString();
    };
    // Publish the day after the first training's last day.
    const std::string first_end = last_day("2026-01");
    ASSERT_FALSE(first_end.empty());
    SQLite::Statement next(db->sql(), "SELECT date(?, '+1 day')");
    next.bind(1, first_end);
    next.executeStep();
    const std::string today = next.getColumn(0).getString();
    catalog::PublishOptions options;
    options.make_pdf = false;
    options.today = today;
    catalogue::publish(*db, "2026", dir.path(), options);
    const auto index = maillage::test::read_file(dir.path() / "fr" / "index.html");
    const auto open_at = index.find("id=\"open-trainings\""), past_at = index.find("id=\"past-trainings\"");
    ASSERT_NE(past_at, std::string::npos);
    const auto first_at = index.find("trainings/2026-01.html");
    EXPECT_GT(first_at, past_at) << "the training that is over is listed after the open ones";
    EXPECT_GT(past_at, open_at);
    const auto over = maillage::test::read_file(dir.path() / "fr" / "trainings" / "2026-01.html");
    EXPECT_NE(over.find("Terminée"), std::string::npos);
    EXPECT_EQ(over.find("class=\"register\""), std::string::npos);
    EXPECT_EQ(over.find(".ics"), std::string::npos);
    EXPECT_EQ(over.find("Complet"), std::string::npos) << "a past training is not full";
    EXPECT_FALSE(fs::exists(dir.path() / "ics" / "2026-01.ics"));
    // A later one is open, with its calendar file.
    std::string later;
    for (const char* code : {"2026-02", "2026-03", "2026-04", "2026-05", "2026-06"})
        if (last_day(code) >= today) {
            later = code;
            break;
        }
    ASSERT_FALSE(later.empty());
    const auto open = maillage::test::read_file(dir.path() / "fr" / "trainings" / (later + ".html"));
    EXPECT_NE(open.find("href=\"../../ics/" + later + ".ics\""), std::string::npos);
    const auto ics = maillage::test::read_file(dir.path() / "ics" / (later + ".ics"));
    EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
    EXPECT_NE(ics.find("DTSTART;TZID=Europe/Brussels:"), std::string::npos);
    EXPECT_NE(ics.find("BEGIN:VTIMEZONE"), std::string::npos);
    for (std::size_t start = 0, end; (end = ics.find("\r\n", start)) != std::string::npos; start = end + 2)
        EXPECT_LE(end - start, 75u) << "folded lines";

    // Full: every seat taken says "waiting list".
    db->sql().exec("UPDATE catalogue_training SET seats = 1 WHERE code = '" + later + "'");
    catalogue::publish(*db, "2026", dir.path(), options);
    const auto full = maillage::test::read_file(dir.path() / "fr" / "trainings" / (later + ".html"));
    EXPECT_NE(full.find("Complet"), std::string::npos);
}

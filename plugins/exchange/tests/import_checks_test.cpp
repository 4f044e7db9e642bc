// Issue 16, item 12: an exchange import with an unknown sector or table, or in UTF-16,
// is refused with its place and the reason; nothing of the file is imported.
#include "events.h"
#include "registration_import.h"
#include "expect_error.h"
#include "test_helpers.h"

#include "core/error.h"

using namespace maillage;
using namespace maillage::exchange;
using ExchangeImportChecks = test_helpers::ExchangeDb;

namespace {
ParseError plan_error(Database& db, int64_t event_id, const std::string& csv) {
    return maillage::test::parse_error_of([&] { plan_import(db, event_id, parse_registrations_csv(csv, "form.csv")); },
                                "accepted:\n" + csv);
}
}  // namespace

TEST_F(ExchangeImportChecks, AnUnknownSectorIsAnErrorAtItsLineAndColumnListingTheValidOnes) {
    const auto ev = event("exchange_table", "2099-10-16");
    const auto e = plan_error(*db, ev,
                              "Prénom;Nom;Email;Secteur\n"
                              "Marie;Dubois;marie@example.org;santé mentale\n"
                              "Jan;Peeters;jan@example.org;astrologie\n");
    EXPECT_EQ(e.file(), "form.csv");
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(e.column(), 4);
    EXPECT_NE(e.reason().find("astrologie"), std::string::npos) << e.reason();
    EXPECT_NE(e.reason().find("mental_health"), std::string::npos) << e.reason();  // the valid values
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM exchange_registration"), 0);
}

TEST_F(ExchangeImportChecks, AnUnknownTableIsAnErrorListingTheEventsTables) {
    const auto ev = event("exchange_table", "2099-10-16");
    EventRepository(*db).add_table(ev, "Accès au logement", "");
    EventRepository(*db).add_table(ev, "Santé mentale et rue", "");
    // By number and by title (any case, accents) is fine.
    EXPECT_NO_THROW(plan_import(*db, ev,
                                parse_registrations_csv("Nom;Prénom;Table\nA;B;2\nC;D;acces au LOGEMENT\n", "f.csv")));
    const auto e = plan_error(*db, ev, "Nom;Prénom;Table\nA;B;1\nC;D;7\n");
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(e.column(), 3);
    EXPECT_NE(e.reason().find("Santé mentale et rue"), std::string::npos) << e.reason();
    const auto none = event("study_day", "2099-11-20");
    EXPECT_EQ(plan_error(*db, none, "Nom;Prénom;Table\nA;B;1\n").line(), 2);
}

TEST_F(ExchangeImportChecks, Utf16IsRefusedWithAReasonThatSaysUtf16) {
    const std::string text = "Nom;Prénom\nDubois;Marie\n";
    // Latin-1 code units, one byte each.
    for (const auto& bytes : maillage::test::utf16_variants("Nom;Pr\xE9nom\nDubois;Marie\n")) {
        try {
            parse_registrations_csv(bytes, "utf16.csv");
            FAIL() << "UTF-16 accepted";
        } catch (const ParseError& e) {
            EXPECT_EQ(e.line(), 1);
            EXPECT_NE(e.reason().find("UTF-16"), std::string::npos) << e.reason();
        }
    }
    EXPECT_EQ(parse_registrations_csv(text, "utf8.csv").size(), 1u);
}

// core/programmes.h CodedRepository: programmes and funders through one repository, each
// with its own table, columns and messages (a duplicate code, a record gone meanwhile).
#include "core/database.h"
#include "core/error.h"
#include "core/programmes.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace maillage;

namespace {
template <class Repo, class Record>
std::string refusal(Repo& repo, const Record& r, bool creating) {
    try {
        if (creating)
            repo.create(r);
        else
            repo.update(r);
    } catch (const Error& e) {
        return e.what();
    }
    return "(accepted)";
}
}  // namespace

TEST(CodedRepository, EachKindSaysWhichCodeIsTakenAndWhatIsGone) {
    auto db = test::memory_db();
    ProgrammeRepository programmes(*db);
    FunderRepository funders(*db);
    programmes.create({0, "pat", "PAT", std::nullopt, false});
    const int64_t cocof = funders.create({0, "COCOF", "Commission communautaire française", "", false, std::nullopt});

    EXPECT_EQ(refusal(programmes, Programme{0, "PAT", "Another", std::nullopt, false}, true),
              "Code: a programme \"PAT\" already exists.");
    EXPECT_EQ(refusal(funders, Funder{0, "cocof", "Another", "", false, std::nullopt}, true),
              "Code: a funder \"cocof\" already exists.");
    EXPECT_EQ(refusal(programmes, Programme{4242, "gone", "Gone", std::nullopt, false}, false),
              "This programme no longer exists.");
    EXPECT_EQ(refusal(funders, Funder{4242, "gone", "Gone", "", false, std::nullopt}, false),
              "This funder no longer exists.");
    EXPECT_EQ(programmes.list().size(), 1u);
    EXPECT_EQ(funders.list().size(), 1u);

    // An update writes every column of its own table: a funder's notes, a programme's parent.
    funders.update({cocof, "COCOF", "COCOF", "subsides facultatifs", false, std::nullopt});
    EXPECT_EQ(funders.get(cocof)->notes, "subsides facultatifs");
    EXPECT_EQ(funders.get(cocof)->name, "COCOF");
    const int64_t support = programmes.create({0, "support", "Support", std::nullopt, false});
    auto pat = *programmes.find_by_code("pat");
    pat.parent_id = support;
    programmes.update(pat);
    EXPECT_EQ(programmes.get(pat.id)->parent_id, support);
}

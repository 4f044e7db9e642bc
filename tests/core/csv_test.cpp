// The CSV reader against what spreadsheets write and what a hostile file may hold.
#include "core/csv.h"
#include "core/error.h"
#include "expect_error.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace maillage;

namespace {
// The ParseError a parse throws (fails the test when none is thrown).
ParseError parse_error(const std::string& bytes, const csv::Limits& limits = {}) {
    return test::parse_error_of([&] { csv::parse(bytes, "in.csv", limits); },
                                "no ParseError for: " + bytes.substr(0, 80));
}
}  // namespace

TEST(Csv, Utf8WithBomAndSemicolons) {
    auto t = csv::parse("\xEF\xBB\xBFnom;r\xC3\xA9gion\r\nAprès-toe;Bruxelles\r\n", "a.csv");
    EXPECT_EQ(t.encoding, csv::Encoding::Utf8WithBom);
    EXPECT_EQ(t.separator, ';');
    ASSERT_EQ(t.header.size(), 2u);
    EXPECT_EQ(t.header[0], "nom");  // the BOM is not part of the first header
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0].fields[0], "Après-toe");
    EXPECT_EQ(t.rows[0].line, 2);
}

TEST(Csv, Windows1252IsConvertedToUtf8) {
    // "Région;Œuvre\nSanté mentale;€ 5" as Belgian Excel saves it.
    auto t = csv::parse("R\xE9gion;\x8Cuvre\nSant\xE9 mentale;\x80 5\n", "a.csv");
    EXPECT_EQ(t.encoding, csv::Encoding::Windows1252);
    EXPECT_EQ(t.header[0], "Région");
    EXPECT_EQ(t.header[1], "Œuvre");
    EXPECT_EQ(t.rows[0].fields[0], "Santé mentale");
    EXPECT_EQ(t.rows[0].fields[1], "€ 5");
}

TEST(Csv, UndefinedWindows1252ByteIsRefusedWithItsPlace) {
    EXPECT_TRUE(
        test::points_at(parse_error("a;b\nok;x\x81y\n"), {.line = 2, .column = 2, .field = "b", .says = "0x81"}));
}

TEST(Csv, BomWithInvalidUtf8IsRefused) {
    EXPECT_TRUE(
        test::points_at(parse_error("\xEF\xBB\xBF" "a,b\n1,caf\xE9\n"), {.line = 2, .column = 2, .says = "UTF-8"}));
}

TEST(Csv, CommaSeparatorDetectedFromHeaderOutsideQuotes) {
    // The header holds a quoted ';' that must not count.
    auto t = csv::parse("\"a;x\",b,c\n1,2,3\n", "a.csv");
    EXPECT_EQ(t.separator, ',');
    EXPECT_EQ(t.header[0], "a;x");
    EXPECT_EQ(t.rows[0].fields[2], "3");
}

TEST(Csv, QuotedFieldsWithSeparatorsQuotesAndNewlines) {
    auto t = csv::parse("name;notes;n\r\n\"A; B\";\"He said \"\"hi\"\"\r\nsecond line\";1\r\nC;d;2\r\n", "a.csv");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0].fields[0], "A; B");
    EXPECT_EQ(t.rows[0].fields[1], "He said \"hi\"\r\nsecond line");
    EXPECT_EQ(t.rows[0].line, 2);
    // The row after a two-line field starts on line 4.
    EXPECT_EQ(t.rows[1].line, 4);
    EXPECT_EQ(t.rows[1].fields[0], "C");
}

TEST(Csv, UnterminatedQuoteReportsWhereTheFieldStarts) {
    auto e = parse_error("a;b;c\n1;2;3\n4;\"never closed;6\n7;8;9\n");
    EXPECT_TRUE(test::points_at(e, {.line = 3, .column = 2, .field = "b", .says = "unterminated quote"}));
    EXPECT_NE(std::string(e.what()).find("in.csv, line 3, column 2"), std::string::npos);
}

TEST(Csv, TextAfterClosingQuoteIsRefused) {
    EXPECT_TRUE(test::points_at(parse_error("a;b\n\"x\"y;2\n"), {.line = 2, .column = 1}));
}

TEST(Csv, RaggedRowsAreRefused) {
    EXPECT_TRUE(test::points_at(parse_error("a;b;c\n1;2;3\n4;5\n"),
                                {.line = 3, .column = 3, .field = "c", .says = "wrong number of fields"}));
    EXPECT_TRUE(test::points_at(parse_error("a;b\n1;2;3\n"), {.line = 2, .column = 3}));  // longer
}

TEST(Csv, TrailingEmptyFieldsAndBlankRowsAreTolerated) {
    auto t = csv::parse("a;b\n1;2;\n;\n\n3;4\n", "a.csv");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[1].fields[0], "3");
    EXPECT_EQ(t.rows[1].line, 5);
}

TEST(Csv, HugeFieldIsRefusedNotLoaded) {
    csv::Limits limits;
    limits.max_field_bytes = 1000;
    EXPECT_TRUE(test::points_at(parse_error("a;b\n1;" + std::string(5000, 'x') + "\n", limits),
                                {.line = 2, .column = 2, .says = "longer than 1000"}));
}

TEST(Csv, TooManyRowsAndTooLargeFileAreRefused) {
    csv::Limits limits;
    limits.max_rows = 3;
    std::string text = "a\n";
    for (int i = 0; i < 10; ++i) text += "x\n";
    auto e = parse_error(text, limits);
    EXPECT_EQ(e.line(), 5);
    limits.max_file_bytes = 10;
    EXPECT_THROW(csv::parse(text, "big.csv", limits), Error);
    test::TempDir dir;
    test::write_file(dir / "big.csv", text);
    EXPECT_THROW(csv::read_file(dir / "big.csv", limits), Error);
}

TEST(Csv, EmptyFileIsRefused) {
    auto e = parse_error("");
    EXPECT_EQ(e.line(), 1);
    EXPECT_NE(e.reason().find("empty"), std::string::npos);
    parse_error("\xEF\xBB\xBF\r\n\r\n");
}

TEST(Csv, BlankLinesBeforeTheHeaderAreSkipped) {
    auto t = csv::parse("\r\n\r\nname;region\r\nA;B\r\n", "a.csv");
    EXPECT_EQ(t.separator, ';');
    EXPECT_EQ(t.header.size(), 2u);
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0].line, 4);
}

TEST(Csv, HeaderOnlyGivesNoRows) {
    auto t = csv::parse("name;region\r\n", "a.csv");
    EXPECT_EQ(t.header.size(), 2u);
    EXPECT_TRUE(t.rows.empty());
}

TEST(Csv, NulByteIsRefused) {
    EXPECT_TRUE(
        test::points_at(parse_error(std::string("a;b\n1;x\0y\n", 10)), {.line = 2, .column = 2, .says = "NUL"}));
}

TEST(Csv, DuplicateHeadersAreRefusedEvenWithOtherCaseOrAccents) {
    EXPECT_TRUE(test::points_at(parse_error("Name;Région;region\n1;2;3\n"),
                                {.line = 1, .column = 3, .field = "region", .says = "duplicate"}));
}

TEST(Csv, ColumnsFoundByNameIgnoringCaseAccentsAndSpaces) {
    auto t = csv::parse(" PRÉNOM ;Date de début;job-title\nÉlise;1/9/2024;pair-aidante\n", "a.csv");
    ASSERT_TRUE(t.find({"prenom"}));
    EXPECT_EQ(*t.find({"prenom"}), 0u);
    EXPECT_EQ(*t.find({"start_date", "date de debut"}), 1u);
    EXPECT_EQ(*t.find({"job_title"}), 2u);
    EXPECT_FALSE(t.find({"email"}));
    try {
        t.require({"email"});
        FAIL() << "require() accepted a missing column";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.line(), 1);
        EXPECT_EQ(e.field(), "email");
        EXPECT_NE(e.reason().find("unknown required column"), std::string::npos);
    }
    EXPECT_EQ(csv::normalize_header("  Œuvre_Sociale  -  Liège "), "oeuvre sociale liege");
}

TEST(Csv, Utf8Validation) {
    EXPECT_TRUE(csv::is_valid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
    EXPECT_FALSE(csv::is_valid_utf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(csv::is_valid_utf8("\xED\xA0\x80"));      // surrogate
    EXPECT_FALSE(csv::is_valid_utf8("\xE2\x82"));          // truncated
    EXPECT_FALSE(csv::is_valid_utf8("\xF4\x90\x80\x80"));  // beyond U+10FFFF
}

TEST(Csv, WriterQuotesOnlyWhatNeedsItAndReadsBack) {
    std::ostringstream out;
    csv::Writer w(out);
    w.row({"name", "notes"});
    w.row({"A; B", "say \"hi\"\nthen go"});
    w.row({"plain", " padded "});
    const auto text = out.str();
    EXPECT_EQ(text.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_NE(text.find("name;notes\r\n"), std::string::npos);
    EXPECT_NE(text.find("\"A; B\";\"say \"\"hi\"\"\nthen go\"\r\n"), std::string::npos);
    EXPECT_NE(text.find("plain;\" padded \"\r\n"), std::string::npos);
    auto t = csv::parse(text, "out.csv");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0].fields[1], "say \"hi\"\nthen go");
    EXPECT_EQ(t.rows[1].fields[1], " padded ");
    EXPECT_EQ(csv::Writer::quote("a,b", ','), "\"a,b\"");
    EXPECT_EQ(csv::Writer::quote("a,b", ';'), "a,b");
}

TEST(Csv, FormulaCellsAreNeutralisedAndNumbersDatesPhonesAreNot) {
    // OWASP's triggers, after leading spaces too.
    for (const char* risky : {"=1+2", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
                              "\tx", "\rx", "  =HYPERLINK(\"http://x\")", "+A1", "-A1", "- first point"}) {
        EXPECT_TRUE(csv::is_formula_risk(risky)) << risky;
        EXPECT_EQ(csv::guard_formula(risky), std::string("'") + risky);
    }
    for (const char* plain : {"+32 2 123 45 67", "+32 (0)2 123 45 67", "-3", "-1 234,5", "-0.25", "2026-09-14",
                              "0475 12 34 56", "Dubois", "", "-", "+", "a=b", "x@y.be"}) {
        EXPECT_FALSE(csv::is_formula_risk(plain)) << plain;
        EXPECT_EQ(csv::guard_formula(plain), plain);
    }
}

TEST(Csv, FormulaGuardRoundTripsExactlyThroughWriterAndReader) {
    const std::vector<std::string> values = {"=1+2",      "'=1+2",  "''=1+2", "'plain", "@handle", "+32 2 123 45 67",
                                             "-3",        "-x",     "'",      "''",     "it's",    "2026-09-14",
                                             "=A1;=B2",   "a\r\n=b"};
    std::ostringstream out;
    csv::Writer w(out);
    w.row({"v"});
    for (const auto& v : values) w.row({v});
    const auto text = out.str();
    EXPECT_EQ(text.find("\r\n=1+2"), std::string::npos) << "a formula reached the file as it was";
    EXPECT_NE(text.find("\r\n'=1+2\r\n"), std::string::npos);
    EXPECT_NE(text.find("\r\n+32 2 123 45 67\r\n"), std::string::npos);
    EXPECT_NE(text.find("\r\n-3\r\n"), std::string::npos);
    const auto t = csv::parse(text, "out.csv");
    ASSERT_EQ(t.rows.size(), values.size());
    for (std::size_t i = 0; i < values.size(); ++i) EXPECT_EQ(t.rows[i].fields[0], values[i]) << i;
    // An apostrophe the user typed before a formula in a spreadsheet is taken off on import.
    EXPECT_EQ(csv::parse("v\n'=x\n'x\n", "in.csv").rows[0].fields[0], "=x");
    EXPECT_EQ(csv::parse("v\n'=x\n'x\n", "in.csv").rows[1].fields[0], "'x");
}

// Issue 16, item 12: UTF-16 (with or without byte-order mark) is named, not "NUL byte".
TEST(CsvUtf16, IsRefusedWithAReasonThatSaysUtf16) {
    for (const auto& bytes : test::utf16_variants("name;region\nAbri;Bruxelles\n")) {
        try {
            csv::parse(bytes, "export.csv");
            FAIL() << "UTF-16 accepted";
        } catch (const maillage::ParseError& e) {
            EXPECT_EQ(e.file(), "export.csv");
            EXPECT_NE(e.reason().find("UTF-16"), std::string::npos) << e.reason();
        }
    }
    // A lone NUL in a UTF-8 file is still reported as such.
    try {
        csv::parse(std::string("name\nA\0b\n", 9), "nul.csv");
        FAIL();
    } catch (const maillage::ParseError& e) {
        EXPECT_EQ(e.reason().find("UTF-16"), std::string::npos) << e.reason();
    }
}

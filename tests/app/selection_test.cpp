// Tests of selection text and in-essay search over the real content.
#include "app/selection.h"

#include "../doc/content_files.h"

#include <catch2/catch.hpp>

namespace {
const doc::Document& Essay() {
    static const doc::Document document = doc::ImportDocument(doc_test::ReadAssets()).document;
    return document;
}
app::TextPosition At(const char* block, uint32_t offset) { return {Essay().FindBlock(block), offset}; }
} // namespace

TEST_CASE("a selection within one paragraph copies exactly its bytes, in either direction", "[selection]") {
    const doc::Block& p = Essay().block(Essay().FindBlock("conclusion-p1"));
    const std::string expected = p.text.substr(7, 20);
    CHECK(app::SelectedText({At("conclusion-p1", 7), At("conclusion-p1", 27)}, Essay()) == expected);
    CHECK(app::SelectedText({At("conclusion-p1", 27), At("conclusion-p1", 7)}, Essay()) == expected);
    CHECK(app::SelectedText({At("conclusion-p1", 9), At("conclusion-p1", 9)}, Essay()).empty());
}

TEST_CASE("a selection across paragraphs joins them with a blank line", "[selection]") {
    const doc::Document& d = Essay();
    const doc::BlockId first = d.FindBlock("conclusion-p4"), last = d.FindBlock("conclusion-p5");
    const std::string& a = d.block(first).text;
    const std::string& b = d.block(last).text;
    const std::string text = app::SelectedText({{last, 7}, {first, uint32_t(a.size() - 10)}}, d);
    CHECK(text == a.substr(a.size() - 10) + "\n\n" + b.substr(0, 7));
    uint32_t begin = 0, end = 0;
    CHECK(app::RangeInBlock({{first, 3}, {last, 7}}, first, d, begin, end));
    CHECK(begin == 3);
    CHECK(end == a.size());
    CHECK_FALSE(app::RangeInBlock({{first, 3}, {last, 7}}, d.FindBlock("top-p1"), d, begin, end));
}

TEST_CASE("search finds every occurrence, ignoring case, in reading order", "[selection]") {
    const std::vector<doc::Passage> found = app::FindText(Essay(), "circular logic");
    REQUIRE(found.size() >= 2); // the heading and "This is circular logic."
    for (size_t i = 0; i < found.size(); ++i) {
        std::string text(Essay().PassageText(found[i]));
        for (char& c : text)
            c = char(std::tolower(static_cast<unsigned char>(c)));
        CHECK(text == "circular logic");
        if (i > 0)
            CHECK(!(found[i].block.index < found[i - 1].block.index));
    }
    CHECK(app::FindText(Essay(), "").empty());
    CHECK(app::FindText(Essay(), "no such words anywhere").empty());
    CHECK(app::FindText(Essay(), "e", 5).size() == 5);
}

TEST_CASE("search steps wrap around", "[selection]") {
    app::Search s;
    s.query = "solidarity";
    app::UpdateSearch(s, Essay());
    REQUIRE(s.matches.size() > 2);
    app::StepSearch(s, true);
    CHECK(s.current == s.matches.size() - 1);
    app::StepSearch(s, false);
    CHECK(s.current == 0);
}

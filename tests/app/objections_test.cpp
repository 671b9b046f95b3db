// Tests of open/shown state under the global switch, and of passage marker groups over the real content.
#include "app/objections.h"
#include "app/simulation.h"

#include "../doc/content_files.h"

#include <catch2/catch.hpp>

namespace {
const doc::Document& Essay() {
    static const doc::Document document = doc::ImportDocument(doc_test::ReadAssets()).document;
    return document;
}
} // namespace

TEST_CASE("the global switch decides what is shown", "[objections]") {
    app::Objections o;
    app::ResetObjections(o, Essay());
    CHECK_FALSE(app::AnyOpen(o));
    const doc::ObjectionId a = Essay().FindObjection("only-one-step");
    const doc::ObjectionId b = Essay().FindObjection("too-many-bonds");
    app::SetOpen(o, a, true);
    CHECK(app::AnyOpen(o));
    SECTION("markers only: just the opened ones") {
        CHECK(app::IsShown(o, a));
        CHECK_FALSE(app::IsShown(o, b));
    }
    SECTION("all open") {
        o.mode = app::ObjectionsMode::AllOpen;
        CHECK(app::IsShown(o, a));
        CHECK(app::IsShown(o, b));
    }
    SECTION("hidden hides even opened ones, and remembers them") {
        o.mode = app::ObjectionsMode::Hidden;
        CHECK_FALSE(app::IsShown(o, a));
        o.mode = app::ObjectionsMode::Markers;
        CHECK(app::IsShown(o, a));
    }
    SECTION("ids out of range are ignored") {
        app::SetOpen(o, doc::ObjectionId{9999}, true);
        CHECK_FALSE(app::IsShown(o, doc::ObjectionId{9999}));
        CHECK(app::OpenList(o) == std::vector<doc::ObjectionId>{a});
    }
    SECTION("closing the one open card leaves none open") {
        app::CloseObjection(o, a);
        CHECK_FALSE(app::AnyOpen(o));
        CHECK(app::OpenList(o).empty());
    }
}

TEST_CASE("every objection has exactly one marker, in reading order", "[objections]") {
    const std::vector<app::MarkerGroup> groups = app::GroupMarkers(Essay());
    size_t total = 0;
    for (size_t i = 0; i < groups.size(); ++i) {
        total += groups[i].objections.size();
        for (doc::ObjectionId id : groups[i].objections) {
            const doc::Passage& p = Essay().objection(id).anchor;
            CHECK(p.block == groups[i].anchor.block);
            CHECK(p.begin == groups[i].anchor.begin);
        }
        if (i > 0)
            CHECK(groups[i - 1].anchor.block.index <= groups[i].anchor.block.index);
    }
    CHECK(total == Essay().objections.size());
    // The essay's content anchors several objections on one passage, so at least one marker carries two numbers.
    CHECK(groups.size() < Essay().objections.size());
}

TEST_CASE("an objection's number says whose it is where asked: a reader's comment, a critic or the critics",
          "[objections]") {
    const doc::Document& d = Essay();
    int readers = 0, many = 0;
    for (uint32_t i = 0; i < d.objections.size(); ++i) {
        const doc::ObjectionId id{i};
        const std::string n = std::to_string(i + 1) + " of " + std::to_string(d.objections.size());
        const bool reader = d.objection(id).source == doc::ObjectionSource::ReaderComment;
        // Objection 1 is "critics: several" ("by: two critics of the author's last piece…"); objection 2 is not.
        const bool critics = d.objection(id).several_critics;
        readers += reader;
        many += critics;
        CAPTURE(i, reader, critics);
        CHECK(app::ObjectionNumber(d, id) == "Objection " + n);
        const std::string whose = app::ObjectionWhose(d, d.objection(id));
        CHECK(app::ObjectionNumber(d, id, true) == "Objection " + n + ", from " + (reader ? "a reader" : whose));
        if (!reader) {
            CHECK(whose == (critics ? "the critics" : "a critic"));
            continue;
        }
        // In the list a reader's is named by the comment its words are quoted from: the one whose blocks hold them.
        REQUIRE(whose.starts_with("comment "));
        const int c = std::stoi(whose.substr(8));
        REQUIRE(c >= 1);
        REQUIRE(size_t(c) <= d.comments.size());
        const uint32_t block = d.objection(id).quote.block.index;
        CHECK(d.comments[size_t(c - 1)].first.index <= block);
        CHECK(block < d.comments[size_t(c - 1)].end.index);
    }
    // The content has every kind, so every form is exercised.
    CHECK(readers > 0);
    CHECK(many > 0);
    CHECK(readers + many < int(d.objections.size()));
}

TEST_CASE("a marker reads the numbers of its objections, as their cards give them", "[objections]") {
    CHECK(app::MarkerLabel({{}, {doc::ObjectionId{3}}}) == "4");
    CHECK(app::MarkerLabel({{}, {doc::ObjectionId{7}, doc::ObjectionId{8}}}) == "8,9");
    CHECK(app::MarkerLabel({{}, {doc::ObjectionId{12}}}) == "13");
    for (const app::MarkerGroup& group : app::GroupMarkers(Essay())) {
        const std::string label = app::MarkerLabel(group);
        CHECK(label.find(std::to_string(group.objections.front().index + 1)) == 0);
        CHECK(std::count(label.begin(), label.end(), ',') == std::ptrdiff_t(group.objections.size() - 1));
    }
}

TEST_CASE("a passage's reference mark goes after its last word and the punctuation that closes it", "[objections]") {
    const std::string text = "He said: \u201CThey are just neighbors.\u201D Then he left (for good). ";
    const auto at = [&](std::string_view passage) {
        const auto begin = static_cast<uint32_t>(text.find(passage));
        return app::ReferenceMarkAt(text, {{}, begin, begin + static_cast<uint32_t>(passage.size())});
    };
    const auto after = [&](std::string_view prefix) { return static_cast<uint32_t>(text.find(prefix) + prefix.size()); };
    CHECK(at("They are just neighbors") == after("neighbors.\u201D"));
    CHECK(at("They are just neighbors.\u201D ") == after("neighbors.\u201D")); // trailing space given back
    CHECK(at("said") == after("said:"));
    CHECK(at("Then he left") == after("Then he left")); // a space follows: the mark stays on the word
    CHECK(at("for good") == after("good)."));
    CHECK(at("good). ") == text.size() - 1);
    CHECK(app::ReferenceMarkAt(text, {{}, 0, 9999}) == text.size() - 1); // past the end: after the last stop
    CHECK(app::ReferenceMarkAt(text, {{}, 5, 5}) == 5);                // empty: where it is
    // Over the real content, every mark lands inside its block, at or after its passage's last non-space byte.
    for (const app::MarkerGroup& group : app::GroupMarkers(Essay())) {
        const std::string& block = Essay().blocks[group.anchor.block.index].text;
        const uint32_t mark = app::ReferenceMarkAt(block, group.anchor);
        CHECK(mark <= block.size());
        CHECK(mark > group.anchor.begin);
        CHECK((mark == block.size() || block[mark] != '.'));
    }
}

TEST_CASE("a passage's marks span its opening quotation mark and its closing marks", "[objections]") {
    const std::string text = "He said: \u201CThey are just neighbors.\u201D Then \u2018she\u2019 left, \"twice\"";
    const auto span = [&](std::string_view passage) {
        const auto begin = static_cast<uint32_t>(text.find(passage));
        const doc::Passage p = app::MarkedSpan(text, {{}, begin, begin + static_cast<uint32_t>(passage.size())});
        return text.substr(p.begin, p.end - p.begin);
    };
    CHECK(span("They are just neighbors") == "\u201CThey are just neighbors.\u201D");
    CHECK(span("They are just neighbors.") == "\u201CThey are just neighbors.\u201D");
    CHECK(span("she") == "\u2018she\u2019");
    CHECK(span("twice") == "\"twice\"");
    CHECK(span("Then") == "Then");     // no quote before it, a space after it: the passage alone
    CHECK(span("He said") == "He said:"); // at the text's start, its closing colon
    // Over the real content, every span holds its passage and stays inside its block.
    for (const app::MarkerGroup& group : app::GroupMarkers(Essay())) {
        const std::string& block = Essay().blocks[group.anchor.block.index].text;
        const doc::Passage p = app::MarkedSpan(block, group.anchor);
        CHECK(p.begin <= group.anchor.begin);
        CHECK(p.begin + 4 >= group.anchor.begin); // at most one quotation mark before it
        CHECK(p.end <= block.size());
        CHECK(p.end + 1 >= group.anchor.end);    // a trailing space given back at most
    }
}

TEST_CASE("every objection's simulation test names a preset the simulation knows", "[objections]") {
    size_t with_test = 0;
    for (const doc::Objection& o : Essay().objections) {
        if (o.sim_test.empty())
            continue;
        ++with_test;
        app::SimLab lab;
        CAPTURE(o.id, o.sim_test);
        CHECK(app::ApplyPreset(lab, o.sim_test));
    }
    CHECK(with_test >= 3);
}

TEST_CASE("a card's link to a reply says how far its passage is", "[objections]") {
    const doc::Document& d = Essay();
    // Around every section heading of the essay: a block of another section is named by that section.
    size_t headings = 0;
    for (uint32_t h = 1; h + 1 < d.blocks.size(); ++h) {
        if (d.blocks[h].kind != doc::BlockKind::Heading || d.blocks[h].part != doc::Part::Essay)
            continue;
        ++headings;
        const doc::BlockId before{h - 1}, heading{h}, after{h + 1};
        const auto named = [&](doc::BlockId b) {
            const std::string& title = d.section(d.block(b).section).title;
            return title.empty() ? std::string("in the opening") : "in “" + title + "”";
        };
        CHECK(app::WayToPassage(d, before, after) == named(after) + "\u00A0↓");
        CHECK(app::WayToPassage(d, after, before) == named(before) + "\u00A0↑");
        CHECK(app::WayToPassage(d, heading, after) == "the next paragraph\u00A0↓");
    }
    CHECK(headings >= 2);
    SECTION("within a section, the count of blocks between, either way") {
        const doc::ObjectionId id = d.FindObjection("only-one-step");
        REQUIRE(id.valid());
        const doc::BlockId from = d.objection(id).anchor.block;
        const auto [count, words] = GENERATE(table<uint32_t, const char*>({
            {1, "the next paragraph\u00A0↓"}, {2, "2 paragraphs down in this section\u00A0↓"},
            {5, "5 paragraphs down in this section\u00A0↓"}}));
        const doc::BlockId to{from.index + count};
        REQUIRE(d.block(to).section == d.block(from).section);
        CHECK(app::WayToPassage(d, from, to) == words);
        CHECK(app::WayToPassage(d, to, from) ==
              std::string(count == 1 ? "the paragraph before\u00A0↑"
                                     : std::to_string(count) + " paragraphs up in this section\u00A0↑"));
        // Brief, the count alone; the words that are short already stay.
        CHECK(app::WayToPassage(d, from, to, true) ==
              std::string(count == 1 ? "the next paragraph\u00A0↓" : std::to_string(count) + " paragraphs down\u00A0↓"));
    }
    CHECK(app::WayToPassage(d, doc::BlockId{3}, doc::BlockId{3}) == "in this paragraph");
}

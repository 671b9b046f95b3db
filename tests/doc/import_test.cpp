// Tests the import of the real content: structure, ids, typography, and every word of the seed verbatim and in order.
#include <catch2/catch.hpp>

#include <filesystem>

#include "content_files.h"
#include "doc/html_export.h"
#include "doc/markdown_import.h"

namespace {

struct Seed {
    bool present = false;
    std::vector<std::string> essay;    // title line, then paragraphs and heading lines, in order
    std::vector<std::string> comments; // one paragraph per line
};

// The seed lives beside the clone (../shared/seed), not in it; tests that need it skip with a warning without it.
Seed ReadSeed() {
    Seed seed;
    const std::filesystem::path dir = doc_test::SourceDir() + "/../shared/seed";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return seed;
    std::vector<std::filesystem::path> txt;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() == ".txt") txt.push_back(entry.path());
    }
    if (txt.empty()) return seed;
    std::sort(txt.begin(), txt.end());
    const std::string text = doc_test::ReadFile(txt.front());
    bool in_essay = true;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        if (line.empty()) {
            in_essay = false;
        } else {
            (in_essay ? seed.essay : seed.comments).push_back(line);
        }
        start = end + 1;
    }
    seed.present = true;
    return seed;
}

std::vector<std::string> BlockTexts(const doc::Document& d, doc::Part part, bool with_part_heading) {
    std::vector<std::string> texts;
    for (const doc::Block& b : d.blocks) {
        if (b.part != part) continue;
        if (!with_part_heading && part == doc::Part::Comments && b.kind == doc::BlockKind::Heading) continue;
        if (b.kind == doc::BlockKind::Figure) continue; // an interactive figure's name, not prose
        texts.push_back(b.text);
    }
    return texts;
}

} // namespace

TEST_CASE("the content in assets/ imports without errors") {
    const doc::ImportResult result = doc::ImportDocument(doc_test::ReadAssets());
    for (const doc::ImportError& e : result.errors) UNSCOPED_INFO(doc::FormatError(e));
    REQUIRE(result.ok());
    const doc::Document& d = result.document;

    SECTION("title and sections") {
        CHECK(d.title == "Solidarity vs. Sorting");
        REQUIRE(d.sections.size() == 4);
        CHECK(d.sections[0].id == "top");
        CHECK(d.sections[0].title.empty());
        CHECK(d.sections[1].id == "circular-logic");
        CHECK(d.sections[1].title == "Circular Logic");
        CHECK(d.sections[2].id == "conclusion");
        CHECK(d.sections[3].id == "readers-comments");
        CHECK(d.sections[3].title == "Readers’ comments");
        for (const doc::Section& s : d.sections) {
            CHECK(s.first.index <= s.end.index);
            for (uint32_t i = s.first.index; i < s.end.index; ++i) CHECK(d.blocks[i].section.index == &s - &d.sections[0]);
        }
        CHECK(d.sections.back().end.index == d.blocks.size());
    }

    SECTION("the critics' paragraph is a block quote, and only it") {
        const doc::BlockId quote = d.FindBlock("circular-logic-p1");
        REQUIRE(quote.valid());
        CHECK(d.block(quote).kind == doc::BlockKind::Quote);
        CHECK(d.block(quote).text.rfind("This was only one step, you see!", 0) == 0);
        int quotes = 0;
        for (const doc::Block& b : d.blocks) quotes += b.kind == doc::BlockKind::Quote;
        CHECK(quotes == 1);
    }

    SECTION("ids are readable and follow the structure") {
        CHECK(d.FindBlock("title").valid());
        CHECK(d.FindBlock("top-p1").valid());
        CHECK(d.FindBlock("circular-logic-heading").valid());
        CHECK(d.FindBlock("conclusion-p5").valid());
        CHECK(d.block(d.FindBlock("conclusion-p5")).text == "Sorting produces mobilization. Solidarity produces integration.");
        REQUIRE(d.comments.size() == 2);
        CHECK(d.comments[0].id == "comment-1");
        CHECK(d.comments[1].id == "comment-2");
        CHECK(d.comments[0].end.index - d.comments[0].first.index == 8);
        CHECK(d.comments[1].end.index - d.comments[1].first.index == 1);
        CHECK(d.FindBlock("comment-2-p1").valid());
    }

    SECTION("spans cover every block's text exactly") {
        for (const doc::Block& b : d.blocks) {
            CAPTURE(b.id);
            uint32_t at = 0;
            for (const doc::Span& s : b.spans) {
                CHECK(s.begin == at);
                CHECK(s.end > s.begin);
                at = s.end;
            }
            CHECK(at == b.text.size());
        }
    }

    SECTION("typography stays as written") {
        const std::string& p = d.block(d.FindBlock("top-p2")).text;
        CHECK(p.find("We have “done something meaningful!”") != std::string::npos);
        CHECK(p.find("I’ve ever seen") != std::string::npos);
        CHECK(d.block(d.FindBlock("top-p4")).text.find("won't like it") != std::string::npos);
    }
}

TEST_CASE("ids are stable across imports") {
    const auto files = doc_test::ReadAssets();
    const doc::Document a = doc::ImportDocument(files).document;
    const doc::Document b = doc::ImportDocument(files).document;
    REQUIRE(a.blocks.size() == b.blocks.size());
    for (size_t i = 0; i < a.blocks.size(); ++i) CHECK(a.blocks[i].id == b.blocks[i].id);
    REQUIRE(a.objections.size() == b.objections.size());
    for (size_t i = 0; i < a.objections.size(); ++i) CHECK(a.objections[i].id == b.objections[i].id);
}

TEST_CASE("every word of the seed is in the document, verbatim and in order") {
    const Seed seed = ReadSeed();
    if (!seed.present) {
        WARN("seed directory " << doc_test::SourceDir() << "/../shared/seed not found: verbatim check skipped");
        return;
    }
    const doc::Document d = doc::ImportDocument(doc_test::ReadAssets()).document;
    CHECK(BlockTexts(d, doc::Part::Essay, false) == seed.essay);
    CHECK(BlockTexts(d, doc::Part::Comments, false) == seed.comments);
}

TEST_CASE("FormatError is compiler style") {
    CHECK(doc::FormatError({{"assets/content/essay.md", 12, 5}, "boom"}) == "assets/content/essay.md:12:5: error: boom");
    CHECK(doc::FormatError({{"x.md", 0, 0}, "boom"}) == "x.md: error: boom");
    CHECK(doc::FormatError({{}, "boom"}) == "error: boom");
}

TEST_CASE("a figure fence places an interactive figure in the flow, not prose") {
    const doc::ImportResult result = doc::ImportDocument(doc_test::ReadAssets());
    REQUIRE(result.ok());
    const doc::Document& d = result.document;
    const doc::BlockId figure = d.FindBlock("simulation");
    REQUIRE(figure.valid());
    CHECK(d.block(figure).kind == doc::BlockKind::Figure);
    CHECK(d.block(figure).part == doc::Part::Essay);
    // The simulation sits after the passage about the organizers disappearing, as the essay's argument asks.
    const doc::Block& before = d.blocks[figure.index - 1];
    CHECK(before.text.rfind("If those “neighbors” disappeared tomorrow", 0) == 0);
    const std::string html = doc::ExportHtml(d);
    CHECK(html.find("<figure id=\"simulation\"") != std::string::npos);
}

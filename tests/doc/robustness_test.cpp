// Tests that damaged content never crashes or hangs the importer or the export, and that the Document it returns
// keeps its invariants (valid passages, unique ids) whatever errors were reported.
#include <catch2/catch.hpp>

#include <random>
#include <set>

#include "content_files.h"
#include "doc/html_export.h"
#include "doc/markdown_import.h"

namespace {

void CheckInvariants(const doc::Document& d) {
    std::set<std::string> ids;
    for (const doc::Section& s : d.sections) CHECK(ids.insert(s.id).second);
    for (const doc::Block& b : d.blocks) {
        CHECK(ids.insert(b.id).second);
        uint32_t at = 0;
        for (const doc::Span& s : b.spans) {
            CHECK(s.begin == at);
            at = s.end;
        }
        CHECK(at == b.text.size());
    }
    for (const doc::Comment& c : d.comments) CHECK(ids.insert(c.id).second);
    auto valid = [&](const doc::Passage& p) {
        return p.block.index < d.blocks.size() && p.begin <= p.end && p.end <= d.blocks[p.block.index].text.size();
    };
    for (const doc::Objection& o : d.objections) {
        CHECK(ids.insert(o.id).second);
        CHECK(valid(o.quote));
        CHECK(valid(o.anchor));
        for (const doc::Reply& r : o.replies) CHECK(valid(r.passage));
    }
}

// Characters that mean something to Markdown or to the header syntax, so mutations reach the interesting paths.
constexpr char Alphabet[] = "#>-*_`[]()<>!\"\\:\n \t\r&;1.xé\xE2\x80\x9C";

} // namespace

TEST_CASE("damaged content is reported, never crashes, and leaves a consistent Document") {
    const std::vector<doc::ContentFile> original = doc_test::ReadAssets();
    const uint32_t seed = GENERATE(take(60, random(0u, 1000000u)));
    CAPTURE(seed);
    std::mt19937 rng(seed);
    std::vector<doc::ContentFile> files = original;
    for (int edit = 0; edit < 12; ++edit) {
        doc::ContentFile& f = files[rng() % files.size()];
        if (f.text.empty()) continue;
        const size_t at = rng() % f.text.size();
        switch (rng() % 4) {
        case 0: f.text.erase(at, 1 + rng() % 40); break;
        case 1: f.text.insert(at, 1, Alphabet[rng() % (sizeof(Alphabet) - 1)]); break;
        case 2: f.text[at] = static_cast<char>(rng() % 256); break;
        case 3: f.text.insert(at, f.text.substr(rng() % f.text.size(), rng() % 80)); break;
        }
    }
    const doc::ImportResult result = doc::ImportDocument(files);
    CheckInvariants(result.document);
    for (const doc::ImportError& e : result.errors) CHECK(!doc::FormatError(e).empty());
    CHECK(doc::ExportHtml(result.document).rfind("<main", 0) == 0);
}

TEST_CASE("degenerate inputs") {
    using Files = std::vector<doc::ContentFile>;
    const Files cases[] = {
        {},
        {{"essay.md", ""}},
        {{"essay.md", "\xEF\xBB\xBF# T\n"}, {"comments.md", ""}, {"objections.md", ""}},
        {{"essay.md", "# T\n\n## \n\n## !!!\n"}},
        {{"essay.md", "# T\n\n1. a\n   - b\n     - c\n\n   more\n2. d\n"}},
        {{"essay.md", "# T\n\nx\n"}, {"objections.md", "## a\nquote: \"\nreply: \"x\\\"\n## a\n## B\n"}},
        {{"essay.md", "# T\n\nx\n"}, {"comments.md", "## c\n\n# late title\n\n## c\n\nauthor: me\n"}},
        {{"notes.txt", "?"}, {"essay.md", "x"}, {"dir/essay.md", "y"}},
    };
    for (const Files& files : cases) {
        const doc::ImportResult result = doc::ImportDocument(files);
        CheckInvariants(result.document);
        CHECK(!doc::ExportHtml(result.document).empty());
    }
}

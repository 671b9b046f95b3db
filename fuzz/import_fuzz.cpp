// Fuzz entry for the content importer: bytes -> up to three content files -> ImportDocument, then the Document
// invariants document.h promises; knows no file system and nothing of what valid content says.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "doc/document.h"
#include "doc/html_export.h"
#include "doc/markdown_import.h"
#include "fuzz/targets.h"

namespace essay_fuzz {
namespace {

// The record separator splits the input into essay.md, comments.md and objections.md (the rest, separators
// included). It is a byte real content never holds, so NUL and every other byte still reach the importer.
constexpr char FileSeparator = '\x1e';

std::vector<doc::ContentFile> SplitFiles(std::string_view input) {
    static const char* const names[] = {"fuzz/essay.md", "fuzz/comments.md", "fuzz/objections.md"};
    std::vector<doc::ContentFile> files;
    for (const char* name : names) {
        const bool last = files.size() == 2;
        const size_t cut = last ? std::string_view::npos : input.find(FileSeparator);
        files.push_back({name, std::string(input.substr(0, cut))});
        if (cut == std::string_view::npos) break;
        input.remove_prefix(cut + 1);
    }
    return files;
}

bool PassageValid(const doc::Document& d, const doc::Passage& p) {
    return p.block.index < d.blocks.size() && p.begin <= p.end && p.end <= d.blocks[p.block.index].text.size();
}

void CheckDocument(const doc::Document& d) {
    std::set<std::string> ids;
    auto unique_id = [&](const std::string& id) { FuzzCheck(ids.insert(id).second, "string ids are unique"); };
    for (const doc::Section& s : d.sections) {
        unique_id(s.id);
        FuzzCheck(s.first.index <= s.end.index && s.end.index <= d.blocks.size(), "a section's blocks exist");
        FuzzCheck(s.heading.index == UINT32_MAX || s.heading.index < d.blocks.size(), "a section's heading exists");
    }
    for (const doc::Block& b : d.blocks) {
        unique_id(b.id);
        FuzzCheck(b.section.index < d.sections.size(), "a block's section exists");
        uint32_t at = 0;
        for (const doc::Span& span : b.spans) {
            FuzzCheck(span.begin == at && span.begin <= span.end, "spans are sorted, disjoint and contiguous");
            at = span.end;
        }
        FuzzCheck(b.spans.empty() || at == b.text.size(), "spans cover the block's text exactly");
        // A figure's text is its name, not prose, so only prose blocks must style every byte.
        const bool prose = b.kind == doc::BlockKind::Heading || b.kind == doc::BlockKind::Paragraph ||
                           b.kind == doc::BlockKind::Quote || b.kind == doc::BlockKind::ListItem;
        FuzzCheck(!prose || b.text.empty() || !b.spans.empty(), "a prose block's text has spans");
    }
    for (const doc::Objection& o : d.objections) {
        unique_id(o.id);
        FuzzCheck(PassageValid(d, o.quote) && PassageValid(d, o.anchor), "an objection's passages are valid");
        for (const doc::Reply& r : o.replies) FuzzCheck(PassageValid(d, r.passage), "a reply's passage is valid");
    }
    for (const doc::Comment& c : d.comments) {
        unique_id(c.id);
        FuzzCheck(c.first.index <= c.end.index && c.end.index <= d.blocks.size(), "a comment's blocks exist");
    }
}

}  // namespace

int FuzzImport(const uint8_t* data, size_t size) {
    const std::vector<doc::ContentFile> files =
        SplitFiles(std::string_view(reinterpret_cast<const char*>(data), size));
    const doc::ImportResult result = doc::ImportDocument(files);
    CheckDocument(result.document);
    for (const doc::ImportError& e : result.errors) {
        FuzzCheck(!e.message.empty(), "every error says what is wrong");
        FuzzCheck(!doc::FormatError(e).empty(), "every error formats");
    }
    // Determinism is promised ("the same files give the same ids"); the HTML export shows every id and passage.
    const std::string html = doc::ExportHtml(result.document);
    FuzzCheck(html == doc::ExportHtml(doc::ImportDocument(files).document), "importing is deterministic");
    return 0;
}

}  // namespace essay_fuzz

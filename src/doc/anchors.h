// Resolves objections' quotes, anchors and replies to passages of an imported Document and validates them; knows
// no Markdown (the importer hands it plain drafts) and no rendering.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "doc/document.h"
#include "doc/markdown_import.h"

namespace doc {

struct LocatedText {
    std::string text;
    SourceLoc loc; // where the writer typed it, for error messages
};

// An objection as written, before its passages are found. Owns its strings.
struct ObjectionDraft {
    Objection objection; // id, title, status, lead, sim_test and loc set; source and passages not yet
    LocatedText source;  // "essay" or a comment id
    LocatedText quote;
    bool has_anchor = false; // without one, an objection quoted in the essay is anchored at its quote
    LocatedText anchor;
    std::vector<LocatedText> replies;
    LocatedText see; // another objection's id, or empty
    SourceLoc critics_at; // where a 'critics:' line was given (line 0: none); an error on a comment's objection
};

// Appends every draft whose quote and anchor resolve to exactly one passage to document.objections, ordered by
// anchor position in the essay (stable for equal anchors); replies that do not resolve are left out. Every
// problem is appended to out_errors. The document's blocks and comments must be complete.
void ResolveObjections(const std::vector<ObjectionDraft>& drafts, Document& document,
                       std::vector<ImportError>& out_errors);

// True when [begin, end) of text is one or more whole sentences: it starts the text or follows a sentence end
// (. ! ? with optional closing quotes or parentheses, then a space), and ends in such a sentence end.
bool IsWholeSentences(std::string_view text, size_t begin, size_t end);

} // namespace doc

// The essay as immutable data: sections, blocks, styled spans, objections, replies and comments. Knows no Markdown,
// no ImGui and no browser; the importer (markdown_import.cpp) is the only producer of a Document.
//
// Ownership: a Document owns all its strings and vectors by value. It is built once by ImportDocument() and never
// mutated afterwards; typed ids (SectionId, BlockId, ...) index its vectors and stay valid for its whole lifetime.
// Invariant, even when the import reported errors: every id and Passage stored in a Document is valid (objections,
// replies or passages that failed to resolve are left out, never stored half-resolved), and every string id
// (sections, blocks, objections, comments) is unique across all four kinds, so it can serve as a URL fragment.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace doc {

// Typed indices ("handles are the better pointers"): cheap to copy, safe to store, never dangling.
struct SectionId {
    uint32_t index = UINT32_MAX;
    bool valid() const { return index != UINT32_MAX; }
    friend bool operator==(SectionId, SectionId) = default;
};
struct BlockId {
    uint32_t index = UINT32_MAX;
    bool valid() const { return index != UINT32_MAX; }
    friend bool operator==(BlockId, BlockId) = default;
};
struct ObjectionId {
    uint32_t index = UINT32_MAX;
    bool valid() const { return index != UINT32_MAX; }
    friend bool operator==(ObjectionId, ObjectionId) = default;
};
struct CommentId {
    uint32_t index = UINT32_MAX;
    bool valid() const { return index != UINT32_MAX; }
    friend bool operator==(CommentId, CommentId) = default;
};

// Where something came from in the content files; line and column are 1-based, column counts bytes.
struct SourceLoc {
    std::string file;
    uint32_t line = 0;
    uint32_t column = 0;
    friend bool operator==(const SourceLoc&, const SourceLoc&) = default;
};

enum SpanStyle : uint8_t {
    SpanStyle_None = 0,
    SpanStyle_Emphasis = 1 << 0,
    SpanStyle_Strong = 1 << 1,
    SpanStyle_Code = 1 << 2,
    SpanStyle_Link = 1 << 3,
};

// A run of a block's text with one style. Spans of a block are sorted, do not overlap and cover its text exactly.
struct Span {
    uint32_t begin = 0; // byte offsets into Block::text
    uint32_t end = 0;
    uint8_t style = SpanStyle_None;
    std::string href; // only for SpanStyle_Link
    friend bool operator==(const Span&, const Span&) = default;
};

// A Figure is an interactive element placed in the reading flow (```figure fences in essay.md): its text is the
// figure's name, e.g. "simulation", which is also its id. It is not essay prose: quotes and anchors never match it.
enum class BlockKind : uint8_t { Heading, Paragraph, Quote, ListItem, Figure };
enum class Part : uint8_t { Essay, Comments };

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    Part part = Part::Essay;
    uint8_t heading_level = 0; // 1 for the title, 2 for section headings; 0 for other kinds
    uint8_t list_depth = 0;    // ListItem: 1 for a top-level item
    int32_t list_number = 0;   // ListItem: 0 for a bullet, else the item's ordinal
    SectionId section;
    CommentId comment;         // valid for blocks in Part::Comments
    std::string id;            // stable and human-readable, e.g. "circular-logic-p3"; unique in the Document
    std::string text;          // UTF-8 plain text as written (curly quotes stay curly); no Markdown syntax
    std::vector<Span> spans;
    SourceLoc loc;
    friend bool operator==(const Block&, const Block&) = default;
};

// The essay's simulation: the figure named "simulation" (the reading line counts it, the view sizes and draws it,
// the contents list it).
inline bool IsSimulation(const Block& b) { return b.kind == BlockKind::Figure && b.text == "simulation"; }

struct Section {
    std::string id;    // slug of the title, e.g. "circular-logic"; the essay's opening section is "top"
    std::string title; // as written; empty for the untitled opening
    BlockId heading;   // invalid for a section without its own heading
    BlockId first;     // blocks [first, end) belong to the section, heading included
    BlockId end;
    friend bool operator==(const Section&, const Section&) = default;
};

// A byte range inside one block's text.
struct Passage {
    BlockId block;
    uint32_t begin = 0;
    uint32_t end = 0;
    friend bool operator==(const Passage&, const Passage&) = default;
};

enum class ObjectionSource : uint8_t { QuotedInEssay, ReaderComment };
enum class ObjectionStatus : uint8_t { Answered, PartlyAnswered, Open };

// The editors' verdict as every view names it: its word ("partly addressed") on the card's chip, in the key and in the
// HTML essay, and what the word means, read after it ("the essay speaks to part of it."). One place, so the canvas
// and the HTML essay never explain the scale two ways.
const char* VerdictWord(ObjectionStatus status);
const char* VerdictMeaning(ObjectionStatus status);
// The scale in the order every view lists it, most addressed first.
inline constexpr ObjectionStatus VerdictOrder[] = {ObjectionStatus::Answered, ObjectionStatus::PartlyAnswered,
                                                   ObjectionStatus::Open};

// One reply: an essay sentence quoted verbatim. Its text is the passage's bytes; nothing is stored twice.
struct Reply {
    Passage passage;
    SourceLoc loc;
    friend bool operator==(const Reply&, const Reply&) = default;
};

struct Objection {
    std::string id;     // e.g. "only-one-step"
    std::string title;  // our short summary, shown as ours
    ObjectionSource source = ObjectionSource::QuotedInEssay;
    Passage quote;      // the objection's verbatim words, in the essay or in a comment
    Passage anchor;     // the essay passage it challenges; where its marker sits
    ObjectionStatus status = ObjectionStatus::Answered;
    std::string lead;   // optional connecting text of ours, shown as ours; never the author's words
    std::string by;     // optional: who raised it, in our words, read after "Raised by " ("one of the two naysayers
                        // of the author's last piece, unnamed, as the author quotes him"); empty: the card says
                        // only that the essay does not name its critic
    bool several_critics = false; // "critics: several": the essay quotes more than one critic ("from the critics")
    std::vector<Reply> replies;
    std::string sim_test; // optional simulation preset id that tests this objection; empty when none
    ObjectionId see;      // optional other objection that the editors' note sends the reader on to; invalid when none
    SourceLoc loc;
    friend bool operator==(const Objection&, const Objection&) = default;
};

struct Comment {
    std::string id;     // e.g. "comment-1"
    std::string author; // as given in the content; may be empty
    BlockId first;      // blocks [first, end)
    BlockId end;
    friend bool operator==(const Comment&, const Comment&) = default;
};

struct Document {
    std::string title;
    std::vector<Section> sections;     // in reading order; the essay's sections, then "readers-comments"
    std::vector<Block> blocks;         // in reading order: the essay, then the comments
    std::vector<Objection> objections; // in the order of their anchors in the essay
    std::vector<Comment> comments;

    const Block& block(BlockId id) const { return blocks[id.index]; }
    const Section& section(SectionId id) const { return sections[id.index]; }
    const Objection& objection(ObjectionId id) const { return objections[id.index]; }
    std::string_view PassageText(const Passage& p) const {
        return std::string_view(blocks[p.block.index].text).substr(p.begin, p.end - p.begin);
    }
    const Comment& comment(CommentId id) const { return comments[id.index]; }

    // Lookups by string id (e.g. from a URL fragment); an invalid id when there is no such element. Linear: the
    // Document holds a few hundred elements and these run on navigation, not per frame.
    SectionId FindSection(std::string_view id) const;
    BlockId FindBlock(std::string_view id) const;
    ObjectionId FindObjection(std::string_view id) const;
    CommentId FindComment(std::string_view id) const;

    friend bool operator==(const Document&, const Document&) = default;
};

// "1 objection", "14 objections": a number and its noun, for the reading line and the views' counts.
std::string Counted(size_t n, const char* one, const char* many);

// How long the essay is, for the reading line under its title: its words in the essay's own blocks (not the readers'
// comments, not a figure's name). A word is a run of characters between spaces that holds an ASCII letter or digit,
// so a dash or a quotation mark standing alone is not one.
int EssayWords(const Document& d);

// The reading facts under the title, above the edition line: "A 7-minute read · 14 objections · 1 simulation",
// from the Document (EssayWords at 230 words a minute, to the nearest minute, at least one; the objections
// and figures it holds, the simulation by its name). The canvas and the HTML essay show the same words.
std::string ReadingLine(const Document& d);

// What a section holds, set after its title in the contents: "3 objections" (anchored in it); empty when it holds
// none, as the readers' comments do. Their "2 comments" there, beside ten objections each "from comment 1" in the
// list, made five of stop 73's six fresh readers ask where the second comment's objections were.
std::string SectionDetail(const Document& d, const Section& section);

// The section that holds the simulation figure, or an invalid id for none.
SectionId FigureSection(const Document& d);

} // namespace doc

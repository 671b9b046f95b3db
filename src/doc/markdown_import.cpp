// Turns the Markdown content files into a Document: the only file that includes cmark-gfm. Knows the authoring
// format (docs/authoring.md) but not how passages are matched (anchors.cpp) nor how anything is rendered.
//
// [SECTION] cmark RAII and the one walk over a file's AST (copies out blocks and spans, then frees the tree)
// [SECTION] ids: slugs and the registry that keeps every id unique
// [SECTION] essay.md: title, sections, paragraphs, block quotes, lists
// [SECTION] comments.md: "# Part title", then one "## comment-id" per comment
// [SECTION] objections*.md: one "## objection-id" per objection, then "key: value" lines
// [SECTION] ImportDocument, FormatError
#include "doc/markdown_import.h"

#include <cmark-gfm.h>

#include <map>
#include <memory>
#include <optional>
#include <string_view>

#include "doc/anchors.h"
#include "doc/header_block.h"

namespace doc {
namespace {

// ---------------------------------------------------------------------------------------------------------------
// [SECTION] cmark RAII and the one walk
// ---------------------------------------------------------------------------------------------------------------

struct NodeFree {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterFree {
    void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeFree>;
using IterPtr = std::unique_ptr<cmark_iter, IterFree>;

// One block as Markdown gave it, with no role yet (the same walk serves essay, comments and objections).
struct MdBlock {
    Block block;           // kind, heading_level, list_depth, list_number, text, spans, loc
    uint32_t end_line = 0; // last source line, so header blocks can be re-read from the raw text
    bool code = false;     // a code block: never content, reported by the role that meets it
};

uint32_t ToU32(size_t n) { return static_cast<uint32_t>(n); }

std::string_view Literal(cmark_node* node) {
    const char* literal = cmark_node_get_literal(node);
    return literal ? std::string_view(literal) : std::string_view();
}

std::string_view Trimmed(std::string_view s) {
    const size_t first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

bool IsHtmlComment(std::string_view html) {
    const size_t first = html.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && html.substr(first, 4) == "<!--";
}

// Walks a parsed tree once, like cmark's html.c: a switch on the node type with an entering flag. Container state
// (block quotes, lists, emphasis, links) lives in counters and stacks; leaf blocks become MdBlocks.
class BlockWalker {
public:
    explicit BlockWalker(const std::string& file) : file_(file) {}

    std::vector<MdBlock> Walk(cmark_node* root) {
        IterPtr iter(cmark_iter_new(root));
        cmark_event_type event;
        while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
            Visit(cmark_iter_get_node(iter.get()), event == CMARK_EVENT_ENTER);
        }
        return std::move(blocks_);
    }

private:
    struct ListLevel {
        bool ordered = false;
        int32_t next_number = 1;
        int32_t item_number = 0;
        size_t item_block = SIZE_MAX; // the block of the current item's first paragraph
    };

    void Visit(cmark_node* node, bool entering) {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_BLOCK_QUOTE:
            quote_depth_ += entering ? 1 : -1;
            break;
        case CMARK_NODE_LIST:
            if (entering) {
                ListLevel level;
                level.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
                level.next_number = cmark_node_get_list_start(node);
                lists_.push_back(level);
            } else if (!lists_.empty()) {
                lists_.pop_back();
            }
            break;
        case CMARK_NODE_ITEM:
            if (entering && !lists_.empty()) {
                ListLevel& level = lists_.back();
                level.item_number = level.ordered ? level.next_number++ : 0;
                level.item_block = SIZE_MAX;
            }
            break;
        case CMARK_NODE_HEADING:
            if (entering) {
                Begin(node, BlockKind::Heading);
                current_.block.heading_level = static_cast<uint8_t>(cmark_node_get_heading_level(node));
            } else {
                End();
            }
            break;
        case CMARK_NODE_PARAGRAPH:
            if (entering) {
                Begin(node, ContainerKind());
            } else {
                EndParagraph();
            }
            break;
        case CMARK_NODE_HTML_BLOCK:
            // Writers' notes (<!-- -->) are not content. Any other raw HTML is kept as the literal text it is, so it
            // is shown (escaped), never interpreted.
            if (!IsHtmlComment(Literal(node))) {
                Begin(node, ContainerKind());
                std::string_view html = Literal(node);
                while (!html.empty() && (html.back() == '\n' || html.back() == '\r')) html.remove_suffix(1);
                Append(html, SpanStyle_None);
                EndParagraph();
            }
            break;
        case CMARK_NODE_CODE_BLOCK: {
            MdBlock code;
            code.block.loc = Loc(node);
            code.end_line = ToU32(static_cast<size_t>(cmark_node_get_end_line(node)));
            const char* info = cmark_node_get_fence_info(node);
            if (info != nullptr && Trimmed(info) == "figure") {
                // ```figure / simulation / ``` places an interactive figure; its one line is its name.
                code.block.kind = BlockKind::Figure;
                code.block.text = std::string(Trimmed(Literal(node)));
                code.block.spans.push_back({0, ToU32(code.block.text.size()), SpanStyle_None, {}});
            } else {
                code.code = true;
            }
            blocks_.push_back(std::move(code));
            break;
        }
        case CMARK_NODE_TEXT:
            Append(Literal(node), SpanStyle_None);
            break;
        case CMARK_NODE_CODE:
            Append(Literal(node), SpanStyle_Code);
            break;
        case CMARK_NODE_HTML_INLINE:
            if (!IsHtmlComment(Literal(node))) Append(Literal(node), SpanStyle_None);
            break;
        case CMARK_NODE_SOFTBREAK:
            Append(" ", SpanStyle_None); // a line wrapped in the source is one line in the text
            break;
        case CMARK_NODE_LINEBREAK:
            Append("\n", SpanStyle_None);
            break;
        case CMARK_NODE_EMPH:
            emphasis_ += entering ? 1 : -1;
            break;
        case CMARK_NODE_STRONG:
            strong_ += entering ? 1 : -1;
            break;
        case CMARK_NODE_LINK:
            if (entering) {
                const char* url = cmark_node_get_url(node);
                links_.push_back(url ? url : "");
            } else if (!links_.empty()) {
                links_.pop_back();
            }
            break;
        default:
            // Images contribute their alt text through their children; thematic breaks and the document node
            // carry no text.
            break;
        }
    }

    BlockKind ContainerKind() const {
        if (!lists_.empty()) return BlockKind::ListItem;
        return quote_depth_ > 0 ? BlockKind::Quote : BlockKind::Paragraph;
    }

    SourceLoc Loc(cmark_node* node) const {
        return SourceLoc{file_, ToU32(static_cast<size_t>(cmark_node_get_start_line(node))),
                         ToU32(static_cast<size_t>(cmark_node_get_start_column(node)))};
    }

    void Begin(cmark_node* node, BlockKind kind) {
        current_ = MdBlock{};
        current_.block.kind = kind;
        current_.block.loc = Loc(node);
        current_.end_line = ToU32(static_cast<size_t>(cmark_node_get_end_line(node)));
        in_block_ = true;
    }

    void Append(std::string_view text, uint8_t extra_style) {
        if (!in_block_ || text.empty()) return;
        uint8_t style = extra_style;
        if (emphasis_ > 0) style |= SpanStyle_Emphasis;
        if (strong_ > 0) style |= SpanStyle_Strong;
        if (!links_.empty()) style |= SpanStyle_Link;
        const std::string& href = links_.empty() ? no_href_ : links_.back();
        Block& b = current_.block;
        const uint32_t begin = ToU32(b.text.size());
        b.text.append(text);
        if (!b.spans.empty() && b.spans.back().style == style && b.spans.back().href == href) {
            b.spans.back().end = ToU32(b.text.size());
        } else {
            b.spans.push_back(Span{begin, ToU32(b.text.size()), style, href});
        }
    }

    void End() {
        if (!in_block_) return;
        in_block_ = false;
        blocks_.push_back(std::move(current_));
    }

    // A list item's later paragraphs join its first one (after a line break), so an item stays one block with one
    // number; anything else is a block of its own.
    void EndParagraph() {
        if (!in_block_) return;
        if (lists_.empty()) return End();
        ListLevel& level = lists_.back();
        if (level.item_block != SIZE_MAX && level.item_block + 1 == blocks_.size()) {
            in_block_ = false;
            Block& item = blocks_.back().block;
            const uint32_t shift = ToU32(item.text.size() + 1);
            item.text += '\n';
            item.spans.push_back(Span{shift - 1, shift, SpanStyle_None, {}});
            for (Span span : current_.block.spans) {
                span.begin += shift;
                span.end += shift;
                item.spans.push_back(std::move(span));
            }
            item.text += current_.block.text;
            blocks_.back().end_line = current_.end_line;
            return;
        }
        current_.block.list_depth = static_cast<uint8_t>(lists_.size() > 255 ? 255 : lists_.size());
        current_.block.list_number = level.item_block == SIZE_MAX ? level.item_number : 0;
        level.item_block = blocks_.size();
        End();
    }

    const std::string& file_;
    std::vector<MdBlock> blocks_;
    MdBlock current_;
    bool in_block_ = false;
    int quote_depth_ = 0;
    int emphasis_ = 0;
    int strong_ = 0;
    std::vector<ListLevel> lists_;
    std::vector<std::string> links_;
    const std::string no_href_;
};

// Typography stays as written: no CMARK_OPT_SMART, so straight and curly quotes pass through byte for byte.
// VALIDATE_UTF8 turns invalid bytes into U+FFFD, so everything downstream sees valid UTF-8.
std::vector<MdBlock> ParseBlocks(const std::string& file, std::string_view text) {
    NodePtr root(cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8));
    if (!root) return {};
    return BlockWalker(file).Walk(root.get());
}

// The raw lines of a file (without line breaks), for header blocks whose columns must be exact.
std::vector<std::string_view> SplitLines(std::string_view text) {
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

// ---------------------------------------------------------------------------------------------------------------
// [SECTION] ids
// ---------------------------------------------------------------------------------------------------------------

bool IsAsciiAlnum(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// "Readers’ comments" -> "readers-comments": ASCII letters and digits kept (lowercased), apostrophes dropped so a
// possessive does not split a word, every other run of characters becomes one hyphen.
std::string Slug(std::string_view title) {
    std::string slug;
    bool pending_hyphen = false;
    for (size_t i = 0; i < title.size(); ++i) {
        const auto c = static_cast<unsigned char>(title[i]);
        if (IsAsciiAlnum(c)) {
            if (pending_hyphen && !slug.empty()) slug += '-';
            pending_hyphen = false;
            slug += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else if (c == '\'') {
            continue;
        } else if (title.substr(i, 3) == "\xE2\x80\x99") { // ’
            i += 2;
        } else {
            pending_hyphen = true;
        }
    }
    return slug;
}

// Written ids (objections, comments, sim presets) must already be slugs, so they read the same in a URL.
bool IsSlug(std::string_view id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    for (size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && id[i - 1] != '-');
        if (!ok) return false;
    }
    return true;
}

std::string LocText(const SourceLoc& loc) {
    return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
}

// Every id in the Document shares one namespace (they all become URL fragments and HTML ids).
class IdRegistry {
public:
    // Claims a written id. On a clash reports it and returns false: the caller drops the element.
    bool ClaimWritten(const std::string& id, const SourceLoc& loc, const char* what, std::vector<ImportError>& errors) {
        auto [it, inserted] = owners_.emplace(id, Owner{loc, what});
        if (inserted) return true;
        errors.push_back({loc, "duplicate id '" + id + "': the " + it->second.what + " at " +
                                   LocText(it->second.loc) + " already has it; ids must be unique"});
        return false;
    }

    // Claims an id derived from a title. On a clash reports it and returns a numbered variant, so the Document
    // keeps every section even while the writer fixes the titles.
    std::string ClaimDerived(const std::string& id, const SourceLoc& loc, const char* what,
                             std::vector<ImportError>& errors) {
        if (ClaimWritten(id, loc, what, errors)) return id;
        for (int n = 2;; ++n) {
            std::string variant = id + "-" + std::to_string(n);
            if (owners_.emplace(variant, Owner{loc, what}).second) return variant;
        }
    }

private:
    struct Owner {
        SourceLoc loc;
        std::string what;
    };
    std::map<std::string, Owner> owners_;
};

struct Importer {
    Document doc;
    std::vector<ImportError> errors;
    IdRegistry ids;

    void Error(const SourceLoc& loc, std::string message) { errors.push_back({loc, std::move(message)}); }

    BlockId AddBlock(Block block) {
        doc.blocks.push_back(std::move(block));
        return BlockId{ToU32(doc.blocks.size() - 1)};
    }

    SectionId OpenSection(std::string id, std::string title) {
        Section section;
        section.id = std::move(id);
        section.title = std::move(title);
        section.first = BlockId{ToU32(doc.blocks.size())};
        section.end = section.first;
        doc.sections.push_back(std::move(section));
        return SectionId{ToU32(doc.sections.size() - 1)};
    }

    void CloseSection(SectionId id) { doc.sections[id.index].end = BlockId{ToU32(doc.blocks.size())}; }

    void ImportEssay(const ContentFile& file, const std::vector<MdBlock>& md);
    void ImportComments(const ContentFile& file, const std::vector<MdBlock>& md);
    // The comments file's parts, in the order a comment meets them (ImportComments walks the blocks once).
    struct CommentsWalk {
        SectionId section;
        CommentId comment;
        bool skipping = false;      // inside a comment dropped for a bad or duplicate id
        bool expect_header = false; // right after a "## comment-id" line
        uint32_t paragraphs = 0;
        uint32_t subheadings = 0;
        SourceLoc comment_loc;
    };
    bool ImportCommentsTitle(Block& block, CommentsWalk& walk);
    void CloseComment(CommentsWalk& walk);
    void StartComment(const Block& block, CommentsWalk& walk);
    void ReadCommentHeader(const ContentFile& file, const std::vector<std::string_view>& lines, const MdBlock& m,
                           Comment& c);
    void ImportObjections(const ContentFile& file, const std::vector<MdBlock>& md, std::vector<ObjectionDraft>& out);
};

const char* CodeBlockMessage() {
    return "a code block is not content: a line indented by four spaces or a ``` fence starts one; remove the "
           "indentation or the fence";
}

// ---------------------------------------------------------------------------------------------------------------
// [SECTION] essay.md
// ---------------------------------------------------------------------------------------------------------------

void Importer::ImportEssay(const ContentFile& file, const std::vector<MdBlock>& md) {
    SectionId section = OpenSection("top", "");
    ids.ClaimWritten("top", SourceLoc{file.name, 1, 1}, "opening section", errors);
    ids.ClaimWritten("title", SourceLoc{file.name, 1, 1}, "title", errors);
    bool title_seen = false;
    uint32_t paragraphs = 0;
    uint32_t subheadings = 0;

    for (const MdBlock& m : md) {
        if (m.code) {
            Error(m.block.loc, CodeBlockMessage());
            continue;
        }
        Block block = m.block;
        block.part = Part::Essay;
        if (block.kind == BlockKind::Heading && block.heading_level == 1 && !title_seen) {
            title_seen = true;
            doc.title = block.text;
            block.id = "title";
            block.section = section;
            AddBlock(std::move(block));
            continue;
        }
        if (!title_seen) {
            Error(block.loc, "the essay must begin with its title, a line '# Title'");
            title_seen = true; // say it once
        }
        if (block.kind == BlockKind::Figure) {
            if (!IsSlug(block.text)) {
                Error(block.loc, "a figure's name is one line of lowercase letters, digits and '-', e.g. 'simulation'");
                continue;
            }
            block.id = block.text;
            if (!ids.ClaimWritten(block.id, block.loc, "figure", errors)) continue;
            block.section = section;
            AddBlock(std::move(block));
            continue;
        }
        if (block.kind == BlockKind::Heading && block.heading_level <= 2) {
            if (block.heading_level == 1) {
                Error(block.loc, "a second '# ' title; the essay has one title, and its sections start with "
                                 "'## Section title'");
                block.heading_level = 2;
            }
            std::string slug = Slug(block.text);
            if (slug.empty()) {
                Error(block.loc, "this section heading gives no id (it needs at least one letter or digit)");
                slug = "section";
            }
            CloseSection(section);
            const std::string id = ids.ClaimDerived(slug, block.loc, "section", errors);
            section = OpenSection(id, block.text);
            block.id = ids.ClaimDerived(id + "-heading", block.loc, "section heading", errors);
            block.section = section;
            doc.sections[section.index].heading = AddBlock(std::move(block));
            paragraphs = 0;
            subheadings = 0;
            continue;
        }
        const std::string& section_id = doc.sections[section.index].id;
        const std::string id = block.kind == BlockKind::Heading
                                   ? section_id + "-h" + std::to_string(++subheadings)
                                   : section_id + "-p" + std::to_string(++paragraphs);
        block.id = ids.ClaimDerived(id, block.loc, "paragraph", errors);
        block.section = section;
        AddBlock(std::move(block));
    }
    CloseSection(section);
}

// ---------------------------------------------------------------------------------------------------------------
// [SECTION] comments.md
// ---------------------------------------------------------------------------------------------------------------

bool StartsWithKey(std::string_view text, std::string_view key) {
    return text.size() > key.size() && text.substr(0, key.size()) == key && text[key.size()] == ':';
}

// The part's "# title" line makes its section; returns true when `block` was that title (or stood in for a missing
// one and was still consumed as an error).
bool Importer::ImportCommentsTitle(Block& block, CommentsWalk& walk) {
    if (block.kind == BlockKind::Heading && block.heading_level == 1 && !walk.section.valid()) {
        std::string slug = Slug(block.text);
        if (slug.empty()) {
            Error(block.loc, "this title gives no id (it needs at least one letter or digit)");
            slug = "comments";
        }
        const std::string id = ids.ClaimDerived(slug, block.loc, "section", errors);
        walk.section = OpenSection(id, block.text);
        block.id = ids.ClaimDerived(id + "-heading", block.loc, "section heading", errors);
        block.section = walk.section;
        block.heading_level = 2; // the part is a section of the page, beside the essay's sections
        doc.sections[walk.section.index].heading = AddBlock(std::move(block));
        return true;
    }
    if (!walk.section.valid()) {
        Error(block.loc, "the comments file must begin with the title of its part, e.g. '# Readers’ comments'");
        walk.section = OpenSection(ids.ClaimDerived("comments", block.loc, "section", errors), "");
    }
    return false;
}

void Importer::CloseComment(CommentsWalk& walk) {
    if (!walk.comment.valid()) return;
    Comment& c = doc.comments[walk.comment.index];
    c.end = BlockId{ToU32(doc.blocks.size())};
    if (c.first.index == c.end.index) Error(walk.comment_loc, "comment '" + c.id + "' has no text");
    walk.comment = CommentId{};
}

// A "## comment-id" line (or a stray "# " title): closes the comment before it and opens the next, unless its id is
// bad or taken, in which case the comment's text is skipped.
void Importer::StartComment(const Block& block, CommentsWalk& walk) {
    CloseComment(walk);
    walk.skipping = true;
    walk.expect_header = false;
    if (block.heading_level == 1) {
        Error(block.loc, "a second '# ' title; each comment starts with a line '## comment-id'");
        return;
    }
    if (!IsSlug(block.text)) {
        Error(block.loc, "a comment heading is the comment's id: lowercase letters, digits and single "
                         "hyphens, e.g. '## comment-3' (got '" + block.text + "')");
        return;
    }
    if (!ids.ClaimWritten(block.text, block.loc, "comment", errors)) return;
    Comment c;
    c.id = block.text;
    c.first = BlockId{ToU32(doc.blocks.size())};
    c.end = c.first;
    doc.comments.push_back(std::move(c));
    walk.comment = CommentId{ToU32(doc.comments.size() - 1)};
    walk.comment_loc = block.loc;
    walk.skipping = false;
    walk.expect_header = true;
    walk.paragraphs = 0;
    walk.subheadings = 0;
}

// The "author: …" lines right after a comment's heading; cmark joined them into one paragraph, so they are read
// from the file's own lines, each with its location.
void Importer::ReadCommentHeader(const ContentFile& file, const std::vector<std::string_view>& lines, const MdBlock& m,
                                 Comment& c) {
    for (uint32_t line = m.block.loc.line; line <= m.end_line && line <= lines.size(); ++line) {
        HeaderField field;
        if (!ParseHeaderLine(lines[line - 1], file.name, line, field, errors)) continue;
        if (field.key != "author") {
            Error(field.key_loc, "unknown key '" + field.key + "' in a comment's header; the only one is "
                                 "'author'");
        } else {
            c.author = field.value;
        }
    }
}

void Importer::ImportComments(const ContentFile& file, const std::vector<MdBlock>& md) {
    const std::vector<std::string_view> lines = SplitLines(file.text);
    CommentsWalk walk;
    for (const MdBlock& m : md) {
        if (m.code) {
            Error(m.block.loc, CodeBlockMessage());
            continue;
        }
        Block block = m.block;
        block.part = Part::Comments;
        if (ImportCommentsTitle(block, walk)) continue;
        if (block.kind == BlockKind::Heading && block.heading_level <= 2) {
            StartComment(block, walk);
            continue;
        }
        if (walk.skipping) continue;
        if (!walk.comment.valid()) {
            Error(block.loc, "text before the first comment; each comment starts with a line '## comment-id'");
            walk.skipping = true;
            continue;
        }
        Comment& c = doc.comments[walk.comment.index];
        if (walk.expect_header && block.kind == BlockKind::Paragraph && StartsWithKey(block.text, "author")) {
            walk.expect_header = false;
            ReadCommentHeader(file, lines, m, c);
            continue;
        }
        walk.expect_header = false;
        const std::string id = block.kind == BlockKind::Heading
                                   ? c.id + "-h" + std::to_string(++walk.subheadings)
                                   : c.id + "-p" + std::to_string(++walk.paragraphs);
        block.id = ids.ClaimDerived(id, block.loc, "paragraph", errors);
        block.section = walk.section;
        block.comment = walk.comment;
        AddBlock(std::move(block));
    }
    CloseComment(walk);
    if (walk.section.valid()) CloseSection(walk.section);
}

// ---------------------------------------------------------------------------------------------------------------
// [SECTION] objections*.md
// ---------------------------------------------------------------------------------------------------------------

const char* KindName(const MdBlock& m) {
    if (m.code) return "code block";
    switch (m.block.kind) {
    case BlockKind::Figure: return "figure (figures belong in essay.md)";
    case BlockKind::Heading: return "heading";
    case BlockKind::Quote: return "block quote ('> ')";
    case BlockKind::ListItem: return "list item";
    case BlockKind::Paragraph: break;
    }
    return "paragraph";
}

// Collects one objection's fields; single-valued keys may appear once, "reply" any number of times.
struct DraftBuilder {
    ObjectionDraft draft;
    std::map<std::string, SourceLoc> seen;
    bool has_status = false;
    bool malformed_line = false; // then a "missing key" may just be that line: say nothing more
    bool ok = true; // false once the heading was bad: the fields are still checked, the objection is dropped

    void Apply(const HeaderField& f, std::vector<ImportError>& errors) {
        if (f.key == "reply") {
            seen.emplace("reply", f.key_loc);
            if (f.value.empty()) {
                errors.push_back({f.value_loc, "empty reply: write an essay sentence, verbatim, after 'reply:'"});
                return;
            }
            draft.replies.push_back({f.value, f.value_loc});
            return;
        }
        static const char* const kSingle[] = {"title", "status", "source", "quote", "anchor", "lead", "sim", "see",
                                              "by", "critics"};
        bool known = false;
        for (const char* key : kSingle) known = known || f.key == key;
        if (!known) {
            errors.push_back({f.key_loc, "unknown key '" + f.key + "'; an objection's keys are title, status, "
                                         "source, quote, anchor, reply, lead, sim, see, by and critics"});
            return;
        }
        auto [it, inserted] = seen.emplace(f.key, f.key_loc);
        if (!inserted) {
            errors.push_back({f.key_loc, "'" + f.key + "' is given twice in this objection (first at line " +
                                             std::to_string(it->second.line) + "); only 'reply' may repeat"});
            return;
        }
        if (f.value.empty()) {
            errors.push_back({f.value_loc, "empty value for '" + f.key + "'"});
            return;
        }
        Objection& o = draft.objection;
        if (f.key == "title") {
            o.title = f.value;
        } else if (f.key == "status") {
            has_status = true;
            if (f.value == "answered") o.status = ObjectionStatus::Answered;
            else if (f.value == "partly") o.status = ObjectionStatus::PartlyAnswered;
            else if (f.value == "open") o.status = ObjectionStatus::Open;
            else {
                has_status = false;
                errors.push_back({f.value_loc, "unknown status '" + f.value + "'; write answered, partly or open"});
            }
        } else if (f.key == "source") {
            draft.source = {f.value, f.value_loc};
        } else if (f.key == "quote") {
            draft.quote = {f.value, f.value_loc};
        } else if (f.key == "anchor") {
            draft.has_anchor = true;
            draft.anchor = {f.value, f.value_loc};
        } else if (f.key == "lead") {
            o.lead = f.value;
        } else if (f.key == "by") {
            o.by = f.value;
        } else if (f.key == "critics") {
            draft.critics_at = f.key_loc;
            if (f.value == "several") o.several_critics = true;
            else if (f.value != "one")
                errors.push_back({f.value_loc, "unknown value '" + f.value + "' for 'critics'; write one or several"});
        } else if (f.key == "see") {
            draft.see = {f.value, f.value_loc};
        } else if (f.key == "sim") {
            if (!IsSlug(f.value)) {
                errors.push_back({f.value_loc, "a simulation preset id is lowercase letters, digits and single "
                                               "hyphens, e.g. 'remove-organizers'"});
            } else {
                o.sim_test = f.value;
            }
        }
    }

    // Reports what is missing; true when the draft may go on to have its passages resolved. A key that was given
    // with a bad value was reported by Apply() already.
    bool Finish(std::vector<ImportError>& errors) {
        const Objection& o = draft.objection;
        auto require = [&](bool present, const char* key, const char* hint) {
            if (present) return;
            ok = false;
            if (!seen.count(key) && !malformed_line) {
                errors.push_back({o.loc, "objection '" + o.id + "' has no '" + key + ":' line (" + hint + ")"});
            }
        };
        require(!o.title.empty(), "title", "a short summary in our words");
        require(has_status, "status", "answered, partly or open");
        require(!draft.source.text.empty(), "source", "'essay' or a comment id such as comment-1");
        require(!draft.quote.text.empty(), "quote", "the objection's words, verbatim from its source");
        if (has_status && o.status != ObjectionStatus::Open && !seen.count("reply") && !malformed_line) {
            errors.push_back({o.loc, "objection '" + o.id + "' is marked answered or partly but has no 'reply:' "
                                     "line; quote the essay's answer, or mark it 'status: open'"});
            ok = false;
        }
        return ok;
    }
};

void Importer::ImportObjections(const ContentFile& file, const std::vector<MdBlock>& md,
                                std::vector<ObjectionDraft>& out) {
    const std::vector<std::string_view> lines = SplitLines(file.text);
    std::optional<DraftBuilder> builder;
    auto finish = [&] {
        if (builder && builder->Finish(errors)) out.push_back(std::move(builder->draft));
        builder.reset();
    };

    for (const MdBlock& m : md) {
        const Block& block = m.block;
        if (!m.code && block.kind == BlockKind::Heading && block.heading_level == 1) continue; // the file's title
        if (!m.code && block.kind == BlockKind::Heading && block.heading_level == 2) {
            finish();
            builder.emplace();
            builder->draft.objection.id = block.text;
            builder->draft.objection.loc = block.loc;
            if (!IsSlug(block.text)) {
                Error(block.loc, "an objection heading is the objection's id: lowercase letters, digits and single "
                                 "hyphens, e.g. '## only-one-step' (got '" + block.text + "')");
                builder->ok = false;
            } else if (!ids.ClaimWritten(block.text, block.loc, "objection", errors)) {
                builder->ok = false;
            }
            continue;
        }
        if (!builder) continue; // notes to fellow writers before the first objection
        if (m.code || block.kind != BlockKind::Paragraph) {
            Error(block.loc, std::string("an objection holds only 'key: value' lines; this ") + KindName(m) +
                                 " is not one");
            continue;
        }
        for (uint32_t line = block.loc.line; line <= m.end_line && line <= lines.size(); ++line) {
            HeaderField field;
            if (ParseHeaderLine(lines[line - 1], file.name, line, field, errors)) {
                builder->Apply(field, errors);
            } else {
                builder->malformed_line = true;
                builder->ok = false;
            }
        }
    }
    finish();
}

// ---------------------------------------------------------------------------------------------------------------
// [SECTION] ImportDocument, FormatError
// ---------------------------------------------------------------------------------------------------------------

std::string_view BaseName(std::string_view name) {
    const size_t slash = name.find_last_of("/\\");
    return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A UTF-8 byte order mark is invisible in editors; dropping it keeps line 1's columns what the writer sees.
std::string WithoutBom(const std::string& text) {
    return text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? text.substr(3) : text;
}

} // namespace

ImportResult ImportDocument(const std::vector<ContentFile>& files) {
    Importer importer;
    std::vector<ContentFile> cleaned;
    const ContentFile* essay = nullptr;
    const ContentFile* comments = nullptr;
    std::vector<const ContentFile*> objection_files;
    cleaned.reserve(files.size());
    for (const ContentFile& f : files) cleaned.push_back({f.name, WithoutBom(f.text)});

    for (const ContentFile& f : cleaned) {
        const std::string_view base = BaseName(f.name);
        const SourceLoc whole_file{f.name, 0, 0};
        if (base == "essay.md") {
            if (essay) importer.Error(whole_file, "a second essay file; the first is " + essay->name);
            else essay = &f;
        } else if (base == "comments.md") {
            if (comments) importer.Error(whole_file, "a second comments file; the first is " + comments->name);
            else comments = &f;
        } else if (base.substr(0, 10) == "objections" && EndsWith(base, ".md")) {
            objection_files.push_back(&f);
        } else {
            importer.Error(whole_file, "unknown content file: its name says nothing of its role; the content files "
                                       "are essay.md, comments.md and objections*.md");
        }
    }

    if (essay) {
        importer.ImportEssay(*essay, ParseBlocks(essay->name, essay->text));
    } else {
        importer.Error(SourceLoc{}, "no essay.md among the content files");
    }
    if (comments) importer.ImportComments(*comments, ParseBlocks(comments->name, comments->text));

    std::vector<ObjectionDraft> drafts;
    for (const ContentFile* f : objection_files) importer.ImportObjections(*f, ParseBlocks(f->name, f->text), drafts);
    ResolveObjections(drafts, importer.doc, importer.errors);

    return ImportResult{std::move(importer.doc), std::move(importer.errors)};
}

std::string FormatError(const ImportError& e) {
    std::string out;
    if (!e.loc.file.empty()) {
        out = e.loc.file;
        if (e.loc.line > 0) out += ":" + std::to_string(e.loc.line) + ":" + std::to_string(e.loc.column);
        out += ": ";
    }
    return out + "error: " + e.message;
}

} // namespace doc

// Finds objections' quotes, anchors and replies verbatim in the Document and reports what does not resolve; knows
// no Markdown and no rendering.
#include "doc/anchors.h"

#include <algorithm>
#include <functional>

namespace doc {
namespace {

using BlockFilter = std::function<bool(const Block&)>;

bool IsClosing(std::string_view text, size_t end, size_t& out_length) {
    if (end >= 1 && (text[end - 1] == '"' || text[end - 1] == '\'' || text[end - 1] == ')')) {
        out_length = 1;
        return true;
    }
    if (end >= 3) {
        const std::string_view tail = text.substr(end - 3, 3);
        if (tail == "\xE2\x80\x9D" || tail == "\xE2\x80\x99") { // ” ’
            out_length = 3;
            return true;
        }
    }
    return false;
}

// True when text[0, end) ends a sentence: . ! or ? followed by any closing quotes or parentheses.
bool EndsSentence(std::string_view text, size_t end) {
    size_t length = 0;
    while (end > 0 && IsClosing(text, end, length)) end -= length;
    return end > 0 && (text[end - 1] == '.' || text[end - 1] == '!' || text[end - 1] == '?');
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// Straight and curly quotes alike, so a near miss can be explained to the writer.
std::string FoldQuotes(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const std::string_view three = text.substr(i, 3);
        if (three == "\xE2\x80\x9C" || three == "\xE2\x80\x9D") {
            out += '"';
            i += 2;
        } else if (three == "\xE2\x80\x98" || three == "\xE2\x80\x99") {
            out += '\'';
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string LocText(const SourceLoc& loc) {
    return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
}

// At most ~60 bytes of a passage for a message, cut at a UTF-8 character boundary.
std::string Excerpt(std::string_view text) {
    constexpr size_t Max = 60;
    if (text.size() <= Max) return "“" + std::string(text) + "”";
    size_t cut = Max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return "“" + std::string(text.substr(0, cut)) + "…”";
}

std::vector<Passage> FindAll(const Document& doc, std::string_view needle, const BlockFilter& filter) {
    std::vector<Passage> hits;
    if (needle.empty()) return hits;
    for (size_t b = 0; b < doc.blocks.size(); ++b) {
        const Block& block = doc.blocks[b];
        if (!filter(block)) continue;
        for (size_t pos = block.text.find(needle); pos != std::string::npos; pos = block.text.find(needle, pos + 1)) {
            hits.push_back(Passage{BlockId{static_cast<uint32_t>(b)}, static_cast<uint32_t>(pos),
                                   static_cast<uint32_t>(pos + needle.size())});
        }
    }
    return hits;
}

// Finds `wanted` exactly once among the filtered blocks; otherwise says how often and where, and returns false.
// what: "quote", "anchor" or "reply"; where: "in the essay", "in comment-1", ...
bool ResolveOnce(const Document& doc, const LocatedText& wanted, const BlockFilter& filter, const char* what,
                 const std::string& where, Passage& out_passage, std::vector<ImportError>& out_errors) {
    const std::vector<Passage> hits = FindAll(doc, wanted.text, filter);
    if (hits.size() == 1) {
        out_passage = hits.front();
        return true;
    }
    if (hits.empty()) {
        std::string message = std::string(what) + " not found verbatim " + where + ": " + Excerpt(wanted.text);
        const std::string folded = FoldQuotes(wanted.text);
        bool near = false;
        for (const Block& block : doc.blocks) {
            near = near || (filter(block) && FoldQuotes(block.text).find(folded) != std::string::npos);
        }
        if (near) {
            message += " (it differs only in straight versus curly quotes or apostrophes; copy the words exactly, "
                       "with the same “ ” ’ or \" ')";
        } else {
            message += " (copy it exactly, character for character, from one paragraph)";
        }
        out_errors.push_back({wanted.loc, message});
        return false;
    }
    // Grouped by block, since a phrase often repeats inside one paragraph.
    std::string message = std::string(what) + " matches " + std::to_string(hits.size()) + " passages " + where +
                          ", so it is ambiguous:";
    constexpr size_t MaxListed = 5;
    size_t listed = 0;
    for (size_t i = 0; i < hits.size();) {
        size_t same = i;
        while (same < hits.size() && hits[same].block.index == hits[i].block.index) ++same;
        const Block& block = doc.block(hits[i].block);
        if (listed++ == MaxListed) {
            message += ", …";
            break;
        }
        message += std::string(listed == 1 ? " " : ", ") + (same - i > 1 ? std::to_string(same - i) + " in " : "") +
                   block.id + " (" + LocText(block.loc) + ")";
        i = same;
    }
    message += "; quote more words so that it matches exactly one";
    out_errors.push_back({wanted.loc, message});
    return false;
}

bool IsEssayText(const Block& b) {
    return b.part == Part::Essay && b.kind != BlockKind::Heading && b.kind != BlockKind::Figure;
}

// The author's own words: paragraphs and list items, not the critics' lines the essay quotes as a block quote.
bool IsAuthorText(const Block& b) {
    return b.part == Part::Essay && (b.kind == BlockKind::Paragraph || b.kind == BlockKind::ListItem);
}

std::string CommentIdList(const Document& doc) {
    std::string list;
    for (const Comment& c : doc.comments) list += (list.empty() ? "" : ", ") + c.id;
    return list.empty() ? "none are defined" : list;
}

} // namespace

bool IsWholeSentences(std::string_view text, size_t begin, size_t end) {
    if (begin >= end || end > text.size()) return false;
    const bool starts = begin == 0 || (IsSpace(text[begin - 1]) && EndsSentence(text, begin - 1));
    const bool ends = (end == text.size() || IsSpace(text[end])) && EndsSentence(text, end);
    return starts && ends;
}

void ResolveObjections(const std::vector<ObjectionDraft>& drafts, Document& document,
                       std::vector<ImportError>& out_errors) {
    const BlockFilter essay_text = IsEssayText;
    const BlockFilter author_text = IsAuthorText;
    // Each resolved objection with its draft's 'see:', which names an id that only the sorted list gives an index.
    struct Resolved {
        Objection objection;
        const LocatedText* see;
    };
    std::vector<Resolved> resolved;

    for (const ObjectionDraft& draft : drafts) {
        Objection o = draft.objection;
        BlockFilter source_filter;
        std::string source_where;
        if (draft.source.text == "essay") {
            o.source = ObjectionSource::QuotedInEssay;
            source_filter = essay_text;
            source_where = "in the essay";
        } else {
            const CommentId comment = document.FindComment(draft.source.text);
            if (!comment.valid()) {
                out_errors.push_back({draft.source.loc, "unknown id '" + draft.source.text +
                                                            "' as source: write 'essay' or a comment id (" +
                                                            CommentIdList(document) + ")"});
                continue;
            }
            o.source = ObjectionSource::ReaderComment;
            if (draft.critics_at.line != 0) {
                out_errors.push_back({draft.critics_at, "'critics' counts the critics of an objection the essay "
                                                        "quotes; objection '" + o.id + "' comes from a comment, whose "
                                                        "reader is one"});
                continue;
            }
            source_filter = [comment](const Block& b) {
                return b.part == Part::Comments && b.comment.index == comment.index;
            };
            source_where = "in " + draft.source.text;
        }

        bool ok = ResolveOnce(document, draft.quote, source_filter, "quote", source_where, o.quote, out_errors);
        if (draft.has_anchor) {
            ok = ResolveOnce(document, draft.anchor, essay_text, "anchor", "in the essay", o.anchor, out_errors) && ok;
        } else if (o.source == ObjectionSource::QuotedInEssay) {
            o.anchor = o.quote;
        } else {
            out_errors.push_back({o.loc, "objection '" + o.id + "' quotes a comment, so it needs an 'anchor:' line: "
                                         "the essay passage it challenges"});
            ok = false;
        }

        for (const LocatedText& reply : draft.replies) {
            Reply r;
            r.loc = reply.loc;
            if (!ResolveOnce(document, reply, author_text, "reply", "in the essay's own paragraphs", r.passage,
                             out_errors)) {
                continue;
            }
            const Block& block = document.block(r.passage.block);
            if (!IsWholeSentences(block.text, r.passage.begin, r.passage.end)) {
                out_errors.push_back({reply.loc, "a reply is one or more whole sentences of the essay, from its "
                                                 "first word to its final . ! or ?; this one starts or ends "
                                                 "mid-sentence in " + block.id});
                continue;
            }
            o.replies.push_back(std::move(r));
        }
        if (ok) resolved.push_back({std::move(o), &draft.see});
    }

    std::stable_sort(resolved.begin(), resolved.end(), [](const Resolved& a, const Resolved& b) {
        const Passage& pa = a.objection.anchor;
        const Passage& pb = b.objection.anchor;
        if (pa.block.index != pb.block.index) return pa.block.index < pb.block.index;
        return pa.begin < pb.begin;
    });
    const size_t first = document.objections.size();
    for (Resolved& r : resolved) document.objections.push_back(std::move(r.objection));
    // Now every objection has its id: the editors' "see" points at one of them, never at itself. An id whose own
    // objection failed to resolve was reported there already.
    for (size_t k = 0; k < resolved.size(); ++k) {
        const LocatedText& target = *resolved[k].see;
        if (target.text.empty()) continue;
        Objection& o = document.objections[first + k];
        const ObjectionId id = document.FindObjection(target.text);
        if (target.text == o.id) {
            out_errors.push_back({target.loc, "objection '" + o.id + "' names itself after 'see:'; name another "
                                              "objection's id"});
        } else if (id.valid()) {
            o.see = id;
        } else if (std::none_of(drafts.begin(), drafts.end(),
                                [&](const ObjectionDraft& d) { return d.objection.id == target.text; })) {
            out_errors.push_back({target.loc, "unknown objection '" + target.text + "' after 'see:'; write the id "
                                              "of another objection's '## id' heading"});
        }
    }
}

} // namespace doc

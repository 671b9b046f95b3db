// Writes a Document as an HTML fragment with every content character escaped; knows no Markdown and no page shell.
#include "doc/html_export.h"

#include <string_view>

namespace doc {
namespace {

void AppendEscaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
}

std::string Escaped(std::string_view text) {
    std::string out;
    AppendEscaped(out, text);
    return out;
}

// Only links that cannot run script: fragments, web and mail addresses, and relative paths.
bool IsSafeHref(std::string_view href) {
    if (href.empty()) return false;
    if (href.front() == '#' || href.front() == '/' || href.front() == '.') return true;
    for (std::string_view scheme : {"https://", "http://", "mailto:"}) {
        if (href.substr(0, scheme.size()) == scheme) return true;
    }
    const size_t colon = href.find(':');
    return colon == std::string_view::npos || href.find_first_of("/?#") < colon;
}

// One block's text with its spans as inline elements; a line break in the text is a <br>.
void AppendInline(std::string& out, const Block& block) {
    auto text = [&](uint32_t begin, uint32_t end) {
        const std::string_view part = std::string_view(block.text).substr(begin, end - begin);
        size_t start = 0;
        for (size_t nl = part.find('\n'); nl != std::string_view::npos; nl = part.find('\n', start)) {
            AppendEscaped(out, part.substr(start, nl - start));
            out += "<br>\n";
            start = nl + 1;
        }
        AppendEscaped(out, part.substr(start));
    };
    if (block.spans.empty()) return text(0, static_cast<uint32_t>(block.text.size()));
    for (const Span& span : block.spans) {
        const bool link = (span.style & SpanStyle_Link) && IsSafeHref(span.href);
        if (link) out += "<a href=\"" + Escaped(span.href) + "\">";
        if (span.style & SpanStyle_Strong) out += "<strong>";
        if (span.style & SpanStyle_Emphasis) out += "<em>";
        if (span.style & SpanStyle_Code) out += "<code>";
        text(span.begin, span.end);
        if (span.style & SpanStyle_Code) out += "</code>";
        if (span.style & SpanStyle_Emphasis) out += "</em>";
        if (span.style & SpanStyle_Strong) out += "</strong>";
        if (link) out += "</a>";
    }
}

const char* StatusKey(ObjectionStatus status) {
    switch (status) {
    case ObjectionStatus::Answered: return "answered";
    case ObjectionStatus::PartlyAnswered: return "partly";
    case ObjectionStatus::Open: return "open";
    }
    return "";
}

class Writer {
public:
    explicit Writer(const Document& d) : d_(d) {}

    std::string Run() {
        out_ += "<main class=\"essay\">\n<article class=\"essay-text\"";
        if (d_.FindBlock("title").valid()) out_ += " aria-labelledby=\"title\"";
        out_ += ">\n";
        for (const Section& s : d_.sections) {
            if (d_.blocks.size() > s.first.index && d_.blocks[s.first.index].part == Part::Essay) WriteSection(s);
        }
        out_ += "</article>\n";
        WriteObjections();
        for (const Section& s : d_.sections) {
            if (d_.blocks.size() > s.first.index && d_.blocks[s.first.index].part == Part::Comments) WriteSection(s);
        }
        out_ += "</main>\n";
        return std::move(out_);
    }

private:
    void WriteSection(const Section& s) {
        out_ += "<section id=\"" + Escaped(s.id) + "\"";
        if (s.heading.valid()) out_ += " aria-labelledby=\"" + Escaped(d_.block(s.heading).id) + "\"";
        out_ += ">\n";
        CommentId open_comment;
        for (uint32_t i = s.first.index; i < s.end.index; ++i) {
            const Block& b = d_.blocks[i];
            if (b.comment.index != open_comment.index) {
                CloseLists();
                if (open_comment.valid()) out_ += "</article>\n";
                open_comment = b.comment;
                if (open_comment.valid()) WriteCommentStart(d_.comment(open_comment));
            }
            WriteBlock(BlockId{i});
        }
        CloseLists();
        if (open_comment.valid()) out_ += "</article>\n";
        out_ += "</section>\n";
    }

    void WriteCommentStart(const Comment& c) {
        out_ += "<article class=\"comment\" id=\"" + Escaped(c.id) + "\"";
        if (!c.author.empty()) out_ += " aria-label=\"" + Escaped(c.author) + "\"";
        out_ += ">\n";
        if (!c.author.empty()) out_ += "<p class=\"comment-author\">" + Escaped(c.author) + "</p>\n";
    }

    void WriteBlock(BlockId id) {
        const Block& b = d_.block(id);
        const std::string attr = " id=\"" + Escaped(b.id) + "\"";
        if (b.kind != BlockKind::ListItem) CloseLists();
        switch (b.kind) {
        case BlockKind::Heading: {
            const std::string tag = "h" + std::to_string(b.heading_level < 1 ? 1 : b.heading_level > 6 ? 6 : b.heading_level);
            out_ += "<" + tag + attr + ">";
            AppendInline(out_, b);
            out_ += "</" + tag + ">\n";
            break;
        }
        case BlockKind::Paragraph:
            out_ += "<p" + attr + ">";
            AppendInline(out_, b);
            out_ += "</p>\n";
            break;
        case BlockKind::Quote:
            out_ += "<blockquote" + attr + "><p>";
            AppendInline(out_, b);
            out_ += "</p></blockquote>\n";
            break;
        case BlockKind::ListItem:
            OpenListItem(b);
            out_ += "<li" + attr + ">";
            AppendInline(out_, b);
            break;
        case BlockKind::Figure:
            // The figure itself is drawn by the app; the page says what is there, never leaves a silent gap.
            out_ += "<figure" + attr + " class=\"interactive-figure\"><figcaption>An interactive figure (" +
                    Escaped(b.text) + ") is here in the interactive version of this page.</figcaption></figure>\n";
            break;
        }
        if (b.part == Part::Essay) WriteObjectionMarkers(id);
        if (b.kind == BlockKind::Heading && b.heading_level <= 1 && b.part == Part::Essay)
            out_ += "<p class=\"reading ours\">" + Escaped(ReadingLine(d_)) + "</p>\n<p class=\"edition ours\">" +
                    Escaped(EditionLine) + "</p>\n";
    }

    // Lists nest inside the item before them, as HTML requires; an item's </li> waits for its sublists.
    void OpenListItem(const Block& b) {
        const size_t depth = b.list_depth < 1 ? 1 : b.list_depth;
        while (lists_.size() > depth) CloseList();
        if (lists_.size() == depth) out_ += "</li>\n";
        while (lists_.size() < depth) {
            const bool ordered = b.list_number > 0 && lists_.size() + 1 == depth;
            if (ordered) {
                out_ += "<ol start=\"" + std::to_string(b.list_number) + "\">\n";
            } else {
                out_ += "<ul>\n";
            }
            lists_.push_back(ordered);
            if (lists_.size() < depth) out_ += "<li>";
        }
    }

    void CloseList() {
        out_ += lists_.back() ? "</li>\n</ol>\n" : "</li>\n</ul>\n";
        lists_.pop_back();
    }

    void CloseLists() {
        while (!lists_.empty()) CloseList();
    }

    // Links from a passage to the objections anchored in it, after the block so the author's text stays whole.
    void WriteObjectionMarkers(BlockId id) {
        bool any = false;
        for (const Objection& o : d_.objections) {
            if (o.anchor.block.index != id.index) continue;
            // A note, not a landmark: a landmark per passage would crowd the landmarks list (axe: landmark-unique).
            out_ += any ? " " : "<div class=\"objection-markers ours\" role=\"note\" aria-label=\"Objections to this passage\">";
            any = true;
            out_ += "<a href=\"#" + Escaped(o.id) + "\">Objection: " + Escaped(o.title) + "</a>";
        }
        if (any) out_ += "</div>\n";
    }

    void WriteQuote(const Passage& p, const char* cls) {
        const std::string id = Escaped(d_.block(p.block).id);
        out_ += std::string("<blockquote class=\"") + cls + "\" cite=\"#" + id + "\"><p>";
        AppendEscaped(out_, d_.PassageText(p));
        out_ += "</p></blockquote>\n";
    }

    void WriteObjections() {
        if (d_.objections.empty()) return;
        out_ += "<section id=\"objections\" class=\"objections\" aria-labelledby=\"objections-heading\">\n"
                "<h2 id=\"objections-heading\" class=\"ours\">Objections and the essay’s replies</h2>\n"
                "<p class=\"ours\">Each objection quotes its source word for word; each reply is the essay’s own "
                "sentence, linked to its place. Titles and connecting words are ours.</p>\n"
                "<p class=\"ours\">After each title, the editors’ verdict:</p>\n<ul class=\"verdicts ours\">\n";
        for (const ObjectionStatus s : VerdictOrder)
            out_ += std::string("<li><strong>") + VerdictWord(s) + "</strong>: " + VerdictMeaning(s) + "</li>\n";
        out_ += "</ul>\n";
        for (const Objection& o : d_.objections) {
            const std::string quote_id = Escaped(d_.block(o.quote.block).id);
            const std::string anchor_id = Escaped(d_.block(o.anchor.block).id);
            out_ += "<details class=\"objection\" id=\"" + Escaped(o.id) + "\" data-status=\"" + StatusKey(o.status) +
                    "\">\n<summary><span class=\"objection-title ours\">" + Escaped(o.title) +
                    "</span> <span class=\"objection-status\">(verdict: " + VerdictWord(o.status) + ")</span></summary>\n";
            out_ += "<figure class=\"objection-quote\">\n";
            WriteQuote(o.quote, "objection-source");
            out_ += "<figcaption class=\"ours\">";
            if (o.source == ObjectionSource::QuotedInEssay) {
                out_ += o.by.empty() ? std::string("Quoted in the essay") : "Raised by " + Escaped(o.by);
            } else {
                const Block& b = d_.block(o.quote.block);
                out_ += "From a reader’s comment";
                if (b.comment.valid()) out_ += " (" + Escaped(d_.comment(b.comment).id) + ")";
            }
            out_ += ": <a href=\"#" + quote_id + "\">read it in context</a></figcaption>\n</figure>\n";
            out_ += "<p class=\"objection-anchor ours\">It challenges <a href=\"#" + anchor_id + "\">this passage: “" +
                    Escaped(d_.PassageText(o.anchor)) + "”</a></p>\n";
            if (!o.lead.empty()) out_ += "<p class=\"objection-lead ours\">" + Escaped(o.lead) + "</p>\n";
            if (o.see.valid()) {
                const Objection& see = d_.objections[o.see.index];
                out_ += "<p class=\"objection-see ours\">See the objection <a href=\"#" + Escaped(see.id) + "\">" +
                        Escaped(see.title) + "</a></p>\n";
            }
            if (!o.replies.empty()) {
                out_ += "<p class=\"ours\">The essay’s reply:</p>\n<ol class=\"objection-replies\">\n";
                for (const Reply& r : o.replies) {
                    out_ += "<li>";
                    WriteQuote(r.passage, "objection-reply");
                    out_ += "<a class=\"ours\" href=\"#" + Escaped(d_.block(r.passage.block).id) +
                            "\">Jump to the passage</a></li>\n";
                }
                out_ += "</ol>\n";
            }
            if (!o.sim_test.empty()) {
                out_ += "<p class=\"objection-sim ours\" data-sim-test=\"" + Escaped(o.sim_test) +
                        "\">The interactive version can test this in the simulation.</p>\n";
            }
            out_ += "</details>\n";
        }
        out_ += "</section>\n";
    }

    const Document& d_;
    std::string out_;
    std::vector<bool> lists_; // open lists, innermost last: true for <ol>
};

} // namespace

std::string ExportHtml(const Document& d) { return Writer(d).Run(); }

} // namespace doc

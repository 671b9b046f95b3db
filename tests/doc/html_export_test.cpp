// Tests the HTML export: the essay's every sentence once and in order, escaping, ids and links that resolve.
#include <catch2/catch.hpp>

#include <cstring>
#include <set>

#include "content_files.h"
#include "doc/html_export.h"
#include "doc/markdown_import.h"

namespace {

// The text of an HTML fragment: tags dropped (block ends become line breaks), the five entities decoded.
std::string VisibleText(const std::string& html) {
    std::string text;
    for (size_t i = 0; i < html.size(); ++i) {
        if (html[i] == '<') {
            const size_t close = html.find('>', i);
            if (close == std::string::npos) break;
            const std::string tag = html.substr(i, close - i + 1);
            if (tag.rfind("</p", 0) == 0 || tag.rfind("</h", 0) == 0 || tag.rfind("</li", 0) == 0) text += '\n';
            i = close;
        } else if (html[i] == '&') {
            static const std::pair<const char*, char> entities[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
            bool decoded = false;
            for (const auto& [name, c] : entities) {
                if (html.compare(i, std::strlen(name), name) == 0) {
                    text += c;
                    i += std::strlen(name) - 1;
                    decoded = true;
                    break;
                }
            }
            if (!decoded) text += '&';
        } else {
            text += html[i];
        }
    }
    return text;
}

// Splits after . ! or ? (with any closing quotes or parentheses) followed by a space. A title or heading (no final
// punctuation, like "Solidarity vs. Sorting") stays whole.
std::vector<std::string> Sentences(const std::string& paragraph) {
    std::vector<std::string> out;
    const char last = paragraph.empty() ? '\0' : paragraph.back();
    if (last != '.' && last != '!' && last != '?' && last != ')' && (static_cast<unsigned char>(last) & 0x80) == 0) {
        return {paragraph};
    }
    size_t start = 0;
    for (size_t i = 0; i < paragraph.size(); ++i) {
        if (paragraph[i] != ' ' || i == 0) continue;
        size_t j = i;
        while (j > start) {
            const std::string tail3 = j >= 3 ? paragraph.substr(j - 3, 3) : "";
            if (tail3 == "”" || tail3 == "’") j -= 3;
            else if (paragraph[j - 1] == ')' || paragraph[j - 1] == '"') j -= 1;
            else break;
        }
        if (j > start && (paragraph[j - 1] == '.' || paragraph[j - 1] == '!' || paragraph[j - 1] == '?')) {
            out.push_back(paragraph.substr(start, i - start));
            start = i + 1;
        }
    }
    if (start < paragraph.size()) out.push_back(paragraph.substr(start));
    return out;
}

size_t Count(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

std::string Between(const std::string& html, const std::string& open, const std::string& close) {
    const size_t begin = html.find(open);
    const size_t end = html.find(close, begin);
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    return html.substr(begin, end - begin);
}

// The seed's essay paragraphs, or the imported ones when the seed is not beside the clone (then with a warning).
std::vector<std::string> EssayParagraphs(const doc::Document& d) {
    const std::string seed_dir = doc_test::SourceDir() + "/../shared/seed";
    std::error_code ec;
    std::vector<std::string> paragraphs;
    if (std::filesystem::is_directory(seed_dir, ec)) {
        std::vector<std::filesystem::path> txt;
        for (const auto& e : std::filesystem::directory_iterator(seed_dir)) {
            if (e.path().extension() == ".txt") txt.push_back(e.path());
        }
        std::sort(txt.begin(), txt.end());
        if (!txt.empty()) {
            const std::string text = doc_test::ReadFile(txt.front());
            const std::string essay = text.substr(0, text.find("\n\n"));
            size_t start = 0;
            while (start < essay.size()) {
                size_t end = essay.find('\n', start);
                if (end == std::string::npos) end = essay.size();
                paragraphs.push_back(essay.substr(start, end - start));
                start = end + 1;
            }
            return paragraphs;
        }
    }
    WARN("seed not found in " << seed_dir << ": checking the HTML against the imported essay only");
    // A figure block's text is its id ("simulation"), not the essay's words: the seed has no such paragraph either.
    for (const doc::Block& b : d.blocks) {
        if (b.part == doc::Part::Essay && b.kind != doc::BlockKind::Figure) paragraphs.push_back(b.text);
    }
    return paragraphs;
}

} // namespace

TEST_CASE("the exported essay holds every sentence once, in order") {
    const doc::ImportResult result = doc::ImportDocument(doc_test::ReadAssets());
    REQUIRE(result.ok());
    const std::string html = doc::ExportHtml(result.document);
    const std::string article = VisibleText(Between(html, "<article class=\"essay-text\"", "</article>"));

    size_t at = 0;
    size_t checked = 0;
    for (const std::string& paragraph : EssayParagraphs(result.document)) {
        for (const std::string& sentence : Sentences(paragraph)) {
            CAPTURE(sentence);
            CHECK(Count(article, sentence) == 1);
            const size_t found = article.find(sentence, at);
            REQUIRE(found != std::string::npos);
            at = found + sentence.size();
            ++checked;
        }
    }
    CHECK(checked > 90);
}

TEST_CASE("the exported page has its parts, ids and working links") {
    const doc::Document d = doc::ImportDocument(doc_test::ReadAssets()).document;
    const std::string html = doc::ExportHtml(d);
    CHECK(html.rfind("<main", 0) == 0);
    CHECK(html.find("<html") == std::string::npos);
    CHECK(Count(html, "<h1 ") == 1);
    // The reading line and then the edition line follow the title, as on the canvas.
    const size_t h1_end = html.find("</h1>");
    REQUIRE(h1_end != std::string::npos);
    const std::string reading = "<p class=\"reading ours\">" + doc::ReadingLine(d) + "</p>\n";
    CHECK(html.find(reading, h1_end) == h1_end + 6);
    CHECK(html.find(std::string("<p class=\"edition ours\">") + doc::EditionLine + "</p>", h1_end) ==
          h1_end + 6 + reading.size());
    CHECK(Count(html, "<details class=\"objection\"") == d.objections.size());
    CHECK(Count(html, "<blockquote id=\"circular-logic-p1\">") == 1);
    CHECK(Count(html, "<article class=\"comment\"") == d.comments.size());

    std::set<std::string> ids;
    for (size_t at = html.find(" id=\""); at != std::string::npos; at = html.find(" id=\"", at + 1)) {
        const size_t end = html.find('"', at + 5);
        CHECK(ids.insert(html.substr(at + 5, end - at - 5)).second);
    }
    for (const doc::Block& b : d.blocks) CHECK(ids.count(b.id) == 1);
    for (size_t at = html.find("href=\"#"); at != std::string::npos; at = html.find("href=\"#", at + 1)) {
        const size_t end = html.find('"', at + 7);
        const std::string target = html.substr(at + 7, end - at - 7);
        CAPTURE(target);
        CHECK(ids.count(target) == 1);
    }
    for (const doc::Objection& o : d.objections) {
        for (const doc::Reply& r : o.replies) {
            CHECK(html.find("href=\"#" + d.block(r.passage.block).id + "\"") != std::string::npos);
        }
    }
}

TEST_CASE("the exported objections explain the verdicts' scale, and each names its verdict in the scale's words") {
    const doc::Document d = doc::ImportDocument(doc_test::ReadAssets()).document;
    const std::string html = doc::ExportHtml(d);
    const size_t first = html.find("<details class=\"objection\"");
    REQUIRE(first != std::string::npos);
    const auto status = GENERATE(doc::ObjectionStatus::Answered, doc::ObjectionStatus::PartlyAnswered,
                                 doc::ObjectionStatus::Open);
    const std::string row = std::string("<li><strong>") + doc::VerdictWord(status) + "</strong>: " +
                            doc::VerdictMeaning(status) + "</li>";
    CAPTURE(row);
    // Once, and before the objections it explains.
    CHECK(Count(html, row) == 1);
    CHECK(html.find(row) < first);
    size_t judged = 0;
    for (const doc::Objection& o : d.objections) {
        if (o.status != status) continue;
        ++judged;
        const size_t at = html.find("<details class=\"objection\" id=\"" + o.id + "\"");
        REQUIRE(at != std::string::npos);
        const size_t summary_end = html.find("</summary>", at);
        CHECK(html.substr(at, summary_end - at).find(std::string("(verdict: ") + doc::VerdictWord(status) + ")") !=
              std::string::npos);
    }
    CHECK(judged > 0); // the content uses every verdict, so every row of the scale is read somewhere
}

TEST_CASE("the export escapes everything and passes no raw HTML through") {
    const std::vector<doc::ContentFile> files = {
        {"essay.md", "# Title <b>bold</b>\n\n"
                     "A <script>alert(1)</script> and \"quotes\" & ‘curly’ and 'straight'.\n\n"
                     "<script>alert(2)</script>\n\n"
                     "[a link](javascript:alert(3)) and [a good one](https://example.org/?a=1&b=2).\n"},
    };
    const doc::ImportResult result = doc::ImportDocument(files);
    for (const doc::ImportError& e : result.errors) UNSCOPED_INFO(doc::FormatError(e));
    REQUIRE(result.ok());
    const std::string html = doc::ExportHtml(result.document);
    CAPTURE(html);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find("javascript:") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(2)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("&quot;quotes&quot; &amp; ‘curly’ and &#39;straight&#39;") != std::string::npos);
    CHECK(html.find("<a href=\"https://example.org/?a=1&amp;b=2\">a good one</a>") != std::string::npos);
    CHECK(result.document.blocks[1].text == "A <script>alert(1)</script> and \"quotes\" & ‘curly’ and 'straight'.");
}

TEST_CASE("the reading line counts the essay's words, objections and figures, not the comments") {
    // n words of prose, where dashes and quotation marks standing alone are not words.
    const int n = GENERATE(1, 114, 115, 344, 345, 2000);
    std::string prose;
    for (int i = 0; i < n; ++i) prose += i % 10 == 9 ? "word — “ ” " : "word ";
    const std::vector<doc::ContentFile> files = {
        {"essay.md", "# Title\n\n" + prose + "\n\n```figure\nsimulation\n```\n"},
        {"comments.md", "# Comments\n\n## comment-1\n\nmany more words here that are a reader's, not the essay's\n"},
    };
    const doc::ImportResult result = doc::ImportDocument(files);
    for (const doc::ImportError& e : result.errors) UNSCOPED_INFO(doc::FormatError(e));
    REQUIRE(result.ok());
    CHECK(doc::EssayWords(result.document) == n + 1); // and the title's one word
    // 230 words a minute, to the nearest minute, never zero.
    const int minutes = std::max(1, (n + 1 + 115) / 230);
    CHECK(doc::ReadingLine(result.document) == "A " + std::to_string(minutes) + "-minute read · 1 simulation");
}


TEST_CASE("the contents count a section's objections, and give the comments no count") {
    const std::vector<doc::ContentFile> files = {
        {"essay.md", "# Title\n\n## First\n\nA passage that a reader challenges.\n\n## Second\n\nNothing marked.\n"},
        {"comments.md", "# Comments\n\n## comment-1\n\nI doubt it.\n\n## comment-2\n\nThanks.\n"},
        {"objections.md", "## doubt\ntitle: \"A doubt\"\nstatus: open\nsource: comment-1\nquote: \"I doubt it.\"\n"
                          "anchor: \"A passage that a reader challenges.\"\n"},
    };
    const doc::ImportResult result = doc::ImportDocument(files);
    for (const doc::ImportError& e : result.errors) UNSCOPED_INFO(doc::FormatError(e));
    REQUIRE(result.ok());
    const doc::Document& d = result.document;
    std::vector<std::string> details;
    for (const doc::Section& section : d.sections)
        details.push_back(section.title + ": " + doc::SectionDetail(d, section));
    // The objection raised in comment 1 is counted where its passage is, once; the comments hold none of their own.
    CHECK(details == std::vector<std::string>{": ", "First: 1 objection", "Second: ", "Comments: "});
}

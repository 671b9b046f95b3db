// Every phrase the app, README.md or docs/ present as the essay's words ("the essay's literal '…'", the essay says
// “…”) must be in assets/content/essay.md verbatim, curly or straight quotes and whitespace aside. Knows no views.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "content_files.h"

namespace {

struct Attribution {
    std::string phrase;
    int line = 0;
};

// Curly quotes to straight ones and every run of whitespace to one space, so only the words are compared.
std::string Normalize(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
            const unsigned char d = static_cast<unsigned char>(text[i + 2]);
            if (d == 0x9C || d == 0x9D || d == 0x98 || d == 0x99) {  // “ ” ‘ ’
                out += d <= 0x9D && d >= 0x9C ? '"' : '\'';
                i += 2;
                continue;
            }
        }
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

bool StartsWith(const std::string& text, size_t at, std::string_view prefix) {
    return text.compare(at, prefix.size(), prefix) == 0;
}

// The phrases a text attributes to the essay: "the essay" (optionally "'s" and a verb such as "says" or "literal"),
// then whitespace or a colon, then a quotation mark; the phrase runs to the matching closing mark.
std::vector<Attribution> Attributions(const std::string& original) {
    std::string text;  // lowercase ASCII, same byte offsets as the original
    for (char c : original) text += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    constexpr std::string_view Verbs[] = {"literally", "literal", "says", "said", "calls it", "calls", "puts it",
                                          "writes", "asks", "words", "phrase", "own words", "sentence"};
    std::vector<Attribution> found;
    for (size_t at = text.find("the essay"); at != std::string::npos; at = text.find("the essay", at + 1)) {
        // An error message quoting what is *not* in the essay attributes nothing to it.
        const size_t before = at >= 24 ? at - 24 : 0;
        if (text.substr(before, at - before).find("not found") != std::string::npos) continue;
        size_t i = at + 9;
        if (StartsWith(text, i, "'s")) i += 2;
        else if (StartsWith(text, i, "\xE2\x80\x99s")) i += 4;
        bool separated = false;
        for (bool again = true; again;) {
            again = false;
            while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == ':' || text[i] == ',')) {
                ++i;
                separated = true;
            }
            for (std::string_view verb : Verbs)
                if (separated && StartsWith(text, i, verb) && i + verb.size() < text.size() &&
                    !std::isalpha(static_cast<unsigned char>(text[i + verb.size()]))) {
                    i += verb.size();
                    again = true;
                    break;
                }
        }
        if (!separated) continue;
        if (i < text.size() && text[i] == '\\') ++i;  // \" inside a C++ string
        std::string_view close;
        size_t open = 0;
        if (StartsWith(text, i, "\"")) close = "\"", open = 1;
        else if (StartsWith(text, i, "'")) close = "'", open = 1;
        else if (StartsWith(text, i, "\xE2\x80\x9C")) close = "\xE2\x80\x9D", open = 3;
        else if (StartsWith(text, i, "\xE2\x80\x98")) close = "\xE2\x80\x99", open = 3;
        if (open == 0) continue;
        const size_t begin = i + open;
        size_t end = text.find(close, begin);
        if (end == std::string::npos || end - begin > 600) continue;
        if (close == "\"" && end > begin && text[end - 1] == '\\') --end;
        found.push_back({original.substr(begin, end - begin),
                         1 + static_cast<int>(std::count(original.begin(), original.begin() + long(at), '\n'))});
    }
    return found;
}

// A C++ string literal continued on the next line ("…words "\n   "more…") reads as one string; its newlines stay,
// so line numbers do not move (the comparison ignores whitespace).
std::string JoinLiterals(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"') {
            size_t j = i + 1;
            while (j < text.size() && (text[j] == ' ' || text[j] == '\n')) ++j;
            if (j > i + 1 && text.find('\n', i) < j && j < text.size() && text[j] == '"') {
                out.append(size_t(std::count(text.begin() + long(i), text.begin() + long(j), '\n')), '\n');
                i = j;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

std::vector<std::filesystem::path> ScannedFiles() {
    namespace fs = std::filesystem;
    const fs::path root = doc_test::SourceDir();
    std::vector<fs::path> files = {root / "README.md", root / "shell.html"};
    for (const char* dir : {"src", "web", "docs", "tools"})
        for (const auto& entry : fs::recursive_directory_iterator(root / dir))
            if (entry.is_regular_file()) {
                const std::string ext = entry.path().extension().string();
                if (ext == ".cpp" || ext == ".h" || ext == ".js" || ext == ".mjs" || ext == ".html" || ext == ".md")
                    files.push_back(entry.path());
            }
    for (const auto& entry : fs::directory_iterator(root / "assets/content"))
        if (entry.path().filename().string().starts_with("objections")) files.push_back(entry.path());
    return files;
}

}  // namespace

TEST_CASE("the scanner finds phrases attributed to the essay", "[doc][attribution]") {
    const auto old = Attributions(JoinLiterals(
        "leaders suffice on their own (the essay's literal 'falls by less \"\n     \"than 30%' needs this)."));
    REQUIRE(old.size() == 1);
    CHECK(Normalize(old[0].phrase) == "falls by less than 30%");
    const auto readme = Attributions("turnout; the essay's literal \"falls by less than 30%\" needs the");
    REQUIRE(readme.size() == 1);
    CHECK(readme[0].phrase == "falls by less than 30%");
    const auto curly = Attributions("The essay says: \xE2\x80\x9CThis is circular logic.\xE2\x80\x9D");
    REQUIRE(curly.size() == 1);
    CHECK(curly[0].phrase == "This is circular logic.");
    // A string that merely ends with "the essay" quotes nothing.
    CHECK(Attributions("out += \"Quoted in the essay\";\nout += \"x\";").empty());
    CHECK(Attributions("The essay answers in Circular Logic: \"x\"").empty());
    CHECK(Attributions("error: quote not found verbatim in the essay: \"stepp\"").empty());
}

TEST_CASE("every phrase attributed to the essay is in the essay verbatim", "[doc][attribution]") {
    const std::string essay =
        Normalize(doc_test::ReadFile(std::filesystem::path(doc_test::SourceDir()) / "assets/content/essay.md"));
    REQUIRE(essay.find("General Strikes") != std::string::npos);
    std::vector<std::string> problems;
    int checked = 0;
    for (const auto& path : ScannedFiles()) {
        const std::string ext = path.extension().string();
        std::string text = doc_test::ReadFile(path);
        if (ext == ".cpp" || ext == ".h") text = JoinLiterals(text);
        for (const Attribution& a : Attributions(text)) {
            ++checked;
            if (essay.find(Normalize(a.phrase)) == std::string::npos)
                problems.push_back(std::filesystem::relative(path, doc_test::SourceDir()).string() + ":" +
                                   std::to_string(a.line) + ": attributed to the essay but not in it: " + a.phrase);
        }
    }
    std::string report;
    for (const std::string& p : problems) report += p + "\n";
    INFO(report);
    CAPTURE(checked);
    CHECK(checked >= 1);  // README.md quotes the essay's sentence the figure tests
    CHECK(problems.empty());
}

namespace {

std::string SourceTree() {
    namespace fs = std::filesystem;
    std::string all;
    for (const char* dir : {"src", "tools", "web", "scripts"})
        for (const auto& entry : fs::recursive_directory_iterator(fs::path(doc_test::SourceDir()) / dir))
            if (entry.is_regular_file()) all += doc_test::ReadFile(entry.path());
    return all;
}

}  // namespace

// A cheap guard against stale documents: every repository path README.md and docs/ name in backticks exists, and
// every `namespace::Function` they name is in the sources.
TEST_CASE("README.md and docs/ name only files and functions that exist", "[doc][readme]") {
    namespace fs = std::filesystem;
    const fs::path root = doc_test::SourceDir();
    const std::string sources = SourceTree();
    std::vector<fs::path> docs = {root / "README.md"};
    for (const auto& entry : fs::directory_iterator(root / "docs"))
        if (entry.path().extension() == ".md") docs.push_back(entry.path());
    std::vector<std::string> problems;
    int paths = 0, functions = 0;
    for (const fs::path& file : docs) {
        const std::string text = doc_test::ReadFile(file);
        for (size_t open = text.find('`'); open != std::string::npos;) {
            const size_t close = text.find('`', open + 1);
            if (close == std::string::npos) break;
            const std::string span = text.substr(open + 1, close - open - 1);
            open = text.find('`', close + 1);
            const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + long(close), '\n'));
            const std::string where = fs::relative(file, root).string() + ":" + std::to_string(line) + ": ";
            const bool pathlike = span.find('/') != std::string::npos && span.find_first_of(" <>*:=?&#$") == std::string::npos &&
                                  span.find('.') != std::string::npos && !span.starts_with("build/") &&
                                  !span.starts_with("dist/") && !span.starts_with(".cache") && !span.starts_with("/");
            if (pathlike) {
                ++paths;
                // dist/ paths (demo/post.html) come from web/.
                if (!fs::exists(root / span) && !fs::exists(root / "web" / span))
                    problems.push_back(where + "no such file: " + span);
            }
            const size_t colons = span.find("::");
            if (colons != std::string::npos && span.find(' ') == std::string::npos) {
                std::string name = span.substr(colons + 2);
                if (const size_t paren = name.find('('); paren != std::string::npos) name.resize(paren);
                if (name.empty() || name.find("::") != std::string::npos) continue;
                ++functions;
                if (sources.find(name) == std::string::npos) problems.push_back(where + "not in the sources: " + span);
            }
        }
    }
    std::string report;
    for (const std::string& p : problems) report += p + "\n";
    INFO(report);
    CAPTURE(paths, functions);
    CHECK(paths > 10);
    CHECK(functions > 3);
    CHECK(problems.empty());
}

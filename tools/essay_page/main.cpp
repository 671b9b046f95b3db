// essay-page: writes the web page (dist/index.html) from shell.html and the imported content; knows no wasm.
//
// The page carries the whole essay as semantic HTML (doc::ExportHtml of the same Document the app renders), so it is
// readable before the wasm loads, without JavaScript or WebGL, to search engines and in print.
#include "content_dir.h"
#include "doc/html_export.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

namespace {

const char* const Usage =
    "usage: essay-page --content DIR --shell shell.html --boot boot.js --app essay.js --out index.html\n";

std::string EscapeText(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

bool ReadFile(const char* path, std::string& out_text) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    out_text = buffer.str();
    return bool(in);
}

// Replaces every {{key}} in `page`; a slot left unfilled is an error, so a template typo cannot ship.
bool Fill(std::string& page, const char* key, const std::string& value) {
    const std::string slot = std::string("{{") + key + "}}";
    size_t at = page.find(slot);
    if (at == std::string::npos)
        return false;
    for (; at != std::string::npos; at = page.find(slot, at + value.size()))
        page.replace(at, slot.size(), value);
    return true;
}

// The page's meta description: the essay's own opening words, cut at a word near 155 bytes (what search engines
// show), never mid-character.
std::string Description(const doc::Document& document) {
    constexpr size_t Limit = 155;
    for (const doc::Block& block : document.blocks) {
        if (block.kind != doc::BlockKind::Paragraph || block.text.empty())
            continue;
        if (block.text.size() <= Limit)
            return block.text;
        size_t cut = block.text.rfind(' ', Limit);
        if (cut == std::string::npos || cut == 0)
            cut = Limit;
        while (cut > 0 && (static_cast<unsigned char>(block.text[cut]) & 0xC0) == 0x80)
            --cut; // not inside a UTF-8 sequence
        return block.text.substr(0, cut) + "…";
    }
    return document.title;
}

} // namespace

int main(int argc, char** argv) {
    const char* content = nullptr;
    const char* shell = nullptr;
    const char* boot = nullptr;
    const char* app = nullptr;
    const char* out = nullptr;
    for (int i = 1; i + 1 < argc; i += 2) {
        const char** slot = !std::strcmp(argv[i], "--content") ? &content
                            : !std::strcmp(argv[i], "--shell") ? &shell
                            : !std::strcmp(argv[i], "--boot")  ? &boot
                            : !std::strcmp(argv[i], "--app")   ? &app
                            : !std::strcmp(argv[i], "--out")   ? &out
                                                               : nullptr;
        if (slot == nullptr) {
            std::fprintf(stderr, "essay-page: unknown option %s\n%s", argv[i], Usage);
            return 2;
        }
        *slot = argv[i + 1];
    }
    if (!content || !shell || !boot || !app || !out || argc % 2 == 0) {
        std::fputs(Usage, stderr);
        return 2;
    }

    doc::ImportResult imported;
    if (tools::ImportContentDir(content, imported) != 0)
        return 1;

    std::string page;
    if (!ReadFile(shell, page)) {
        std::fprintf(stderr, "%s: error: cannot read the page template\n", shell);
        return 1;
    }
    const struct {
        const char* key;
        std::string value;
    } slots[] = {
        {"TITLE", EscapeText(imported.document.title)},
        {"DESCRIPTION", EscapeText(Description(imported.document))},
        {"ESSAY_HTML", doc::ExportHtml(imported.document)},
        {"BOOT_JS", EscapeText(boot)},
        {"APP_JS", EscapeText(app)},
    };
    for (const auto& s : slots) {
        if (!Fill(page, s.key, s.value)) {
            std::fprintf(stderr, "%s: error: the template has no {{%s}} slot\n", shell, s.key);
            return 1;
        }
    }
    std::ofstream file(out, std::ios::binary);
    file << page;
    if (!file) {
        std::fprintf(stderr, "%s: error: cannot write the page\n", out);
        return 1;
    }
    return 0;
}

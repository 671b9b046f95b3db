// essay-html [content-dir] [-o out.html]: writes the essay as a semantic HTML fragment; knows no page shell.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "content_dir.h"
#include "doc/html_export.h"
#include "doc/markdown_import.h"

namespace {

int Usage(FILE* out) {
    std::fprintf(out, "usage: essay-html [content-dir] [-o out.html]\n"
                      "Writes the essay, its objections and the comments as an HTML fragment (a <main> element)\n"
                      "to out.html, or to standard output. Content errors are printed and nothing is written.\n"
                      "content-dir defaults to %s\n",
                 ESSAY_CONTENT_DIR);
    return out == stdout ? 0 : 2;
}

} // namespace

int main(int argc, char** argv) {
    std::string dir = ESSAY_CONTENT_DIR;
    const char* out_path = nullptr;
    bool dir_given = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "-h") == 0 || std::strcmp(argv[i], "--help") == 0) return Usage(stdout);
        if (std::strcmp(argv[i], "-o") == 0) {
            if (i + 1 >= argc) return Usage(stderr);
            out_path = argv[++i];
        } else if (!dir_given && argv[i][0] != '-') {
            dir = argv[i];
            dir_given = true;
        } else {
            return Usage(stderr);
        }
    }

    doc::ImportResult result;
    if (const int status = tools::ImportContentDir(dir, result); status != 0) return status;

    const std::string html = doc::ExportHtml(result.document);
    if (!out_path) {
        std::fwrite(html.data(), 1, html.size(), stdout);
        return 0;
    }
    std::ofstream out(out_path, std::ios::binary);
    out.write(html.data(), static_cast<std::streamsize>(html.size()));
    out.close();
    if (!out) {
        std::fprintf(stderr, "%s: error: cannot write the HTML\n", out_path);
        return 2;
    }
    return 0;
}

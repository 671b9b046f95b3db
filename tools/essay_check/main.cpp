// essay-check [content-dir]: imports the content and prints its errors compiler-style; knows no rendering.
#include <cstdio>
#include <cstring>

#include "content_dir.h"
#include "doc/markdown_import.h"

namespace {

int Usage(FILE* out) {
    std::fprintf(out, "usage: essay-check [content-dir]\n"
                      "Checks the essay's content files (default: %s) and prints each problem as\n"
                      "file:line:col: error: message. Exits 1 when there is any.\n",
                 ESSAY_CONTENT_DIR);
    return out == stdout ? 0 : 2;
}

} // namespace

int main(int argc, char** argv) {
    const char* dir = ESSAY_CONTENT_DIR;
    if (argc > 2) return Usage(stderr);
    if (argc == 2) {
        if (std::strcmp(argv[1], "-h") == 0 || std::strcmp(argv[1], "--help") == 0) return Usage(stdout);
        dir = argv[1];
    }

    doc::ImportResult result;
    if (const int status = tools::ImportContentDir(dir, result); status == 2) return 2;
    if (!result.ok()) {
        std::fprintf(stderr, "essay-check: %zu error%s in %s\n", result.errors.size(),
                     result.errors.size() == 1 ? "" : "s", dir);
        return 1;
    }

    const doc::Document& d = result.document;
    size_t by_status[3] = {0, 0, 0};
    for (const doc::Objection& o : d.objections) ++by_status[static_cast<int>(o.status)];
    std::printf("essay-check: %s: ok: %zu sections, %zu blocks, %zu objections (%zu answered, %zu partly, %zu open), "
                "%zu comments\n",
                dir, d.sections.size(), d.blocks.size(), d.objections.size(), by_status[0], by_status[1],
                by_status[2], d.comments.size());
    return 0;
}

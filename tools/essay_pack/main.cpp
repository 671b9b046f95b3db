// essay-pack: imports a content directory and writes the Document as packed bytes for the app to embed; knows
// nothing of the app. Content errors are printed compiler-style and stop the build, as essay-check's do.
#include "content_dir.h"
#include "doc/serialize.h"

#include <cstdio>
#include <fstream>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fputs("usage: essay-pack CONTENT_DIR OUT_FILE\n", stderr);
        return 2;
    }
    doc::ImportResult imported;
    if (tools::ImportContentDir(argv[1], imported) != 0)
        return 1;
    std::ofstream out(argv[2], std::ios::binary);
    out << doc::SerializeDocument(imported.document);
    if (!out) {
        std::fprintf(stderr, "%s: error: cannot write the packed document\n", argv[2]);
        return 1;
    }
    return 0;
}

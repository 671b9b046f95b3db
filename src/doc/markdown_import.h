// Builds a Document from the Markdown content files and reports content errors as values; knows no file system,
// no ImGui and no HTML. The authoring format is described in docs/authoring.md.
//
// Ownership: ImportDocument() copies everything it needs out of the given files; the result owns its Document and
// errors by value and references nothing of the input.
#pragma once

#include <string>
#include <vector>

#include "doc/document.h"

namespace doc {

// One content file held in memory. name is what errors print, e.g. "assets/content/essay.md"; its last path
// component says the file's role: essay.md, comments.md, or objections*.md.
struct ContentFile {
    std::string name;
    std::string text;
};

// A content error a writer can act on: where (1-based line and byte column; line 0 when it concerns a whole file)
// and what.
struct ImportError {
    SourceLoc loc;
    std::string message;
};

// The Document is usable even when errors were reported: whatever failed is left out (see document.h).
struct ImportResult {
    Document document;
    std::vector<ImportError> errors;
    bool ok() const { return errors.empty(); }
};

// Pure: no file I/O, no global state, deterministic (the same files give the same ids). Never throws on bad
// content, and terminates on any input.
ImportResult ImportDocument(const std::vector<ContentFile>& files);

// "file:line:col: error: message" (compiler style, so editors can jump to it); "file: error: message" when the
// error has no line, "error: message" when it has no file.
std::string FormatError(const ImportError& e);

} // namespace doc

// A Document as compact bytes and back, so an app can ship the essay already imported; knows no Markdown and no
// file system. The web app embeds these bytes instead of the Markdown and the importer (cmark-gfm stays out of it).
//
// Format: "ESSAYDOC", a format version, then every field in declaration order: integers as LEB128, strings as a
// length and their bytes. Not meant to be stable across versions: the build writes and reads it with one binary.
#pragma once

#include "doc/document.h"

#include <string>
#include <string_view>

namespace doc {

std::string SerializeDocument(const Document& document);

// Reads bytes written by SerializeDocument. False, with `out_error` saying why, when they are truncated, of another
// version, or inconsistent (an id or passage outside the Document); `out_document` is then unspecified. Bounds-checked:
// any input terminates without reading past its end.
bool DeserializeDocument(std::string_view bytes, Document& out_document, std::string& out_error);

} // namespace doc

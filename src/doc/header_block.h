// Parses the "key: value" lines of a header block (objections, comment authors) with exact columns; knows no
// Markdown and no Document.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "doc/markdown_import.h"

namespace doc {

struct HeaderField {
    std::string key;   // lowercase, e.g. "quote"
    std::string value; // literal: no Markdown; a "quoted" value has its \" and \\ escapes resolved
    SourceLoc key_loc;
    SourceLoc value_loc; // where the value starts (its opening quote, if quoted)
};

// Parses one line (without its line break). Returns false and appends an error when the line is malformed.
bool ParseHeaderLine(std::string_view line, const std::string& file, uint32_t line_number, HeaderField& out_field,
                     std::vector<ImportError>& out_errors);

} // namespace doc

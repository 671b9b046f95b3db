// Parses one "key: value" header line with exact columns; knows no Markdown and no Document.
#include "doc/header_block.h"

namespace doc {
namespace {

bool IsKeyChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }
bool IsBlank(char c) { return c == ' ' || c == '\t'; }

SourceLoc At(const std::string& file, uint32_t line, size_t index) {
    return SourceLoc{file, line, static_cast<uint32_t>(index + 1)};
}

} // namespace

bool ParseHeaderLine(std::string_view line, const std::string& file, uint32_t line_number, HeaderField& out_field,
                     std::vector<ImportError>& out_errors) {
    size_t i = 0;
    while (i < line.size() && IsBlank(line[i])) ++i;
    const size_t key_begin = i;
    while (i < line.size() && IsKeyChar(line[i])) ++i;
    if (i == key_begin || i >= line.size() || line[i] != ':') {
        out_errors.push_back({At(file, line_number, key_begin),
                              "expected a 'key: value' line (lowercase key, a colon, then the value), e.g. "
                              "'status: open'"});
        return false;
    }
    out_field.key = std::string(line.substr(key_begin, i - key_begin));
    out_field.key_loc = At(file, line_number, key_begin);
    ++i; // the colon
    while (i < line.size() && IsBlank(line[i])) ++i;
    out_field.value_loc = At(file, line_number, i);
    out_field.value.clear();

    if (i >= line.size() || line[i] != '"') {
        // A bare value runs to the end of the line; trailing blanks are the editor's, not the writer's.
        size_t end = line.size();
        while (end > i && IsBlank(line[end - 1])) --end;
        out_field.value = std::string(line.substr(i, end - i));
        return true;
    }

    const size_t open = i++;
    for (;;) {
        if (i >= line.size()) {
            out_errors.push_back({At(file, line_number, open),
                                  "this quoted value has no closing \" on its line (a value is one line; write \\\" "
                                  "for a \" inside it)"});
            return false;
        }
        const char c = line[i];
        if (c == '"') break;
        // Only \" and \\ are escapes, so a lone backslash in a quote stays as written.
        if (c == '\\' && i + 1 < line.size() && (line[i + 1] == '"' || line[i + 1] == '\\')) {
            out_field.value += line[i + 1];
            i += 2;
            continue;
        }
        out_field.value += c;
        ++i;
    }
    ++i; // the closing quote
    while (i < line.size() && IsBlank(line[i])) ++i;
    if (i < line.size()) {
        out_errors.push_back({At(file, line_number, i),
                              "text after the closing \" of the value; to put a \" inside a quoted value write \\\""});
        return false;
    }
    return true;
}

} // namespace doc

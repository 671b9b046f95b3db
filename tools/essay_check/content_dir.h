// Reads and imports a content directory for the native tools; knows nothing of rendering.
#pragma once

#include <string>
#include <vector>

#include "doc/markdown_import.h"

namespace tools {

// Reads every *.md file directly in dir, sorted by name (as the app embeds them), naming each "<dir>/<file>" so
// errors point at files the writer can open. Returns false with out_error set when dir cannot be read.
bool ReadContentDir(const std::string& dir, std::vector<doc::ContentFile>& out_files, std::string& out_error);

// Reads and imports dir, printing every problem to stderr compiler-style, as all the tools report them.
// Returns 0 when the content is valid, 1 when it has errors (out_result holds them), 2 when dir cannot be read.
int ImportContentDir(const std::string& dir, doc::ImportResult& out_result);

} // namespace tools

// Reads a content directory into in-memory ContentFiles for the native tools; knows nothing of the files' meaning.
#pragma once

#include <string>
#include <vector>

#include "doc/markdown_import.h"

namespace tools {

// Reads every *.md file directly in dir, sorted by name (as the app embeds them), naming each "<dir>/<file>" so
// errors point at files the writer can open. Returns false with out_error set when dir cannot be read.
bool ReadContentDir(const std::string& dir, std::vector<doc::ContentFile>& out_files, std::string& out_error);

} // namespace tools

// Test helper: reads a content directory (or one fixture set) into ContentFiles; knows nothing of their meaning.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "doc/markdown_import.h"

namespace doc_test {

inline std::string SourceDir() { return ESSAY_SOURCE_DIR; }

inline std::string ReadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Every *.md file of dir, sorted by name, named "<label>/<file>" so messages are stable wherever the tree lives.
inline std::vector<doc::ContentFile> ReadContent(const std::string& dir, const std::string& label) {
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.is_regular_file() && entry.path().extension() == ".md") paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<doc::ContentFile> files;
    for (const auto& p : paths) files.push_back({label + "/" + p.filename().string(), ReadFile(p)});
    return files;
}

inline std::vector<doc::ContentFile> ReadAssets() {
    return ReadContent(SourceDir() + "/assets/content", "assets/content");
}

} // namespace doc_test

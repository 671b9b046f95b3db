// Reads a content directory with std::filesystem and imports it; knows nothing of rendering.
#include "content_dir.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tools {

bool ReadContentDir(const std::string& dir, std::vector<doc::ContentFile>& out_files, std::string& out_error) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<fs::path> paths;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file() && it->path().extension() == ".md") paths.push_back(it->path());
    }
    if (ec) {
        out_error = dir + ": cannot read the content directory: " + ec.message();
        return false;
    }
    std::sort(paths.begin(), paths.end());
    std::string prefix = dir;
    while (prefix.size() > 1 && prefix.back() == '/') prefix.pop_back();
    for (const fs::path& path : paths) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in.good() && !in.eof()) {
            out_error = path.string() + ": cannot read the file";
            return false;
        }
        out_files.push_back({prefix + "/" + path.filename().string(), text.str()});
    }
    return true;
}

int ImportContentDir(const std::string& dir, doc::ImportResult& out_result) {
    std::vector<doc::ContentFile> files;
    std::string read_error;
    if (!ReadContentDir(dir, files, read_error)) {
        std::fprintf(stderr, "%s\n", read_error.c_str());
        return 2;
    }
    out_result = doc::ImportDocument(files);
    for (const doc::ImportError& e : out_result.errors)
        std::fprintf(stderr, "%s\n", doc::FormatError(e).c_str());
    return out_result.ok() ? 0 : 1;
}

} // namespace tools

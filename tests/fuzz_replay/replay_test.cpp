// Replays the committed fuzz corpora and regression inputs through the fuzz entries; knows no parser, only the
// folders. Inputs listed in fuzz/regressions/<name>/KNOWN_OPEN.txt still crash and are skipped with a warning.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/targets.h"

namespace {

namespace fs = std::filesystem;
using Entry = int (*)(const uint8_t*, size_t);

const fs::path FuzzDir = fs::path(ESSAY_SOURCE_DIR) / "fuzz";
constexpr const char* KnownOpenFile = "KNOWN_OPEN.txt";

std::string ReadBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// KNOWN_OPEN.txt: one input file name per line, the rest of the line says why; '#' starts a comment line.
std::set<std::string> KnownOpen(const fs::path& dir) {
    std::set<std::string> names;
    std::istringstream lines(ReadBytes(dir / KnownOpenFile));
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line[0] == '#') continue;
        names.insert(line.substr(0, line.find_first_of(" \t")));
    }
    return names;
}

std::vector<fs::path> Inputs(const fs::path& dir) {
    std::vector<fs::path> files;
    if (!fs::is_directory(dir)) return files;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().filename() != KnownOpenFile) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

void Replay(const std::string& name, Entry entry) {
    const std::vector<fs::path> corpus = Inputs(FuzzDir / "corpus" / name);
    INFO("fuzz/corpus/" << name);
    CHECK_FALSE(corpus.empty());  // every target ships seeds, or CI fuzzes from nothing

    const fs::path regressions_dir = FuzzDir / "regressions" / name;
    const std::set<std::string> known_open = KnownOpen(regressions_dir);
    const std::vector<fs::path> regressions = Inputs(regressions_dir);
    for (const std::string& open : known_open) {
        INFO(regressions_dir.string() << "/" << KnownOpenFile << " lists " << open);
        CHECK(fs::is_regular_file(regressions_dir / open));  // a stale entry would hide nothing and mislead
    }

    std::vector<fs::path> inputs = corpus;
    inputs.insert(inputs.end(), regressions.begin(), regressions.end());
    for (const fs::path& input : inputs) {
        if (input.parent_path() == regressions_dir && known_open.count(input.filename().string())) {
            WARN("skipped, still open (KNOWN_OPEN.txt): " << input.string());
            continue;
        }
        // The entry aborts on a broken promise; the path printed here then names the input that did it.
        INFO("replaying " << input.string());
        const std::string bytes = ReadBytes(input);
        CHECK(entry(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()) == 0);
    }
}

}  // namespace

#define ESSAY_FUZZ_TARGET(name, entry) \
    TEST_CASE("fuzz inputs of " #name " replay without a crash") { Replay(#name, essay_fuzz::entry); }
#include "fuzz/targets.def"
#undef ESSAY_FUZZ_TARGET

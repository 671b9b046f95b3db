// Fuzz entry for the URL-hash parser: arbitrary fragments -> ParseLocation against the real essay, then the
// canonical form must parse back to the same place and figure state (#sim=…); knows no browser, and reads
// assets/content once at start.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "app/location.h"
#include "sim/settings.h"
#include "doc/markdown_import.h"
#include "fuzz/targets.h"

namespace essay_fuzz {
namespace {

// The real content, so seeds and the fuzzer's dictionary hit real ids; read once, as a reader's page has one essay.
const doc::Document& Essay() {
    static const doc::Document document = [] {
        namespace fs = std::filesystem;
        std::vector<fs::path> paths;
        for (const auto& entry : fs::directory_iterator(fs::path(ESSAY_SOURCE_DIR) / "assets/content"))
            if (entry.path().extension() == ".md") paths.push_back(entry.path());
        std::sort(paths.begin(), paths.end());
        std::vector<doc::ContentFile> files;
        for (const fs::path& p : paths) {
            std::ifstream in(p, std::ios::binary);
            files.push_back({p.filename().string(), {std::istreambuf_iterator<char>(in), {}}});
        }
        return doc::ImportDocument(files).document;
    }();
    return document;
}

}  // namespace

int FuzzUrlHash(const uint8_t* data, size_t size) {
    const std::string_view fragment(reinterpret_cast<const char*>(data), size);
    const doc::Document& essay = Essay();
    const std::optional<app::Location> location = app::ParseLocation(fragment, essay);
    if (!location) return 0;
    FuzzCheck(fragment.size() <= app::MaxFragmentLength + 1, "an over-long fragment is rejected");
    for (size_t i = 0; i < location->open.size(); ++i) {
        FuzzCheck(location->open[i].index < essay.objections.size(), "open objections exist");
        FuzzCheck(i == 0 || location->open[i - 1].index < location->open[i].index, "open is sorted, no duplicates");
    }
    if (location->sim) {
        const app::SimLink& sim = *location->sim;
        FuzzCheck(sim.seed >= 1 && sim.seed <= 0xFFFFFFFFull, "the seed is in range");
        FuzzCheck(sim.week >= 0 && sim.week <= app::MaxLinkWeeks, "the week is clamped, so opening a link never hangs");
        FuzzCheck(sim.acts.size() <= app::MaxLinkActs, "at most MaxLinkActs interventions");
        for (size_t i = 0; i < sim.acts.size(); ++i) {
            if (sim.acts[i].value) {
                const sim::ParamInfo* p = sim::FindParam(sim.acts[i].name);
                FuzzCheck(p != nullptr, "a slider move names a known parameter");
                FuzzCheck(*sim.acts[i].value >= p->min && *sim.acts[i].value <= p->max, "a moved slider is in range");
            } else {
                FuzzCheck(app::IsSimActName(sim.acts[i].name), "only known interventions");
            }
            FuzzCheck(sim.acts[i].week <= sim.week, "no intervention after the link's week");
            FuzzCheck(i == 0 || sim.acts[i - 1].week <= sim.acts[i].week, "interventions by week");
        }
        FuzzCheck(sim.preset.empty() || app::IsSimPresetName(sim.preset), "only known presets");
        for (const auto& [name, value] : sim.params) {
            const sim::ParamInfo* p = sim::FindParam(name);
            FuzzCheck(p != nullptr && value >= p->min && value <= p->max, "slider values are known and in range");
        }
    }
    const std::string canonical = app::FormatLocation(*location, essay);
    FuzzCheck(app::ParseLocation(canonical, essay) == location, "the canonical fragment parses back to the place");
    return 0;
}

}  // namespace essay_fuzz

// Benchmark: layout time of the whole essay (~13 KB in paragraphs) at three widths with the fake proportional metric.
// Knows no Markdown: it splits the content files at blank lines and styles a few words per paragraph itself, so the
// figures cover mixed runs without depending on the importer. Prints numbers only; asserts nothing about time.
#include "text/text_layout.h"

#include "fake_font_metrics.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr float Widths[] = {320.0f, 680.0f, 1200.0f};
constexpr int Repetitions = 301;

struct Paragraph {
    std::string text;
    std::vector<text::StyledRun> runs;
};

bool ReadFile(const std::string& path, std::string& out) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return false;
    std::ostringstream contents;
    contents << file.rdbuf();
    out += contents.str();
    out += "\n\n";
    return true;
}

// Paragraphs separated by blank lines; lines inside a paragraph are joined with spaces as a reader would see them.
std::vector<std::string> SplitParagraphs(const std::string& source) {
    std::vector<std::string> out;
    std::string current;
    std::istringstream lines(source);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty() || line.rfind("<!--", 0) == 0) {
            if (!current.empty()) out.push_back(current);
            current.clear();
            continue;
        }
        if (!current.empty()) current += ' ';
        current += line;
    }
    if (!current.empty()) out.push_back(current);
    return out;
}

// Deterministic stand-in for the essay when its content files are absent: ~13 KB of words and punctuation.
std::string GeneratedSource() {
    static constexpr const char* Words[] = {"solidarity", "sorting", "the", "of", "people", "“spectacle”",
                                            "organising", "—", "class", "politics,", "a", "self-sorting",
                                            "network", "and/or", "it’s", "momentum!"};
    std::string out;
    uint32_t state = 12345;
    int in_paragraph = 0;
    while (out.size() < 13000) {
        state = state * 1664525u + 1013904223u;
        out += Words[(state >> 16) % std::size(Words)];
        out += ++in_paragraph % 60 == 0 ? "\n\n" : " ";
    }
    return out;
}

// Headings in the heading font; elsewhere every fifth group of words is italic or bold, as emphasis would be.
std::vector<text::StyledRun> StyleRuns(const std::string& paragraph) {
    std::vector<text::StyledRun> runs;
    const auto size = static_cast<uint32_t>(paragraph.size());
    if (paragraph.rfind('#', 0) == 0) return {text::StyledRun{{0, size}, text::fake::Heading, 0}};
    uint32_t begin = 0;
    uint32_t words = 0;
    for (uint32_t i = 0; i <= size; ++i) {
        if (i < size && paragraph[i] != ' ') continue;
        if (++words % 4 != 0 && i < size) continue;
        const uint32_t group = words / 4;
        const text::FontId font = group % 5 == 1 ? text::fake::Italic : group % 5 == 3 ? text::fake::Bold
                                                                                      : text::fake::Regular;
        runs.push_back(text::StyledRun{{begin, i}, font, group});
        begin = i;
    }
    return runs;
}

double MedianMicroseconds(std::vector<double>& samples) {
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

} // namespace

int main() {
    std::string source;
    const std::string content_dir = std::string(ESSAY_SOURCE_DIR) + "/assets/content/";
    const bool from_essay = ReadFile(content_dir + "essay.md", source);
    if (from_essay) ReadFile(content_dir + "comments.md", source);
    if (!from_essay) source = GeneratedSource();

    std::vector<Paragraph> paragraphs;
    size_t bytes = 0;
    for (std::string& text : SplitParagraphs(source)) {
        bytes += text.size();
        std::vector<text::StyledRun> runs = StyleRuns(text);
        paragraphs.push_back(Paragraph{std::move(text), std::move(runs)});
    }

    const text::fake::ProportionalMetrics metrics;
    std::printf("text_bench source=%s bytes=%zu paragraphs=%zu repetitions=%d\n",
                from_essay ? "assets/content/essay.md+comments.md" : "generated", bytes, paragraphs.size(),
                Repetitions);
    std::printf("%-9s %7s %8s %18s %19s %16s\n", "width_px", "lines", "glyphs", "median_us_fresh",
                "median_us_reused", "min_us_reused");

    std::vector<text::Layout> cache(paragraphs.size());
    for (const float width : Widths) {
        text::LayoutSettings settings;
        settings.max_width = width;
        settings.line_height_scale = 1.5f;

        // Fresh: what a view pays when its cache is empty (new vectors per paragraph).
        std::vector<double> fresh;
        size_t lines = 0;
        size_t glyphs = 0;
        for (int r = 0; r < Repetitions; ++r) {
            lines = 0;
            glyphs = 0;
            const auto start = std::chrono::steady_clock::now();
            for (const Paragraph& p : paragraphs) {
                const text::Layout layout = text::LayoutParagraph(p.text, p.runs, settings, metrics);
                lines += layout.lines.size();
                glyphs += layout.glyphs.size();
            }
            const auto stop = std::chrono::steady_clock::now();
            fresh.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
        }

        // Reused: relayout on resize into the cached Layouts' existing capacity.
        std::vector<double> reused;
        for (int r = 0; r < Repetitions; ++r) {
            const auto start = std::chrono::steady_clock::now();
            for (size_t i = 0; i < paragraphs.size(); ++i) {
                text::LayoutParagraph(paragraphs[i].text, paragraphs[i].runs, settings, metrics, cache[i]);
            }
            const auto stop = std::chrono::steady_clock::now();
            reused.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
        }
        const double fastest = *std::min_element(reused.begin(), reused.end());
        std::printf("%-9.0f %7zu %8zu %18.1f %19.1f %16.1f\n", static_cast<double>(width), lines, glyphs,
                    MedianMicroseconds(fresh), MedianMicroseconds(reused), fastest);
    }
    return 0;
}

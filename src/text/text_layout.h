// Rich-text paragraph layout: styled UTF-8 runs -> wrapped lines of kerned glyphs, plus hit-testing, carets,
// selection rectangles and word ranges; knows nothing of essays, documents, Markdown, ImGui or how glyphs are drawn.
//
// Why it exists: Dear ImGui cannot wrap mixed styles as one paragraph (its issue #2313), applies no kerning and has no
// hit-testing. Like Clay and microui, this lays out against a measuring interface (FontMetrics), so it is pure and is
// tested with fake metrics.
//
// Coordinates: x grows right from the paragraph's left edge, y grows down from its top; units are the metrics' units.
//
// Ownership and lifetime: a Layout is a plain value that owns its vectors and holds no pointer to the text, the runs
// or the metrics; byte offsets in it refer to the text it was built from. Callers cache it per (paragraph, width,
// font generation) and rebuild it when any of those change (resize, DPI change, font atlas rebuild).
#pragma once

#include "text/font_metrics.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace text {

// Half-open byte range [begin, end) into the paragraph's UTF-8 text.
struct ByteRange {
    uint32_t begin = 0;
    uint32_t end = 0;
    friend bool operator==(ByteRange, ByteRange) = default;
};

struct Rect {
    float x = 0.0f;
    float y = 0.0f;
    float width = 0.0f;
    float height = 0.0f;
};

// A byte range of the text set in one font. user_tag is opaque here; the caller uses it for colour, links, highlights.
// Runs must be sorted and must not overlap; bytes no run covers are set in LayoutSettings::fallback_font with
// Fragment::run == NoRun. A codepoint belongs to the run holding its first byte.
struct StyledRun {
    ByteRange bytes;
    FontId font;
    uint32_t user_tag = 0;
};

inline constexpr uint32_t NoRun = UINT32_MAX;

// Room the caller keeps after a codepoint for a mark it draws there itself (a note's reference number): `width` after
// the codepoint that ends at byte `after` (or holds byte after - 1; a room at 0 goes with the first, one past the
// text's end is left out). The room belongs to that codepoint: it counts towards its line's width, so a line never
// overflows with it, and no line starts with it.
struct Room {
    uint32_t after = 0;
    float width = 0.0f;
};

struct LayoutSettings {
    float max_width = 0.0f;
    float line_height_scale = 1.0f; // multiplies each font's natural line height (ascent + descent + line gap)
    float first_line_indent = 0.0f;
    FontId fallback_font;           // for bytes outside every run, and the height of an empty paragraph without runs
    // Display type (headings): a line does not end on a word of ShortWord codepoints or fewer ("vs.", "of", "a")
    // where an earlier break on the line would do, so the short word starts the next line with the word it leads.
    bool keep_short_words = false;
    // A paragraph's last line never holds a single word (a widow) where the line before it can give it its last word
    // and keep two, and at least WidowKeepShare of max_width: the two then fit on the last line. Where the line
    // left would be shorter (a narrow column's), the lone word stays: "in different cities, across / different
    // crises." read as a slip to four of stop 64's fresh readers at 320 px.
    static constexpr float WidowKeepShare = 0.75f;
    bool avoid_widows = false;
    // Straight quotes are drawn as typographic ones: an apostrophe between two letters as ’ ("won't"), a double quote
    // as “ after a space, an opening bracket, the paragraph's start, or a dash when a word follows it, else ”. Only
    // Glyph::codepoint changes; the text and every byte offset stay as written, so a selection copies the source's own
    // characters.
    bool typographic_quotes = false;
    // Sorted by `after`; rooms at the same place add up. Not owned: the span must outlive the LayoutParagraph call.
    std::span<const Room> rooms;
};
inline constexpr int ShortWord = 3;

// One codepoint placed on a line. Kerning is already folded into x: the renderer draws the glyph at (x, baseline).
// The caret boundary after a glyph is the next glyph's x on the same line, or x + advance + room after the line's last
// one. Every codepoint of the text has a glyph, including spaces and the '\n' that ends a line (advance 0); renderers
// skip what they do not draw.
struct Glyph {
    uint32_t byte_offset = 0;
    char32_t codepoint = 0;
    float x = 0.0f;
    float advance = 0.0f; // the font's own advance, kerning excluded
    float room = 0.0f;    // LayoutSettings::rooms kept after it: the caller's mark goes at x + advance
};

// Consecutive glyphs of one line that share a run. glyph_begin/glyph_end index Layout::glyphs.
struct Fragment {
    uint32_t run = NoRun; // index into the runs passed to LayoutParagraph, or NoRun
    FontId font;
    uint32_t user_tag = 0; // copied from the run (0 for NoRun)
    ByteRange bytes;
    float x = 0.0f;
    float width = 0.0f; // includes any hanging trailing spaces it holds
    uint32_t glyph_begin = 0;
    uint32_t glyph_end = 0;
};

struct Line {
    ByteRange bytes; // the lines' ranges are contiguous and together cover the whole text, '\n' included
    float top = 0.0f;
    float baseline = 0.0f;
    float height = 0.0f;
    // From the paragraph's left edge (indent included) to the end of the last glyph that is not a hanging space or
    // '\n'. At most max_width, unless the line holds a single glyph that alone does not fit.
    float width = 0.0f;
    float left = 0.0f; // x where the line starts (the first-line indent, else 0)
    uint32_t fragment_begin = 0;
    uint32_t fragment_end = 0;
    uint32_t glyph_begin = 0;
    uint32_t glyph_end = 0;
};

// Lines, fragments and glyphs in text order; a paragraph always has at least one line (an empty text has one empty
// line), and a text ending in '\n' has an empty last line after it, where the caret at the end goes.
struct Layout {
    std::vector<Line> lines;
    std::vector<Fragment> fragments;
    std::vector<Glyph> glyphs;
    float width = 0.0f;  // the widest Line::width
    float height = 0.0f; // sum of line heights
    uint32_t text_size = 0;
};

// Lays out `text` in greedy lines no wider than settings.max_width. Breaks after spaces (space, tab, U+2000..U+200A
// except U+2007, U+205F, U+3000; they hang past the edge), after '-', '/', en and em dashes and zero-width spaces
// inside words, and at every '\n'; never next to a no-break space nor before closing punctuation; a word wider than
// the line is broken between glyphs. Kerning applies between neighbors in the same font.
Layout LayoutParagraph(std::string_view text, std::span<const StyledRun> runs, const LayoutSettings& settings,
                       const FontMetrics& metrics);
// The same, reusing out_layout's vectors so a view that relayouts on resize does not reallocate.
void LayoutParagraph(std::string_view text, std::span<const StyledRun> runs, const LayoutSettings& settings,
                     const FontMetrics& metrics, Layout& out_layout);

std::span<const Glyph> LineGlyphs(const Layout& layout, const Line& line);
std::span<const Fragment> LineFragments(const Layout& layout, const Line& line);

// The line a caret at `offset` sits on: the line whose range holds it (so an offset shared by a soft-wrapped line's
// end and the next line's start belongs to the next line); offsets at or past the end belong to the last line.
uint32_t LineIndexAt(const Layout& layout, uint32_t offset);

// The caret position nearest to the point: a glyph's byte offset if the point is on its left half or exactly on its
// centre, the next caret position if on its right half. Above the first line -> 0; below the last line -> the end of
// the text; right of a line -> its end (before its '\n' or, on a soft-wrapped line, before its trailing space).
uint32_t HitTest(const Layout& layout, float x, float y);

// A zero-width rectangle as tall as the caret's line, at the caret position for `offset` (see LineIndexAt).
// Offsets inside a codepoint snap to its start.
Rect CaretRect(const Layout& layout, uint32_t offset);

// Replaces out_rects with one rectangle per line that [begin, end) touches, covering exactly the glyphs in the range
// (their full line height). Empty ranges give no rectangles.
void RangeRects(const Layout& layout, uint32_t begin, uint32_t end, std::vector<Rect>& out_rects);

// The same rectangles ending where the line's ink ends (Line::width): a line's hanging trailing space and its '\n' are
// left out, so an underline or highlight stops at the last word instead of running into the space after it. A line
// that holds only such space in the range gives no rectangle.
void InkRects(const Layout& layout, uint32_t begin, uint32_t end, std::vector<Rect>& out_rects);

// The word, run of spaces, or single punctuation mark at `offset`, for double-click selection. Apostrophes between
// letters stay in the word ("don't", "it’s"). At a '\n' or the end of the text it takes the codepoint before.
ByteRange WordAt(std::string_view text, uint32_t offset);

} // namespace text

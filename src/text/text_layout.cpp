// Rich-text paragraph layout and its queries (see text_layout.h); knows nothing of essays, Markdown or ImGui.
//
// [SECTION] Codepoint classes for breaking and word selection
// [SECTION] Layout: shape (decode, measure, kern) once, then break greedily and place line by line
// [SECTION] Queries: line lookup, hit-testing, carets, range rectangles, words
#include "text/text_layout.h"

#include "text/utf8.h"

#include <algorithm>
#include <cassert>

namespace text {
namespace {

//-------------------------------------------------------------------------------------------------------------------
// [SECTION] Codepoint classes for breaking and word selection
//-------------------------------------------------------------------------------------------------------------------

constexpr char32_t Newline = '\n';
constexpr char32_t ZeroWidthSpace = 0x200B;
constexpr char32_t RightSingleQuote = 0x2019; // also the typographic apostrophe
constexpr char32_t LeftDoubleQuote = 0x201C;
constexpr char32_t RightDoubleQuote = 0x201D;

// Spaces that offer a break after them and hang past the right edge instead of counting towards the line's width.
bool IsHangingSpace(char32_t cp) {
    return cp == ' ' || cp == '\t' || (cp >= 0x2000 && cp <= 0x200A && cp != 0x2007) || cp == 0x205F ||
           cp == 0x3000;
}

// No-break space, figure space, narrow no-break space, word joiner, zero-width no-break space: glue on both sides.
bool IsNoBreak(char32_t cp) {
    return cp == 0x00A0 || cp == 0x2007 || cp == 0x202F || cp == 0x2060 || cp == 0xFEFF;
}

// Hyphen-minus, slash, hyphen, en dash, em dash: a line may end after one of them inside a word ("self-sorting").
bool IsBreakAfterMark(char32_t cp) {
    return cp == '-' || cp == '/' || cp == 0x2010 || cp == 0x2013 || cp == 0x2014;
}

// Marks that must not start a line, so no break is offered just before them ("word—”" keeps its closing quote).
bool IsClosingMark(char32_t cp) {
    switch (cp) {
    case ')': case ']': case '}': case '!': case ',': case '.': case ':': case ';': case '?':
    case RightDoubleQuote: case RightSingleQuote: case 0x00BB: case 0x2026:
        return true;
    default:
        return false;
    }
}

// UAX #14, much reduced: may the line break between glyphs[i] and glyphs[i + 1]?
bool CanBreakAfter(const std::vector<Glyph>& glyphs, size_t i) {
    if (i + 1 >= glyphs.size()) return false;
    const char32_t next = glyphs[i + 1].codepoint;
    if (next == Newline || IsHangingSpace(next) || IsNoBreak(next) || IsClosingMark(next)) return false;
    const char32_t cp = glyphs[i].codepoint;
    if (IsHangingSpace(cp) || cp == ZeroWidthSpace) return true;
    if (!IsBreakAfterMark(cp)) return false;
    // Only inside a word: a leading "-5" or a spaced " / " keeps its mark with what follows.
    if (i == 0) return false;
    const char32_t previous = glyphs[i - 1].codepoint;
    return previous != Newline && !IsHangingSpace(previous) && !IsNoBreak(previous);
}

enum class CharClass : uint8_t { Space, Word, Punct, LineBreak };

CharClass Classify(char32_t cp) {
    if (cp == Newline) return CharClass::LineBreak;
    if (IsHangingSpace(cp) || IsNoBreak(cp) || cp == ZeroWidthSpace) return CharClass::Space;
    if (cp < 0x80) {
        const bool alnum = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
        return alnum || cp == '_' ? CharClass::Word : CharClass::Punct;
    }
    // Everything beyond ASCII is a letter except the symbol and punctuation blocks prose actually uses.
    const bool punct = (cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
                       (cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x2190 && cp <= 0x2BFF) ||
                       (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
                       (cp >= 0xFF00 && cp <= 0xFF0F) || cp == ReplacementCharacter;
    return punct ? CharClass::Punct : CharClass::Word;
}

// Classify, plus apostrophes between two letters belong to the word ("don't", "it’s").
CharClass ClassAt(std::string_view text, size_t offset) {
    const char32_t cp = DecodeUtf8(text, offset).codepoint;
    if ((cp == '\'' || cp == RightSingleQuote) && offset > 0) {
        const size_t next = NextBoundary(text, offset);
        if (next < text.size() &&
            Classify(DecodeUtf8(text, PrevBoundary(text, offset)).codepoint) == CharClass::Word &&
            Classify(DecodeUtf8(text, next).codepoint) == CharClass::Word) {
            return CharClass::Word;
        }
    }
    return Classify(cp);
}

//-------------------------------------------------------------------------------------------------------------------
// [SECTION] Layout: shape (decode, measure, kern) once, then break greedily and place line by line
//-------------------------------------------------------------------------------------------------------------------

// Walks sorted runs alongside non-decreasing byte offsets, so finding each codepoint's run is amortised O(1).
struct RunCursor {
    std::span<const StyledRun> runs;
    size_t next = 0;

    uint32_t At(uint32_t offset) {
        while (next < runs.size() && runs[next].bytes.end <= offset) ++next;
        if (next < runs.size() && runs[next].bytes.begin <= offset) return static_cast<uint32_t>(next);
        return NoRun;
    }
};

class LineBuilder {
public:
    LineBuilder(std::string_view text, std::span<const StyledRun> runs, const LayoutSettings& settings,
                const FontMetrics& metrics, Layout& layout)
        : text_(text), runs_(runs), settings_(settings), metrics_(metrics), layout_(layout) {}

    void Run() {
        layout_.lines.clear();
        layout_.fragments.clear();
        layout_.glyphs.clear();
        layout_.width = 0.0f;
        layout_.height = 0.0f;
        layout_.text_size = static_cast<uint32_t>(text_.size());
        Shape();
        const auto count = static_cast<uint32_t>(layout_.glyphs.size());
        uint32_t line_start = 0;
        for (;;) {
            const float left = layout_.lines.empty() ? settings_.first_line_indent : 0.0f;
            uint32_t end = line_start < count ? FindLineEnd(line_start, left) : count;
            if (settings_.avoid_widows && end < count)
                end = KeepWidowCompany(line_start, end);
            PlaceLine(line_start, end, left);
            // A final '\n' opens an empty last line, so the caret after it has somewhere to be.
            const bool ends_in_newline = count > 0 && layout_.glyphs[count - 1].codepoint == Newline;
            if (end == count && (!ends_in_newline || line_start == count)) break;
            line_start = end;
        }
    }

private:
    FontId FontOf(uint32_t run) const { return run == NoRun ? settings_.fallback_font : runs_[run].font; }

    // One glyph per codepoint with its own advance. Until its line is placed, Glyph::x holds the kerning between it
    // and the previous glyph: this saves a parallel array, and the breaker may measure a word twice.
    void Shape() {
        std::vector<Glyph>& glyphs = layout_.glyphs;
        glyphs.reserve(text_.size());
        RunCursor cursor{runs_};
        FontId previous_font;
        char32_t previous = Newline; // no kerning into the first glyph
        size_t room = 0;
        for (size_t offset = 0; offset < text_.size();) {
            const Decoded decoded = DecodeUtf8(text_, offset);
            const auto byte_offset = static_cast<uint32_t>(offset);
            const FontId font = FontOf(cursor.At(byte_offset));
            const char32_t cp = settings_.typographic_quotes ? Typographic(offset, decoded.codepoint) : decoded.codepoint;
            const float advance = cp == Newline ? 0.0f : metrics_.Advance(font, cp);
            const bool kerns = previous != Newline && cp != Newline && font == previous_font;
            const float kerning = kerns ? metrics_.Kerning(font, previous, cp) : 0.0f;
            glyphs.push_back(Glyph{byte_offset, cp, kerning, advance});
            previous = cp;
            previous_font = font;
            offset += decoded.length;
            for (const std::span<const Room> rooms = settings_.rooms; room < rooms.size() && rooms[room].after <= offset;
                 ++room)
                glyphs.back().room += std::max(0.0f, rooms[room].width);
        }
    }

    // The typographic quote drawn for a straight one at `offset`; any other codepoint as it is.
    char32_t Typographic(size_t offset, char32_t cp) const {
        if (cp == '\'') return ClassAt(text_, offset) == CharClass::Word ? RightSingleQuote : cp;
        if (cp != '"') return cp;
        const char32_t before = offset == 0 ? Newline : DecodeUtf8(text_, PrevBoundary(text_, offset)).codepoint;
        const size_t next = NextBoundary(text_, offset);
        const bool word_follows = next < text_.size() && Classify(DecodeUtf8(text_, next).codepoint) == CharClass::Word;
        // After a dash it opens only a word: "wait—" closes, "—“so”" opens.
        const bool opens = before == Newline || Classify(before) == CharClass::Space || before == '(' ||
                           before == '[' || ((before == 0x2014 || before == 0x2013) && word_follows);
        return opens ? LeftDoubleQuote : RightDoubleQuote;
    }

    // The glyph index the line starting at `start` ends before. Greedy: take glyphs until a visible one would cross
    // max_width, then end at the last break opportunity, or break the word before that glyph if there is none. The
    // arithmetic matches PlaceLine's exactly, so a line that fits here never measures wider there.
    uint32_t FindLineEnd(uint32_t start, float left) const {
        const std::vector<Glyph>& glyphs = layout_.glyphs;
        const auto count = static_cast<uint32_t>(glyphs.size());
        uint32_t last_break = start; // start means "none yet": every opportunity lies after at least one glyph
        uint32_t last_short = start; // with keep_short_words: the last break after a short word, taken only if alone
        float x = left;
        for (uint32_t i = start; i < count; ++i) {
            const Glyph& glyph = glyphs[i];
            if (glyph.codepoint == Newline) return i + 1;
            if (i > start) x += glyph.x;
            const float x_end = x + glyph.advance + glyph.room;
            // The first glyph always stays, so every line makes progress even if one glyph is wider than the line.
            if (i > start && x_end > settings_.max_width && !IsHangingSpace(glyph.codepoint)) {
                return last_break > start ? last_break : last_short > start ? last_short : i;
            }
            x = x_end;
            if (!CanBreakAfter(glyphs, i)) continue;
            if (settings_.keep_short_words && EndsShortWord(start, i))
                last_short = i + 1;
            else
                last_break = i + 1;
        }
        return count;
    }

    // The end for the line [start, end) with avoid_widows: one word earlier where the rest of the paragraph is one word
    // (no break opportunity, no newline), this line has at least two and keeps WidowKeepShare of the width without its
    // last, and its last word and the rest fit on a line.
    uint32_t KeepWidowCompany(uint32_t start, uint32_t end) const {
        const std::vector<Glyph>& glyphs = layout_.glyphs;
        const auto count = static_cast<uint32_t>(glyphs.size());
        for (uint32_t i = end; i < count; ++i)
            if (glyphs[i].codepoint == Newline || CanBreakAfter(glyphs, i)) return end;
        // The break before this line's last word, then whether there is one before that.
        uint32_t last_word = end - 1;
        while (last_word > start && !CanBreakAfter(glyphs, last_word - 1)) --last_word;
        uint32_t earlier = last_word > start ? last_word - 1 : start;
        while (earlier > start && !CanBreakAfter(glyphs, earlier - 1)) --earlier;
        if (earlier == start || FindLineEnd(last_word, 0.0f) != count) return end;
        return InkWidth(start, last_word) >= LayoutSettings::WidowKeepShare * settings_.max_width ? last_word : end;
    }

    // The width of glyphs [start, end) as PlaceLine sets them on a line of their own, without trailing spaces.
    float InkWidth(uint32_t start, uint32_t end) const {
        const std::vector<Glyph>& glyphs = layout_.glyphs;
        while (end > start && IsHangingSpace(glyphs[end - 1].codepoint)) --end;
        float x = 0.0f;
        for (uint32_t i = start; i < end; ++i)
            x += (i > start ? glyphs[i].x : 0.0f) + glyphs[i].advance + glyphs[i].room;
        return x;
    }

    // Whether the glyphs up to i, after the line's start, end in spaces after a word of at most ShortWord codepoints.
    bool EndsShortWord(uint32_t start, uint32_t i) const {
        const std::vector<Glyph>& glyphs = layout_.glyphs;
        uint32_t end = i + 1;
        while (end > start && IsHangingSpace(glyphs[end - 1].codepoint)) --end;
        uint32_t begin = end;
        while (begin > start && !IsHangingSpace(glyphs[begin - 1].codepoint) && !IsNoBreak(glyphs[begin - 1].codepoint))
            --begin;
        return end > begin && end - begin <= ShortWord;
    }

    void PlaceLine(uint32_t begin, uint32_t end, float left) {
        std::vector<Glyph>& glyphs = layout_.glyphs;
        std::vector<Fragment>& fragments = layout_.fragments;
        const auto count = static_cast<uint32_t>(glyphs.size());
        const auto text_size = static_cast<uint32_t>(text_.size());

        Line line;
        line.bytes.begin = begin < count ? glyphs[begin].byte_offset : text_size;
        line.bytes.end = end < count ? glyphs[end].byte_offset : text_size;
        line.top = layout_.height;
        line.left = left;
        line.width = left;
        line.glyph_begin = begin;
        line.glyph_end = end;
        line.fragment_begin = static_cast<uint32_t>(fragments.size());

        VerticalMetrics tallest;
        float natural_height = 0.0f;
        const auto take_font = [&](FontId font) {
            const VerticalMetrics v = metrics_.Vertical(font);
            tallest.ascent = std::max(tallest.ascent, v.ascent);
            tallest.descent = std::max(tallest.descent, v.descent);
            natural_height = std::max(natural_height, v.ascent + v.descent + v.line_gap);
        };

        float x = left;
        for (uint32_t i = begin; i < end; ++i) {
            Glyph& glyph = glyphs[i];
            if (i > begin) x += glyph.x; // the kerning Shape() parked there
            glyph.x = x;
            x += glyph.advance + glyph.room;
            if (glyph.codepoint != Newline && !IsHangingSpace(glyph.codepoint)) line.width = x;

            const uint32_t run = cursor_.At(glyph.byte_offset);
            if (fragments.size() == line.fragment_begin || fragments.back().run != run) {
                Fragment fragment;
                fragment.run = run;
                fragment.font = FontOf(run);
                fragment.user_tag = run == NoRun ? 0 : runs_[run].user_tag;
                fragment.bytes.begin = glyph.byte_offset;
                fragment.x = glyph.x;
                fragment.glyph_begin = i;
                fragments.push_back(fragment);
                take_font(fragment.font);
            }
            Fragment& fragment = fragments.back();
            fragment.bytes.end = i + 1 < count ? glyphs[i + 1].byte_offset : text_size;
            fragment.width = x - fragment.x;
            fragment.glyph_end = i + 1;
        }
        line.fragment_end = static_cast<uint32_t>(fragments.size());

        // An empty line (empty text, or after a final '\n') is as tall as the text just before it.
        if (line.fragment_begin == line.fragment_end) {
            take_font(!fragments.empty() ? fragments.back().font
                      : !runs_.empty()   ? runs_.front().font
                                         : settings_.fallback_font);
        }
        // Leading is split evenly above and below the tallest ascent and descent, as CSS does.
        line.height = natural_height * settings_.line_height_scale;
        const float content = tallest.ascent + tallest.descent;
        line.baseline = line.top + (line.height - content) * 0.5f + tallest.ascent;

        layout_.lines.push_back(line);
        layout_.width = std::max(layout_.width, line.width);
        layout_.height += line.height;
    }

    std::string_view text_;
    std::span<const StyledRun> runs_;
    const LayoutSettings& settings_;
    const FontMetrics& metrics_;
    Layout& layout_;
    RunCursor cursor_{runs_};
};

//-------------------------------------------------------------------------------------------------------------------
// [SECTION] Queries: line lookup, hit-testing, carets, range rectangles, words
//-------------------------------------------------------------------------------------------------------------------

float LineEndX(const Layout& layout, const Line& line) {
    if (line.glyph_begin == line.glyph_end) return line.left;
    const Glyph& last = layout.glyphs[line.glyph_end - 1];
    return last.x + last.advance + last.room;
}

// x of the caret before the codepoint holding `offset`, or of the line's end if offset is at or past it.
float CaretXInLine(const Layout& layout, const Line& line, uint32_t offset) {
    if (offset >= line.bytes.end) return LineEndX(layout, line);
    const auto first = layout.glyphs.begin() + line.glyph_begin;
    const auto last = layout.glyphs.begin() + line.glyph_end;
    auto after = std::upper_bound(first, last, offset,
                                  [](uint32_t value, const Glyph& glyph) { return value < glyph.byte_offset; });
    if (after == first) return line.left;
    return std::prev(after)->x;
}

} // namespace

Layout LayoutParagraph(std::string_view text, std::span<const StyledRun> runs, const LayoutSettings& settings,
                       const FontMetrics& metrics) {
    Layout layout;
    LayoutParagraph(text, runs, settings, metrics, layout);
    return layout;
}

void LayoutParagraph(std::string_view text, std::span<const StyledRun> runs, const LayoutSettings& settings,
                     const FontMetrics& metrics, Layout& out_layout) {
    // Unsorted or overlapping runs are a caller's bug; in release they only mis-style text, never crash.
    assert((std::adjacent_find(runs.begin(), runs.end(), [](const StyledRun& a, const StyledRun& b) {
                return b.bytes.begin < a.bytes.end;
            }) == runs.end()));
    LineBuilder(text, runs, settings, metrics, out_layout).Run();
}

std::span<const Glyph> LineGlyphs(const Layout& layout, const Line& line) {
    return std::span<const Glyph>(layout.glyphs).subspan(line.glyph_begin, line.glyph_end - line.glyph_begin);
}

std::span<const Fragment> LineFragments(const Layout& layout, const Line& line) {
    return std::span<const Fragment>(layout.fragments)
        .subspan(line.fragment_begin, line.fragment_end - line.fragment_begin);
}

uint32_t LineIndexAt(const Layout& layout, uint32_t offset) {
    if (layout.lines.empty()) return 0;
    const auto after = std::upper_bound(layout.lines.begin(), layout.lines.end(), offset,
                                        [](uint32_t value, const Line& line) { return value < line.bytes.begin; });
    if (after == layout.lines.begin()) return 0;
    return static_cast<uint32_t>(std::prev(after) - layout.lines.begin());
}

uint32_t HitTest(const Layout& layout, float x, float y) {
    if (layout.lines.empty() || y < layout.lines.front().top) return 0;
    const Line& last_line = layout.lines.back();
    if (y >= last_line.top + last_line.height) return layout.text_size;
    const auto after = std::upper_bound(layout.lines.begin(), layout.lines.end(), y,
                                        [](float value, const Line& line) { return value < line.top; });
    const Line& line = *std::prev(after);

    for (uint32_t i = line.glyph_begin; i < line.glyph_end; ++i) {
        const Glyph& glyph = layout.glyphs[i];
        if (glyph.codepoint == Newline) return glyph.byte_offset;
        const float right = i + 1 < line.glyph_end ? layout.glyphs[i + 1].x : glyph.x + glyph.advance + glyph.room;
        // Written as RangeRects' rectangle centre (x + width / 2) so that point maps back to this glyph exactly.
        if (x <= glyph.x + (right - glyph.x) * 0.5f) return glyph.byte_offset;
    }
    // Past a soft-wrapped line's hanging space, stay before it: its end offset would put the caret on the next line.
    if (&line != &last_line && line.glyph_end > line.glyph_begin) {
        const Glyph& last = layout.glyphs[line.glyph_end - 1];
        if (IsHangingSpace(last.codepoint)) return last.byte_offset;
    }
    return line.bytes.end;
}

Rect CaretRect(const Layout& layout, uint32_t offset) {
    if (layout.lines.empty()) return {};
    const Line& line = layout.lines[LineIndexAt(layout, offset)];
    return Rect{CaretXInLine(layout, line, offset), line.top, 0.0f, line.height};
}

namespace {
// One rectangle per line that [begin, end) touches; with `ink_only`, each ends at the line's last inked glyph.
void LineRects(const Layout& layout, uint32_t begin, uint32_t end, bool ink_only, std::vector<Rect>& out_rects) {
    out_rects.clear();
    end = std::min(end, layout.text_size);
    if (begin >= end || layout.lines.empty()) return;
    for (size_t i = LineIndexAt(layout, begin); i < layout.lines.size(); ++i) {
        const Line& line = layout.lines[i];
        if (line.bytes.begin >= end) break;
        const uint32_t from = std::max(begin, line.bytes.begin);
        const uint32_t to = std::min(end, line.bytes.end);
        if (from >= to) continue;
        const float x0 = CaretXInLine(layout, line, from);
        const float x1 = ink_only ? std::min(CaretXInLine(layout, line, to), line.width) : CaretXInLine(layout, line, to);
        if (!ink_only || x1 > x0) out_rects.push_back(Rect{x0, line.top, x1 - x0, line.height});
    }
}
} // namespace

void RangeRects(const Layout& layout, uint32_t begin, uint32_t end, std::vector<Rect>& out_rects) {
    LineRects(layout, begin, end, false, out_rects);
}

void InkRects(const Layout& layout, uint32_t begin, uint32_t end, std::vector<Rect>& out_rects) {
    LineRects(layout, begin, end, true, out_rects);
}

ByteRange WordAt(std::string_view text, uint32_t offset) {
    const size_t size = text.size();
    const auto at = static_cast<uint32_t>(std::min(size_t{offset}, size));
    size_t start = at < size ? PrevBoundary(text, size_t{at} + 1) : size;
    if (start == size || DecodeUtf8(text, start).codepoint == Newline) {
        if (start == 0) return {at, at};
        start = PrevBoundary(text, start);
    }
    const CharClass cls = ClassAt(text, start);
    if (cls == CharClass::LineBreak) return {at, at};
    size_t end = NextBoundary(text, start);
    if (cls != CharClass::Punct) {
        while (start > 0) {
            const size_t previous = PrevBoundary(text, start);
            if (ClassAt(text, previous) != cls) break;
            start = previous;
        }
        while (end < size && ClassAt(text, end) == cls) end = NextBoundary(text, end);
    }
    return {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
}

} // namespace text

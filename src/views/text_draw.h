// Draws text::Layouts with ImGui draw lists, glyph by glyph; and lays out plain one-style strings. Knows ImGui and
// the text engine; nothing of documents. All positions are in ImGui (CSS px) screen coordinates.
#pragma once

#include "text/text_layout.h"
#include "views/fonts.h"

#include <span>
#include <string>
#include <string_view>

namespace views {

// `text` for ImGui to wrap, with each decimal point between two digits as U+2024 ONE DOT LEADER, the same dot in the
// interface's face (Inter's is 752 units wide to the full stop's 776). ImGui's word wrap may end a line after any
// full stop (ImFont::CalcWordWrapPositionA), and broke "0.3%" as "0." and "3%" on a 390 px phone (two fresh readers
// of stop 48); it does not break after the leader. For measuring and drawing only: the page and the live region keep
// the full stop.
std::string KeepNumbersWhole(std::string_view text);

// Lays out one string in one font role at `width`, with `leading` × the role's size as line height; `runs` may set
// ranges of it in other fonts, with tags for DrawLayout's colour_of.
void LayoutPlain(std::string_view text, FontRole role, float width, float leading, const Fonts& fonts,
                 text::Layout& out_layout, std::span<const text::StyledRun> runs = {});
// A line height of `leading` × size for every font in the layout, whatever the font's own ascent and descent.
float LineHeightScale(FontRole role, float leading, const Fonts& fonts);

// Draws every visible glyph of `layout` with its top-left at `origin`. `colour_of` maps a fragment's user tag to a
// colour; nullptr draws everything in `colour`. Lines outside [clip_top, clip_bottom] (screen y) are skipped.
using TagColourFn = ImU32 (*)(uint32_t user_tag, ImU32 colour, const void* context);
void DrawLayout(ImDrawList* list, const text::Layout& layout, const Fonts& fonts, ImVec2 origin, ImU32 colour,
                float clip_top = -1e30f, float clip_bottom = 1e30f, TagColourFn colour_of = nullptr,
                const void* context = nullptr);

} // namespace views

// Draws text::Layouts with ImGui draw lists, glyph by glyph; and lays out plain one-style strings. Knows ImGui and
// the text engine; nothing of documents. All positions are in ImGui (CSS px) screen coordinates.
#pragma once

#include "text/text_layout.h"
#include "views/fonts.h"

#include <span>
#include <string_view>

namespace views {

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

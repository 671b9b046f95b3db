// The app's fonts in Dear ImGui's atlas, rasterised at the display's pixel density; knows no document or layout.
//
// Text is crisp only when glyphs are rasterised at CSS size × devicePixelRatio and drawn at 1/dpr scale (pitfall
// P10), so the atlas is rebuilt whenever the density or the reader's text size changes. `generation` counts rebuilds:
// anything cached against glyph metrics (text layouts) compares it and drops its cache when it moved.
#pragma once

#include "imgui.h"

namespace views {

enum FontRole {
    Font_Body,
    Font_BodyItalic,
    Font_BodyBold,
    Font_BodyBoldItalic,
    Font_Heading, // section headings
    Font_Title,   // the essay's title
    Font_Ui,
    Font_UiBold,
    Font_Note,       // serif in objection cards: quotes and replies, a little smaller than the body
    Font_NoteItalic,
    Font_Count
};

// Owned by the platform layer for the program's lifetime; the ImFont pointers are owned by ImGui's atlas and are
// valid until the next RebuildFonts().
struct Fonts {
    ImFont* font[Font_Count] = {};
    float size_css[Font_Count] = {}; // the size each role is laid out at, in CSS px
    float dpr = 0.0f;
    float body_css = 0.0f;
    int generation = 0;
};

// True when the atlas must be rebuilt for this density or body size.
bool FontsNeedRebuild(const Fonts& fonts, float dpr, float body_css);
// Clears ImGui's atlas, adds every role again and rasterises them into the atlas's TexPixelsAlpha8. The caller
// re-uploads the atlas texture to the GPU.
void RebuildFonts(Fonts& fonts, float dpr, float body_css);

} // namespace views

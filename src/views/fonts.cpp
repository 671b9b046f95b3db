// Builds ImGui's font atlas from the embedded faces at the display's density; knows no document or platform.
#include "views/fonts.h"

#include "views/embedded_fonts.h"

#include "imgui_internal.h"

#include <cmath>

namespace views {

namespace {
struct RoleSpec {
    EmbeddedFace face;
    float scale; // relative to the body size
};
// Headings are set in the body's bold serif, the interface in Inter: one family for reading, one for controls.
constexpr RoleSpec Roles[Font_Count] = {
    // Bold italic is set in the bold face: no essay uses it yet, and a fourth serif face costs ~12 KB of download.
    {EmbeddedFace_SerifRegular, 1.0f},  {EmbeddedFace_SerifItalic, 1.0f}, {EmbeddedFace_SerifBold, 1.0f},
    {EmbeddedFace_SerifBold, 1.0f}, {EmbeddedFace_SerifBold, 1.4f}, {EmbeddedFace_SerifBold, 2.1f},
    {EmbeddedFace_SansRegular, 0.78f},  {EmbeddedFace_SansSemiBold, 0.78f}, {EmbeddedFace_SerifRegular, 0.85f},
    {EmbeddedFace_SerifItalic, 0.85f},
};

// The subset holds what the content and the interface use (scripts/make_fonts.py); ImGui skips codepoints a face
// lacks, so the ranges can be wide: Latin-1, punctuation, arrows and shapes.
constexpr ImWchar GlyphRanges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2030, 0x203A, 0x2190, 0x21FF,
                                   0x2212, 0x2212, 0x25A0, 0x25FF, 0x2713, 0x2713, 0xFFFD, 0xFFFD, 0};
} // namespace

bool FontsNeedRebuild(const Fonts& fonts, float dpr, float body_css) {
    return fonts.font[Font_Body] == nullptr || fonts.dpr != dpr || fonts.body_css != body_css;
}

void RebuildFonts(Fonts& fonts, float dpr, float body_css) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    for (int role = 0; role < Font_Count; ++role) {
        const EmbeddedFont& face = kEmbeddedFonts[Roles[role].face];
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false; // the data is static (pitfall P17)
        // Rasterised at device pixels, glyphs need no horizontal oversampling on dense screens; at dpr 1 a little
        // keeps subpixel positions smooth.
        config.OversampleH = dpr < 1.5f ? 2 : 1;
        config.OversampleV = 1;
        const float css = std::round(body_css * Roles[role].scale);
        fonts.size_css[role] = css;
        fonts.font[role] = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(face.data), int(face.size),
                                                          css * face.height_per_em * dpr, &config,
                                                          GlyphRanges);
    }
    // Rasterised here by the atlas's builder, not by ImFontAtlas::Build() or GetTexData*(): those add ImGui's own
    // font when none was added, and that call alone links its compressed copy into the page (9.4 KB brotli).
    ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(io.Fonts);
    io.FontGlobalScale = 1.0f / dpr;
    io.FontDefault = fonts.font[Font_Ui];
    fonts.dpr = dpr;
    fonts.body_css = body_css;
    ++fonts.generation;
}

} // namespace views

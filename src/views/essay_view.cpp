// Lays out and draws the essay column with ImGui draw lists, glyph by glyph at device-pixel-snapped positions.
#include "views/essay_view.h"

#include "views/imgui_font_metrics.h"
#include "views/theme.h"

#include <algorithm>
#include <cmath>

namespace views {

namespace {
constexpr float MaxColumn = 680.0f; // about 68 characters of Charis at 20 px: inside the 60–75 measure
constexpr float PhoneBreakpoint = 600.0f;
constexpr float LineHeight = 1.5f;  // multiple of the body size
constexpr float QuoteIndent = 28.0f;
constexpr float WheelStep = 100.0f; // CSS px per wheel unit; SDL's browser driver makes 100 px one unit
constexpr float ArrowStep = 48.0f;

FontRole RoleFor(const doc::Block& block, uint8_t style) {
    if (block.kind == doc::BlockKind::Heading)
        return block.heading_level <= 1 ? Font_Title : Font_Heading;
    const bool italic = (style & doc::SpanStyle_Emphasis) != 0;
    const bool bold = (style & doc::SpanStyle_Strong) != 0;
    if (italic && bold)
        return Font_BodyBoldItalic;
    if (bold)
        return Font_BodyBold;
    if (italic)
        return Font_BodyItalic;
    return Font_Body;
}

float Indent(const doc::Block& block) {
    if (block.kind == doc::BlockKind::Quote)
        return QuoteIndent;
    if (block.kind == doc::BlockKind::ListItem)
        return QuoteIndent * float(std::max<int>(1, block.list_depth));
    return 0.0f;
}

// Space above a block, as a multiple of the body size: headings breathe, paragraphs keep a line's rhythm.
float SpaceBefore(const doc::Block& block, const doc::Block* previous) {
    if (previous == nullptr)
        return 0.0f;
    if (block.kind == doc::BlockKind::Heading)
        return block.part != previous->part ? 4.0f : 2.2f;
    if (previous->kind == doc::BlockKind::Heading)
        return previous->heading_level <= 1 ? 1.6f : 0.9f;
    return 1.0f;
}

void Relayout(EssayView& view, const doc::Document& document, const Fonts& fonts, float column_width) {
    const ImGuiFontMetrics metrics(fonts);
    std::vector<text::StyledRun> runs;
    view.layouts.resize(document.blocks.size());
    view.block_top.resize(document.blocks.size());
    const float body = fonts.size_css[Font_Body];
    float y = body * 3.0f;
    const doc::Block* previous = nullptr;
    for (size_t i = 0; i < document.blocks.size(); ++i) {
        const doc::Block& block = document.blocks[i];
        runs.clear();
        if (block.kind == doc::BlockKind::Figure) {
            // Interactive figures are laid out by their own views, which are not in the flow yet.
            view.layouts[i] = {};
            view.block_top[i] = y;
            continue;
        }
        for (const doc::Span& span : block.spans)
            runs.push_back({{span.begin, span.end}, FontIdFor(RoleFor(block, span.style)), span.style});
        const FontRole base = RoleFor(block, doc::SpanStyle_None);
        const text::VerticalMetrics v = metrics.Vertical(FontIdFor(base));
        const float size = fonts.size_css[base];
        text::LayoutSettings settings;
        settings.max_width = column_width - Indent(block);
        // Headings are set tighter than running text.
        const float leading = block.kind == doc::BlockKind::Heading ? 1.25f : LineHeight;
        settings.line_height_scale = leading * size / (v.ascent + v.descent);
        settings.fallback_font = FontIdFor(base);
        text::LayoutParagraph(block.text, runs, settings, metrics, view.layouts[i]);
        y += SpaceBefore(block, previous) * body;
        view.block_top[i] = y;
        y += view.layouts[i].height;
        previous = &block;
    }
    view.content_height = y + body * 4.0f;
    view.column_width = column_width;
    view.font_generation = fonts.generation;
}

// Draws one glyph from the atlas at a position snapped to the device-pixel grid, so kerned sub-pixel positions stay
// crisp. ImFont::RenderChar would floor to whole CSS px, which at dpr 2 or 3 spaces letters unevenly.
void DrawGlyph(ImDrawList* list, const ImFont* font, float dpr, float x, float baseline, char32_t codepoint, ImU32 col) {
    const ImFontGlyph* g = font->FindGlyph(codepoint <= 0xFFFF ? ImWchar(codepoint) : ImWchar(0xFFFD));
    if (g == nullptr || !g->Visible)
        return;
    const float s = 1.0f / dpr;
    const float ox = std::round(x * dpr) * s;
    const float oy = std::round((baseline - font->Ascent * s) * dpr) * s;
    list->PrimReserve(6, 4);
    list->PrimRectUV(ImVec2(ox + g->X0 * s, oy + g->Y0 * s), ImVec2(ox + g->X1 * s, oy + g->Y1 * s),
                     ImVec2(g->U0, g->V0), ImVec2(g->U1, g->V1), col);
}

void DrawBlock(ImDrawList* list, const doc::Block& block, const text::Layout& layout, const Fonts& fonts,
               const Palette& palette, ImVec2 origin) {
    const ImU32 ink = block.kind == doc::BlockKind::Heading ? palette.heading : palette.ink;
    for (const text::Line& line : layout.lines) {
        for (const text::Fragment& fragment : text::LineFragments(layout, line)) {
            const ImFont* font = fonts.font[fragment.font.index];
            const ImU32 col = (fragment.user_tag & doc::SpanStyle_Link) ? palette.accent : ink;
            for (uint32_t g = fragment.glyph_begin; g < fragment.glyph_end; ++g) {
                const text::Glyph& glyph = layout.glyphs[g];
                DrawGlyph(list, font, fonts.dpr, origin.x + glyph.x, origin.y + line.baseline, glyph.codepoint, col);
            }
        }
    }
    if (block.kind == doc::BlockKind::Quote)
        list->AddRectFilled(ImVec2(origin.x - QuoteIndent + 2.0f, origin.y + 4.0f),
                            ImVec2(origin.x - QuoteIndent + 5.0f, origin.y + layout.height - 4.0f), palette.quote_bar);
    if (block.kind == doc::BlockKind::ListItem) {
        const ImFont* font = fonts.font[Font_Body];
        const float baseline = layout.lines.empty() ? 0.0f : layout.lines.front().baseline;
        DrawGlyph(list, font, fonts.dpr, origin.x - 18.0f, origin.y + baseline, U'•', ink);
    }
}

void HandleScrollInput(EssayView& view, app::AppState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    app::Scroll& scroll = state.scroll;
    const bool animate = !state.reduced_motion;
    if (io.MouseWheel != 0.0f && ImGui::IsWindowHovered())
        app::ScrollBy(scroll, -io.MouseWheel * WheelStep, animate);
    if (io.WantTextInput)
        return;
    const float page = std::max(40.0f, state.viewport.height * 0.9f);
    auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), true); };
    if (pressed(ImGuiKey_PageDown) || (pressed(ImGuiKey_Space) && !io.KeyShift))
        app::ScrollBy(scroll, page, animate);
    if (pressed(ImGuiKey_PageUp) || (pressed(ImGuiKey_Space) && io.KeyShift))
        app::ScrollBy(scroll, -page, animate);
    if (pressed(ImGuiKey_DownArrow))
        app::ScrollBy(scroll, ArrowStep, animate);
    if (pressed(ImGuiKey_UpArrow))
        app::ScrollBy(scroll, -ArrowStep, animate);
    if (pressed(ImGuiKey_Home))
        app::ScrollTo(scroll, 0.0f, animate);
    if (pressed(ImGuiKey_End))
        app::ScrollTo(scroll, app::MaxScroll(scroll), animate);
    (void)view;
}

// Scrolls to the pending anchor now that block positions are known; an unknown id is dropped, never an error, since
// it may come from a stale link.
void ResolvePendingAnchor(const EssayView& view, app::AppState& state) {
    app::PendingAnchor& anchor = state.pending_anchor;
    if (anchor.id.empty())
        return;
    const doc::Document& d = state.document;
    doc::BlockId block = d.FindBlock(anchor.id);
    if (!block.valid()) {
        const doc::SectionId section = d.FindSection(anchor.id);
        if (section.valid())
            block = d.section(section).first;
    }
    if (block.valid() && block.index < view.block_top.size())
        app::ScrollTo(state.scroll, view.block_top[block.index] - anchor.offset, false);
    anchor = {};
}

// A thin bar at the right edge; the thumb can be dragged, and a click on the track jumps there.
void DrawScrollbar(EssayView& view, app::AppState& state, const Palette& palette) {
    app::Scroll& scroll = state.scroll;
    const float max_scroll = app::MaxScroll(scroll);
    if (max_scroll <= 0.0f)
        return;
    const float w = state.viewport.width, h = state.viewport.height;
    const float track_w = 12.0f;
    const float thumb_h = std::max(32.0f, h * h / scroll.content_height);
    const float thumb_y = (h - thumb_h) * (scroll.y / max_scroll);
    ImGui::SetCursorScreenPos(ImVec2(w - track_w, 0.0f));
    ImGui::InvisibleButton("##scrollbar", ImVec2(track_w, h));
    const float mouse_y = ImGui::GetIO().MousePos.y;
    if (ImGui::IsItemActivated()) {
        const bool on_thumb = mouse_y >= thumb_y && mouse_y <= thumb_y + thumb_h;
        view.scrollbar_grab_offset = on_thumb ? mouse_y - thumb_y : thumb_h * 0.5f;
    }
    view.scrollbar_held = ImGui::IsItemActive();
    if (view.scrollbar_held) {
        const float t = (mouse_y - view.scrollbar_grab_offset) / std::max(1.0f, h - thumb_h);
        app::ScrollTo(scroll, t * max_scroll, false);
    }
    const bool hot = view.scrollbar_held || ImGui::IsItemHovered();
    const float bar_w = hot ? 8.0f : 5.0f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(w - bar_w - 3.0f, thumb_y + 2.0f),
                                              ImVec2(w - 3.0f, thumb_y + thumb_h - 2.0f), palette.scrollbar, 4.0f);
}
} // namespace

float BodySizeFor(const app::Viewport& viewport) { return viewport.width < PhoneBreakpoint ? 18.0f : 20.0f; }

void DrawEssay(EssayView& view, app::AppState& state, const Fonts& fonts) {
    const app::Viewport& vp = state.viewport;
    const float margin = vp.width < PhoneBreakpoint ? 20.0f : 48.0f;
    const float column = std::max(120.0f, std::min(MaxColumn, vp.width - 2.0f * margin));
    if (column != view.column_width || fonts.generation != view.font_generation ||
        view.layouts.size() != state.document.blocks.size())
        Relayout(view, state.document, fonts, column);
    view.column_left = std::floor((vp.width - column) * 0.5f);
    app::SetExtent(state.scroll, view.content_height, vp.height);
    ResolvePendingAnchor(view, state);

    ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(vp.width, vp.height));
    ImGui::Begin("##essay", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground);
    HandleScrollInput(view, state);

    const Palette& palette = PaletteFor(state.theme);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->PushTextureID(ImGui::GetIO().Fonts->TexID);
    const float top = state.scroll.y, bottom = state.scroll.y + vp.height;
    bool any_text = false;
    for (size_t i = 0; i < state.document.blocks.size(); ++i) {
        const text::Layout& layout = view.layouts[i];
        const float y = view.block_top[i];
        if (y + layout.height < top || y > bottom)
            continue; // off screen: drawing it would only fill the vertex buffer
        const doc::Block& block = state.document.blocks[i];
        if (block.kind == doc::BlockKind::Figure)
            continue;
        DrawBlock(list, block, layout, fonts, palette,
                  ImVec2(view.column_left + Indent(block), std::floor((y - state.scroll.y) * vp.dpr) / vp.dpr));
        any_text = any_text || !block.text.empty();
    }
    list->PopTextureID();
    DrawScrollbar(view, state, palette);
    ImGui::End();
    view.drew_text = view.drew_text || any_text;
}

} // namespace views

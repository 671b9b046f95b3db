// The reader bar: ImGui buttons in the interface face, a contents popup, and a progress line.
#include "views/reader_bar.h"

#include "views/theme.h"

#include <algorithm>
#include <string>

namespace views {

namespace {
// A button that also joins the keyboard focus ring, and reports itself among the frame's controls.
bool BarButton(const char* label, const char* kind, const app::AppState& state, app::FrameReport& report, FocusRing& focus,
               bool selected = false) {
    const ImGuiID id = ImGui::GetID(label);
    if (selected)
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool clicked = ImGui::Button(label);
    if (selected)
        ImGui::PopStyleColor();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const bool activated = FocusableItem(focus, id, min, max, state.scroll.y, true);
    if (focus.visible && focus.focused == id)
        report.focused_control = std::string(kind);
    report.controls.push_back({kind, "", min.x, min.y, max.x - min.x, max.y - min.y});
    return clicked || activated;
}

// The section whose heading the reader last passed.
doc::SectionId CurrentSection(const doc::Document& d, doc::BlockId reading_block) {
    if (!reading_block.valid())
        return d.sections.empty() ? doc::SectionId{} : doc::SectionId{0};
    return d.block(reading_block).section;
}

const char* ThemeLabel(app::ThemeChoice choice) {
    switch (choice) {
    case app::ThemeChoice::Light: return "Light";
    case app::ThemeChoice::Dark: return "Dark";
    case app::ThemeChoice::Auto: break;
    }
    return "Auto";
}
// The contents, an ImGui popup under the button (popups stay on top and close on a click elsewhere or Esc): every
// section, the current one marked; a choice goes there.
void DrawContents(ReaderBar& bar, app::AppState& state, app::FrameReport& report, const Fonts& fonts, FocusRing& focus) {
    const doc::Document& d = state.document;
    const doc::SectionId current = CurrentSection(d, report.reading_block);
    const Palette& palette = PaletteFor(state.theme);
    ImGui::SetNextWindowPos(ImVec2(8.0f, ReaderBarHeight + 4.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14.0f, 12.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8.0f, 6.0f));
    ImGui::PushStyleColor(ImGuiCol_PopupBg, ImGui::ColorConvertU32ToFloat4(palette.card_background));
    const bool was_open = bar.contents_open;
    bar.contents_open = ImGui::BeginPopup("##contents");
    // ImGui shows a new window only from its second frame.
    report.wants_frame = report.wants_frame || bar.contents_open != was_open;
    if (bar.contents_open) {
        ImGui::PushFont(fonts.font[Font_Ui]);
        for (uint32_t i = 0; i < d.sections.size(); ++i) {
            const doc::Section& section = d.sections[i];
            const std::string label = (section.title.empty() ? d.title : section.title) + "##" + section.id;
            const bool here = current.valid() && current.index == i;
            if (here)
                ImGui::PushFont(fonts.font[Font_UiBold]);
            const ImGuiID id = ImGui::GetID(label.c_str());
            const bool chosen = ImGui::Selectable(label.c_str(), here);
            const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
            const bool activated = FocusableItem(focus, id, min, max, state.scroll.y, true);
            report.controls.push_back({"section", section.id, min.x, min.y, max.x - min.x, max.y - min.y});
            if (here)
                ImGui::PopFont();
            if (chosen || activated) {
                state.pending_anchor = {section.id, 0.0f};
                state.jumped = true;
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::PopFont();
        ImGui::EndPopup();
    }
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}
} // namespace

void DrawReaderBar(ReaderBar& bar, app::AppState& state, app::FrameReport& report, const Fonts& fonts, FocusRing& focus) {
    const app::Viewport& vp = state.viewport;
    const Palette& palette = PaletteFor(state.theme);
    const bool narrow = vp.width < 700.0f;

    ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(vp.width, ReaderBarHeight));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12.0f, 9.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(9.0f, 4.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 5.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(6.0f, 4.0f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(palette.bar_background));
    ImGui::Begin("##reader-bar", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PushFont(fonts.font[Font_UiBold]);

    if (BarButton("Contents", "contents", state, report, focus, bar.contents_open))
        ImGui::OpenPopup("##contents");
    DrawContents(bar, state, report, fonts, focus);

    ImGui::PopFont();
    ImGui::PushFont(fonts.font[Font_Ui]);
    // Objections: hidden, markers only, or all open; on a phone one button cycles through them.
    ImGui::SameLine(0.0f, 18.0f);
    app::ObjectionsMode& mode = state.objections.mode;
    if (narrow) {
        const char* label = mode == app::ObjectionsMode::Hidden    ? "Objections: off"
                            : mode == app::ObjectionsMode::AllOpen ? "Objections: all"
                                                                   : "Objections: marks";
        if (BarButton(label, "objections", state, report, focus))
            mode = app::ObjectionsMode((int(mode) + 1) % 3);
    } else {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Objections");
        ImGui::SameLine();
        if (BarButton("Hidden", "objections-hidden", state, report, focus, mode == app::ObjectionsMode::Hidden))
            mode = app::ObjectionsMode::Hidden;
        ImGui::SameLine(0.0f, 2.0f);
        if (BarButton("Markers", "objections-markers", state, report, focus, mode == app::ObjectionsMode::Markers))
            mode = app::ObjectionsMode::Markers;
        ImGui::SameLine(0.0f, 2.0f);
        if (BarButton("All open", "objections-all", state, report, focus, mode == app::ObjectionsMode::AllOpen))
            mode = app::ObjectionsMode::AllOpen;
    }

    // Theme and text size, at the right edge.
    const float right_width = narrow ? 150.0f : 190.0f;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 12.0f, vp.width - right_width));
    const std::string theme_label = std::string(ThemeLabel(state.settings.theme)) + "##theme";
    if (BarButton(theme_label.c_str(), "theme", state, report, focus)) {
        state.settings.theme = app::ThemeChoice((int(state.settings.theme) + 1) % 3);
    }
    ImGui::SameLine(0.0f, 8.0f);
    if (BarButton("A−", "smaller", state, report, focus) && state.settings.text_step > app::MinTextStep) {
        --state.settings.text_step;
    }
    ImGui::SameLine(0.0f, 2.0f);
    if (BarButton("A+", "larger", state, report, focus) && state.settings.text_step < app::MaxTextStep) {
        ++state.settings.text_step;
    }
    ImGui::PopFont();

    // Reading progress along the bar's lower edge.
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float max_scroll = app::MaxScroll(state.scroll);
    const float progress = max_scroll > 0.0f ? std::clamp(state.scroll.y / max_scroll, 0.0f, 1.0f) : 1.0f;
    list->AddLine(ImVec2(0.0f, ReaderBarHeight - 1.0f), ImVec2(vp.width, ReaderBarHeight - 1.0f), palette.card_border);
    list->AddRectFilled(ImVec2(0.0f, ReaderBarHeight - 3.0f), ImVec2(vp.width * progress, ReaderBarHeight),
                        palette.accent);
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(4);

}

} // namespace views

// The interface's controls, drawn in the theme's roles: typographic text buttons, quiet outlined pills and segmented
// controls, each with hover, pressed, focus and disabled states, each joining the keyboard focus ring and reported
// among the state's controls. Knows ImGui, the theme and the app state; nothing of where a control sits.
#pragma once

#include "app/app_state.h"
#include "views/focus.h"
#include "views/fonts.h"
#include "views/theme.h"

#include <span>
#include <string_view>

namespace views {

// What every control of one surface shares, for one frame.
struct Ui {
    app::AppState& state;
    app::FrameReport& report; // where the controls drawn this frame are reported
    FocusRing& focus;
    const Fonts& fonts;
    const Palette& palette;
    bool fixed = false;    // the controls stay put on screen (the bar, a popup) instead of scrolling with the essay
    ImGuiID group = 0;     // the focus group (a card's marker), for Esc
    float min_hit = 0.0f;  // the least hit size: ThemeMetrics.touch_target on phones, so a finger finds them
};

// A Text button's label sits this far inside its hit area, on either side.
inline constexpr float TextButtonPadding = 6.0f;

enum class ButtonLook : uint8_t {
    Text,       // a word in ink (or muted when `quiet`); hover underlines it
    Pill,       // a word in an outlined pill, ink on the paper
    AccentPill, // the same in the accent: the one call to action on a surface (jumps, "Back to the objection")
    Link,       // a word in the accent, as the cards' links are; hover underlines it (the ways to the key)
};

struct Button {
    std::string_view label;
    const char* kind;       // reported in FrameReport::controls
    std::string_view id {}; // reported with the kind; empty for the bar's controls
    ButtonLook look = ButtonLook::Text;
    FontRole font = Font_Ui;
    bool selected = false; // drawn pressed-in: an open menu's button
    bool disabled = false;
    bool quiet = false; // a Text button in the muted colour
    float width = 0.0f; // 0: fit the label, centred; else this wide, the label set flush left (menu rows)
};

// The size a button is drawn at (its hit area may be larger: Ui::min_hit).
ImVec2 ButtonSize(const Ui& ui, const Button& button, float height);
// Draws the button with its top-left at `at` (screen) and `height` tall; true when clicked or activated by keyboard.
bool DrawButton(Ui& ui, const Button& button, ImVec2 at, float height);

struct Segment {
    std::string_view label;
    const char* kind;
    std::string_view id {}; // reported with the kind; empty for the bar's controls
};
// The same widths without a Ui, for layouts computed before a frame (the figure's height): a Pill (or AccentPill)
// button's and a segmented control's.
float PillWidth(const Fonts& fonts, std::string_view label);
float SegmentedWidth(const Fonts& fonts, std::span<const Segment> segments);
// One choice among several, as a row of words whose chosen one is bold over an accent rule; `boxed`, as the figure's
// chips are, in one outline with the chosen one on a tint. Returns the segment chosen this frame, or -1.
int DrawSegmented(Ui& ui, std::span<const Segment> segments, int selected, ImVec2 at, float height, bool boxed = false);

// Registers an invisible control over [min, max] (screen): ImGui hit-testing, the focus ring and the report. Returns
// true when clicked or activated; `hovered` and `held` say how to draw it. `focus_id` names the control in the focus
// ring when the caller must refer to it (a marker, which Esc returns to); 0 derives one from kind and id.
bool Interact(Ui& ui, const char* kind, std::string_view id, ImVec2 min, ImVec2 max, bool& hovered, bool& held,
              ImGuiID focus_id = 0);
// The same for the pointer alone, with no stop in the focus ring: a second way to what another control does (a
// number beside the marker or title the keyboard reaches). Returns true when clicked.
bool PointerTarget(Ui& ui, const char* kind, std::string_view id, ImVec2 min, ImVec2 max, bool& hovered, bool& held);

// Adds a control to report.controls when it is on screen, and names it in report.focused_control ("kind:id", or
// "kind" without an id) when focused.
void ReportControl(app::FrameReport& report, const app::Viewport& viewport, const FocusRing& focus, ImGuiID focus_id,
                   const char* kind, std::string_view id, ImVec2 min, ImVec2 max);

// The mark beside a passage with objections: a small circle with their numbers (app::MarkerLabel), outlined at rest and
// ringed twice, OpenMarkerHalo px apart, while they are open. The reader bar's key draws the same mark to explain it.
// MarkerRadius is its size beside the column and in the keys; the label grows with a larger circle. A circle holds
// one or two digits; a longer label ("8,9") takes a capsule as tall as the circle, MarkerHalfWidth either side of
// `centre`.
constexpr float MarkerRadius = 9.0f;
constexpr float OpenMarkerHalo = 3.5f;
// The same numbers in the text after each marked passage, as a footnote's: Inter's semibold figures, raised, at four
// fifths of the interface's size (about 12.5 px beside 20 px text).
constexpr float ReferenceMarkScale = 0.8f;
// `rest` is its ring's and number's colour while closed and not pointed at: an objection's verdict's (VerdictColour),
// or 0 for the marker's grey.
void DrawMarkerGlyph(ImDrawList* list, const Fonts& fonts, const Palette& palette, ImVec2 centre, float radius,
                     std::string_view label, bool open, bool hovered, ImU32 rest = 0);
float MarkerHalfWidth(const Fonts& fonts, float radius, std::string_view label);

// Wrapped interface text `width` wide at `at`; returns its height.
float DrawWrappedUiText(ImDrawList* list, const Fonts& fonts, FontRole role, ImVec2 at, float width, ImU32 colour,
                        std::string_view text);
float WrappedUiTextHeight(const Fonts& fonts, FontRole role, float width, std::string_view text);

// Text of a font role at its laid-out size, with ImGui's atlas (for controls; prose goes through text_draw). Drawn at
// `scale` times that size, it measures UiTextSize times `scale`.
ImVec2 UiTextSize(const Fonts& fonts, FontRole role, std::string_view text);
void DrawUiText(ImDrawList* list, const Fonts& fonts, FontRole role, ImVec2 at, ImU32 colour, std::string_view text,
                float scale = 1.0f);

// Scales the alpha of every vertex `list` gained since it held `from` (its VtxBuffer.Size then) by `alpha`: fades what
// was drawn in between as one, without an alpha passed down to each draw. Within one channel of the list.
void FadeSince(ImDrawList* list, int from, float alpha);

} // namespace views

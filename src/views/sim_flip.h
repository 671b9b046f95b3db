// The figure's "When calls outlast the organizers" scale: the organizers' hours on relationships from 0 to 100%, one
// row per side and its aid rule, each with the side's share as a dot in its colour and the band where its calls keep
// half their turnout without its organizers (sim::FlipBands, measured by the claim figure-flips). Knows ImGui draw
// lists and the fonts; no lab, SDL or browser.
//
// Ownership: stateless; the caller says where, how wide and which shares to mark.
#pragma once

#include "app/app_state.h"
#include "views/fonts.h"

#include "imgui.h"

namespace views {

// Room the scale takes at `width`: heading, sentence, each row's label, axis and band edges, and the axis's label.
float FlipScaleHeight(const Fonts& fonts, float width);
// Draws it with its top-left at `at`; `shares` are the mobilized and the integrated organizers' relational_share.
void DrawFlipScale(ImDrawList* list, const Fonts& fonts, app::Theme theme, ImVec2 at, float width,
                   const double (&shares)[2]);

} // namespace views

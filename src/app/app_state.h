// Everything the reader sees and has chosen, as plain data: the document, scroll, viewport and reader settings.
// Knows no ImGui, SDL or browser; the platform layer owns one AppState for the program's lifetime.
#pragma once

#include "app/frame.h"
#include "app/objections.h"
#include "app/scroll.h"
#include "app/selection.h"
#include "app/settings.h"
#include "app/simulation.h"
#include "doc/document.h"

#include <cstdint>
#include <string>

namespace app {

enum class Theme : uint8_t { Light, Dark };

struct Viewport {
    float width = 0.0f;  // CSS px
    float height = 0.0f; // CSS px
    float dpr = 1.0f;    // device pixels per CSS px
};

// A place to scroll to as soon as the layout knows where it is: a section or block id, and where its top should sit,
// in CSS px below the viewport's top. Set by deep links and by the HTML page the canvas takes over from.
struct PendingAnchor {
    std::string id; // empty: nothing pending
    float offset = 0.0f;
    doc::ObjectionId card {}; // an open card beside the block that should end inside the window, where it fits
};

// Lasting state only: what a frame's input and the views' report carry lives in frame.h.
struct AppState {
    doc::Document document; // immutable after import
    Scroll scroll;
    PendingAnchor pending_anchor;
    std::string only_figure; // an embed of one figure (e.g. "simulation"): the view shows that figure alone
    bool jumped = false; // the reader jumped elsewhere (contents, a reply's passage): the arrival is a history entry
    Objections objections;
    std::string page_url;       // the page's address without its fragment, for "copy link"; empty natively
    Viewport viewport;
    ReaderSettings settings;    // the reader's choices, persisted by the platform
    Selection selection;        // text the reader selected with the pointer
    Search search;              // the in-essay search
    Theme theme = Theme::Light; // the theme in effect: settings.theme, or the host's preference under Auto
    bool reduced_motion = false;
    SimLab sim;
};

const char* ThemeName(Theme theme);
// The JSON object behind `window.essay.state()`: scrollY, contentHeight, viewport {width, height}, dpr, theme,
// objections (the switch), open (ids of open objections), hash (the canonical fragment of this place), controls
// (the interactive spots the last drawn frame reported), focus and sim (SimJson, plus "ensemble": the charts'
// ensemble progress, 0..1).
// The same JSON without "ensemble" goes to without_ensemble_progress if given: the platform compares that form to
// tell a change the views must show from the ensemble merely advancing, without building the JSON twice.
std::string StateJson(const AppState& state, const FrameReport& drawn,
                      std::string* without_ensemble_progress = nullptr);
// The JSON array behind `window.essay.objections()`: id, title, status, source and anchor of each, in order.
std::string ObjectionsJson(const doc::Document& document);
// The canonical fragment for where the reader is now (see location.h): reading_block is the block at the top of
// the viewport, as the last drawn frame reported it.
std::string CurrentFragment(const AppState& state, doc::BlockId reading_block);

} // namespace app

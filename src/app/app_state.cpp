// Serialises the reader-visible state for the page's inspection API; knows no browser, only JSON text.
#include "app/app_state.h"

#include "app/json.h"
#include "app/location.h"

#include <cstdio>

namespace app {

const char* ThemeName(Theme theme) { return theme == Theme::Dark ? "dark" : "light"; }

namespace {
const char* StatusName(doc::ObjectionStatus status) {
    switch (status) {
    case doc::ObjectionStatus::Answered: return "answered";
    case doc::ObjectionStatus::PartlyAnswered: return "partly";
    case doc::ObjectionStatus::Open: return "open";
    }
    return "";
}
} // namespace

std::string CurrentFragment(const AppState& state, doc::BlockId reading_block) {
    Location location;
    if (reading_block.valid() && state.scroll.y > 0.0f) {
        // A section's heading is named by the section, the shorter and more lasting link.
        const doc::Block& block = state.document.block(reading_block);
        const bool heading = block.section.valid() && state.document.section(block.section).heading == reading_block;
        location.at = heading ? state.document.section(block.section).id : block.id;
    }
    location.open = OpenList(state.objections);
    // While the figure plays, the link names the month, so the address changes at most once a simulated month.
    if (SimLinkWorthSharing(state.sim)) {
        location.sim = CurrentSimLink(state.sim);
        if (state.sim.playing)
            location.sim->week -= location.sim->week % 4;
    }
    return FormatLocation(location, state.document);
}

std::string StateJson(const AppState& state, const FrameReport& drawn, std::string* without_ensemble_progress) {
    char buffer[256];
    // Rounded to 0.01 px: enough for tests and publishers, and stable across frames with sub-pixel jitter.
    std::snprintf(buffer, sizeof buffer,
                  "{\"scrollY\":%.2f,\"contentHeight\":%.2f,\"viewport\":{\"width\":%.2f,\"height\":%.2f},"
                  "\"dpr\":%.3g,\"theme\":\"%s\",\"textStep\":%d,\"objections\":\"%s\",\"open\":[",
                  double(state.scroll.y), double(state.scroll.content_height), double(state.viewport.width),
                  double(state.viewport.height), double(state.viewport.dpr), ThemeName(state.theme),
                  state.settings.text_step, ObjectionsModeName(state.objections.mode));
    std::string out = buffer;
    bool first = true;
    for (doc::ObjectionId id : OpenList(state.objections)) {
        out += first ? "" : ",";
        AppendJsonString(out, state.document.objection(id).id);
        first = false;
    }
    out += "],\"hash\":";
    AppendJsonString(out, CurrentFragment(state, drawn.reading_block));
    out += ",\"controls\":[";
    bool first_control = true;
    for (const ControlSpot& c : drawn.controls) {
        if (c.kind == SimControlKind)
            continue; // the figure's own controls are listed under sim.controls
        out += first_control ? "{\"kind\":" : ",{\"kind\":";
        first_control = false;
        AppendJsonString(out, c.kind);
        out += ",\"id\":";
        AppendJsonString(out, c.id);
        std::snprintf(buffer, sizeof buffer, ",\"x\":%.1f,\"y\":%.1f,\"width\":%.1f,\"height\":%.1f}", double(c.x),
                      double(c.y), double(c.width), double(c.height));
        out += buffer;
    }
    out += "],\"focus\":";
    AppendJsonString(out, drawn.focused_control);
    if (state.search.open) {
        out += ",\"search\":{\"query\":";
        AppendJsonString(out, state.search.query);
        std::snprintf(buffer, sizeof buffer, ",\"matches\":%zu,\"current\":%zu}", state.search.matches.size(),
                      state.search.matches.empty() ? size_t(0) : state.search.current + 1);
        out += buffer;
    }
    // The simulation appears once it exists (the platform starts it on the first frame).
    if (state.sim.initialized)
        out += ",\"sim\":" + SimJson(state.sim, drawn);
    out += "}";
    if (without_ensemble_progress)
        *without_ensemble_progress = out;
    if (state.sim.initialized) {
        // Last in the sim object, which closes just before the document does.
        std::snprintf(buffer, sizeof buffer, ",\"ensemble\":%.3f,\"ensembleHash\":\"%s\"",
                      EnsembleProgress(state.sim), state.sim.ensemble_hash.c_str());
        out.insert(out.size() - 2, buffer);
    }
    return out;
}

std::string ObjectionsJson(const doc::Document& document) {
    std::string out = "[";
    for (size_t i = 0; i < document.objections.size(); ++i) {
        const doc::Objection& o = document.objections[i];
        out += i ? ",{\"id\":" : "{\"id\":";
        AppendJsonString(out, o.id);
        out += ",\"title\":";
        AppendJsonString(out, o.title);
        out += ",\"status\":";
        AppendJsonString(out, StatusName(o.status));
        out += ",\"source\":";
        AppendJsonString(out, o.source == doc::ObjectionSource::QuotedInEssay ? "essay" : "comment");
        out += ",\"anchor\":";
        AppendJsonString(out, document.block(o.anchor.block).id);
        out += ",\"passage\":";
        AppendJsonString(out, document.PassageText(o.anchor));
        out += "}";
    }
    return out + "]";
}

} // namespace app

// Applies fragments and API commands to the reader's state; pure string handling, no browser.
#include "app/navigation.h"

namespace app {

namespace {
// Where a passage's block should sit: a third of the way down, so the reader sees what leads up to it (the view
// raises it when the card beside it would run past the window's bottom: PendingAnchor::card).
constexpr float PassageViewportFraction = 0.3f;

void GoToObjection(AppState& state, doc::ObjectionId id) {
    const doc::Objection& o = state.document.objection(id);
    state.pending_anchor = {state.document.block(o.anchor.block).id,
                            state.viewport.height * PassageViewportFraction, id};
}
} // namespace

void ApplyLocation(AppState& state, const Location& location) {
    Objections& o = state.objections;
    for (uint8_t& flag : o.open)
        flag = 0;
    for (doc::ObjectionId id : location.open)
        SetOpen(o, id, true);
    if (!location.open.empty() && o.mode == ObjectionsMode::Hidden)
        o.mode = ObjectionsMode::Markers;
    if (location.sim)
        ApplySimLink(state.sim, *location.sim);
    if (!location.at.empty())
        state.pending_anchor = {location.at, 0.0f};
    else if (!location.open.empty())
        GoToObjection(state, location.open.front());
    else if (location.sim)
        state.pending_anchor = {"simulation", 0.0f}; // a link to the figure's state brings the figure into view
}

void ShowObjection(AppState& state, doc::ObjectionId id) {
    SetOpen(state.objections, id, true);
    if (state.objections.mode == ObjectionsMode::Hidden)
        state.objections.mode = ObjectionsMode::Markers;
    GoToObjection(state, id);
}

doc::ObjectionId NeighborObjection(const doc::Document& document, doc::ObjectionId from, int step) {
    const int64_t to = int64_t(from.index) + step;
    if (!from.valid() || to < 0 || to >= int64_t(document.objections.size()))
        return {};
    return doc::ObjectionId{uint32_t(to)};
}

doc::ObjectionId StepObjection(AppState& state, doc::ObjectionId from, int step) {
    const doc::ObjectionId to = NeighborObjection(state.document, from, step);
    if (!to.valid())
        return to;
    if (state.objections.mode != ObjectionsMode::AllOpen)
        CloseObjection(state.objections, from);
    ShowObjection(state, to);
    return to;
}

bool ApplyCommand(AppState& state, std::string_view command) {
    const size_t space = command.find(' ');
    if (space == std::string_view::npos)
        return false;
    const std::string_view verb = command.substr(0, space), argument = command.substr(space + 1);
    if (verb == "open" || verb == "close") {
        const doc::ObjectionId id = state.document.FindObjection(argument);
        if (!id.valid())
            return false;
        if (verb == "close") {
            CloseObjection(state.objections, id);
        } else {
            ShowObjection(state, id);
        }
        return true;
    }
    if (verb == "goto") {
        const std::optional<Location> location = ParseLocation(argument, state.document);
        if (!location || (location->at.empty() && location->open.empty()))
            return false;
        if (location->at.empty()) {
            // goto an objection: open it (keeping others) and go to its passage.
            for (doc::ObjectionId id : location->open)
                SetOpen(state.objections, id, true);
            GoToObjection(state, location->open.front());
        } else {
            state.pending_anchor = {location->at, 0.0f};
        }
        return true;
    }
    return false;
}

} // namespace app

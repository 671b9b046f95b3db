// Moving the reader: applying a URL fragment or a JS API command to the app state. Knows the Document and the
// reader's state; nothing of the browser, which only hands over the strings.
#pragma once

#include "app/app_state.h"
#include "app/location.h"

#include <string_view>

namespace app {

// Opens exactly the location's objections and goes to its place; when it names no place but opens objections, goes
// to the first one's passage. Shows objections if they were hidden, since the link asks for them.
void ApplyLocation(AppState& state, const Location& location);

// Opens the objection (others stay open), shows objections if they were hidden, and goes to its passage.
void ShowObjection(AppState& state, doc::ObjectionId id);

// The objection `step` places after `from` in reading order (-1: the one before), or an invalid id past either end.
doc::ObjectionId NeighborObjection(const doc::Document& document, doc::ObjectionId from, int step);

// A card's "Next" or "Previous": goes to that objection and opens it. With the cards shown as marks, `from` closes,
// so the reader moves along them one at a time; with every card open, all stay open. Returns the objection gone to;
// past either end, does nothing and returns an invalid id.
doc::ObjectionId StepObjection(AppState& state, doc::ObjectionId from, int step);

// One command of the page's JS API: "open <id>", "close <id>" or "goto <fragment-or-id>". Returns false, leaving
// the state untouched, when it is malformed or names nothing in the Document.
bool ApplyCommand(AppState& state, std::string_view command);

} // namespace app

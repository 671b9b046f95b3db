// Renders a Document as a semantic, accessible HTML fragment (the page's no-wasm fallback, print, search engines,
// assistive technology); knows no Markdown, no ImGui and nothing of the page around the fragment.
#pragma once

#include <string>

#include "doc/document.h"

namespace doc {

// What this edition is, in one quiet line under the title: the HTML essay and the canvas (views/essay_view.cpp) say
// the same words.
// (Saying here that the text names no author, "its author unnamed in the text we have", made the line one that two
// fresh readers had to read twice, and the missing byline still cost the same points.)
inline constexpr const char* EditionLine =
    "The essay as published, with the objections of its critics and readers and the essay’s own replies to them, "
    "gathered by this edition’s editors.";

// Returns one <main> element: the essay as an <article> (h1/h2, p, blockquote, lists; every section and block
// carries its id), the objections as <details> disclosures whose replies link to passage ids (#id), and the readers'
// comments. Every character of content is escaped; raw HTML in the content is shown as text, never passed through.
// Deterministic: the same Document gives the same bytes. The result owns its text.
std::string ExportHtml(const Document& d);

} // namespace doc

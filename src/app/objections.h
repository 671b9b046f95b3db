// Which objections the reader has open, how objections are shown, and the way back from a reply's passage.
// Knows the Document's ids; nothing of ImGui or the browser. Plain data, owned by AppState.
#pragma once

#include "doc/document.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace app {

// The reader's global switch.
enum class ObjectionsMode : uint8_t { Hidden, Markers, AllOpen };
const char* ObjectionsModeName(ObjectionsMode mode);

struct Objections {
    ObjectionsMode mode = ObjectionsMode::Markers;
    std::vector<uint8_t> open; // one flag per doc::ObjectionId; sized by Reset()
    // After "jump to passage": where the reader was, so the card can offer the way back. Valid while `back_from`
    // is valid; cleared when used or when the reader opens or closes another objection.
    doc::ObjectionId back_from;
    float back_scroll_y = 0.0f;
    bool back_to_comment = false; // the jump came from a reader's words in their comment, not from the card
};

void ResetObjections(Objections& o, const doc::Document& document);
bool IsOpen(const Objections& o, doc::ObjectionId id);
// True when the objection's card is shown: open, or everything open; never when objections are hidden.
bool IsShown(const Objections& o, doc::ObjectionId id);
void SetOpen(Objections& o, doc::ObjectionId id, bool open);
// The reader closes one card, by any means (a click, the keyboard, the HTML disclosure, essay.close): under "all
// open" that means every other card stays open and this one closes, so the switch becomes "markers" with all the
// others open. The one rule for closing, so every way of closing behaves the same.
void CloseObjection(Objections& o, doc::ObjectionId id);
// A marker shared by several objections: opens them all when none is shown, otherwise closes them all (as above).
void ToggleObjections(Objections& o, const std::vector<doc::ObjectionId>& ids);
std::vector<doc::ObjectionId> OpenList(const Objections& o);
// Whether the reader has opened any card (whatever the switch shows): OpenList's answer without building the list,
// for a question asked every frame.
bool AnyOpen(const Objections& o);

// Objections that share one anchored passage share one marker. Groups are in reading order; each lists its
// objections in document order.
struct MarkerGroup {
    doc::Passage anchor;
    std::vector<doc::ObjectionId> objections;
};
std::vector<MarkerGroup> GroupMarkers(const doc::Document& document);
// A group's objections by the numbers their cards give them ("Objection 4 of 14" is "4"), as the first-visit hint
// names its mark: "4", or where a passage holds more than one, "8,9" (its marker stacks them, one circle each). As a
// count ("1" beside "Objection 4 of 14" in the margin) it read as the objection's number to all three of stop 52's
// fresh readers.
std::string MarkerLabel(const MarkerGroup& group);

// An objection's number as its card gives it, "Objection 4 of 14". `whose` says whose it is, as the margin's titles
// do: "Objection 6 of 14, from a reader", or for one the essay quotes from its critics, "Objection 2 of 14, from a
// critic" ("…, from the critics" where the essay quotes several: "from a critic" over "Raised by two critics" read
// as a contradiction to two of stop 64's fresh readers), in the form a comment's peek has ("Objection 13 of 14, from
// this comment"): "A critic's objection, 12 of 14" beside "Objection 13 of 14, from this comment" and a phone's
// "From the critics:" read as labels for different things to two of stop 65's fresh readers.
// A reader's objection is marked at the essay's passage it challenges, often where the essay answers it, and its title
// beside the essay's words read as those words to five of stop 57's fresh readers (an objection the essay quotes is
// marked at its own words); with only the readers' named, two of stop 58's asked for the critics' to be too.
std::string ObjectionNumber(const doc::Document& document, doc::ObjectionId id, bool whose = false);
// Whose an objection is, as the list of all of them says it: "the critics" or "a critic", as ObjectionNumber says it,
// or for a reader's, the comment it is quoted from, "comment 1". With "a reader" on ten of the list's fourteen rows,
// beside the contents' "2 comments", all three of stop 70's last fresh readers took them for ten readers, or had to
// work out that one comment gave many. ObjectionNumber keeps "a reader": in a margin's title, "from comment 1" took
// objection 11's a line more, and objection 12's no longer fitted above card 13.
std::string ObjectionWhose(const doc::Document& document, const doc::Objection& objection);

// Where a passage's reference mark goes in its block's text, as a footnote's number does: after its last word and
// any closing punctuation that follows it (quotes, brackets, stops), never before a space. A byte offset in `text`,
// at most its size.
uint32_t ReferenceMarkAt(std::string_view text, const doc::Passage& passage);
// The words a passage's marks span in `text` (its underline, its tint, its marker's line): the passage, with the
// opening quotation mark right before it and, as its reference mark, the closing marks after it. Quoted words marked
// without their opening quote had their closing one inside the tint and the opening one outside it, to two of stop
// 59's fresh readers.
doc::Passage MarkedSpan(std::string_view text, const doc::Passage& passage);

// The way from one block to another, as a card's link to a reply reads: how far, so that each link in a card says
// something of its own ("5 paragraphs down in this section ↓"; a fresh reader found "read in context" three times in
// one card). Blocks of the same section count as paragraphs (a quotation or a list item is one too); a block in
// another section is named by its section ("in “Conclusion” ↓"). `brief` leaves out "in this section", for a card
// too narrow to hold the count on one line.
std::string WayToPassage(const doc::Document& document, doc::BlockId from, doc::BlockId to, bool brief = false);

} // namespace app

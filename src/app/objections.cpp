// The open/closed state of objections and their grouping into passage markers; no ImGui, no browser.
#include "app/objections.h"

#include <algorithm>

namespace app {

const char* ObjectionsModeName(ObjectionsMode mode) {
    switch (mode) {
    case ObjectionsMode::Hidden: return "hidden";
    case ObjectionsMode::AllOpen: return "all";
    case ObjectionsMode::Markers: break;
    }
    return "markers";
}

void ResetObjections(Objections& o, const doc::Document& document) {
    o.open.assign(document.objections.size(), 0);
    o.back_from = {};
}

bool IsOpen(const Objections& o, doc::ObjectionId id) { return id.index < o.open.size() && o.open[id.index] != 0; }

bool IsShown(const Objections& o, doc::ObjectionId id) {
    if (o.mode == ObjectionsMode::Hidden || id.index >= o.open.size())
        return false;
    return o.mode == ObjectionsMode::AllOpen || o.open[id.index] != 0;
}

void SetOpen(Objections& o, doc::ObjectionId id, bool open) {
    if (id.index >= o.open.size())
        return;
    o.open[id.index] = open ? 1 : 0;
    o.back_from = {};
}

namespace {
// Leaving "all open" keeps what the reader sees: every card stays open until one is closed.
void LeaveAllOpen(Objections& o) {
    if (o.mode != ObjectionsMode::AllOpen)
        return;
    o.mode = ObjectionsMode::Markers;
    for (uint8_t& flag : o.open)
        flag = 1;
}
} // namespace

void CloseObjection(Objections& o, doc::ObjectionId id) {
    if (id.index >= o.open.size())
        return;
    LeaveAllOpen(o);
    SetOpen(o, id, false);
}

void ToggleObjections(Objections& o, const std::vector<doc::ObjectionId>& ids) {
    bool any_shown = false;
    for (doc::ObjectionId id : ids)
        any_shown = any_shown || IsShown(o, id);
    if (any_shown) {
        for (doc::ObjectionId id : ids)
            CloseObjection(o, id);
        return;
    }
    for (doc::ObjectionId id : ids)
        SetOpen(o, id, true);
}

std::vector<doc::ObjectionId> OpenList(const Objections& o) {
    std::vector<doc::ObjectionId> list;
    for (uint32_t i = 0; i < o.open.size(); ++i)
        if (o.open[i])
            list.push_back(doc::ObjectionId{i});
    return list;
}

bool AnyOpen(const Objections& o) {
    return std::any_of(o.open.begin(), o.open.end(), [](uint8_t open) { return open != 0; });
}

std::vector<MarkerGroup> GroupMarkers(const doc::Document& document) {
    std::vector<MarkerGroup> groups;
    for (uint32_t i = 0; i < document.objections.size(); ++i) {
        const doc::Passage& a = document.objections[i].anchor;
        MarkerGroup* group = nullptr;
        for (MarkerGroup& g : groups)
            if (g.anchor.block == a.block && g.anchor.begin == a.begin && g.anchor.end == a.end)
                group = &g;
        if (group == nullptr)
            group = &groups.emplace_back(MarkerGroup{a, {}});
        group->objections.push_back(doc::ObjectionId{i});
    }
    // Objections come in anchor order, but two with one passage may be apart; keep groups in reading order.
    std::stable_sort(groups.begin(), groups.end(), [](const MarkerGroup& x, const MarkerGroup& y) {
        return x.anchor.block.index != y.anchor.block.index ? x.anchor.block.index < y.anchor.block.index
                                                            : x.anchor.begin < y.anchor.begin;
    });
    return groups;
}

std::string MarkerLabel(const MarkerGroup& group) {
    std::string label;
    for (const doc::ObjectionId id : group.objections)
        label += (label.empty() ? "" : ",") + std::to_string(id.index + 1);
    return label;
}

uint32_t ReferenceMarkAt(std::string_view text, const doc::Passage& passage) {
    size_t at = std::min<size_t>(passage.end, text.size());
    while (at > passage.begin && (text[at - 1] == ' ' || text[at - 1] == '\n' || text[at - 1] == '\t'))
        --at;
    // Closing marks in the seed's UTF-8: right quotes, the ellipsis and the closing guillemet.
    static constexpr std::string_view Closing[] = {".", ",", ";", ":", "!", "?", ")", "]", "\"", "'",
                                                   "\u201D", "\u2019", "\u2026", "\u00BB"};
    for (bool more = true; more;) {
        more = false;
        for (const std::string_view mark : Closing)
            if (text.substr(at).starts_with(mark)) {
                at += mark.size();
                more = true;
                break;
            }
    }
    return static_cast<uint32_t>(at);
}

doc::Passage MarkedSpan(std::string_view text, const doc::Passage& passage) {
    doc::Passage span = passage;
    const size_t begin = std::min<size_t>(passage.begin, text.size());
    static constexpr std::string_view Opening[] = {"\"", "'", "\u201C", "\u2018", "\u00AB"};
    for (const std::string_view mark : Opening)
        if (begin >= mark.size() && text.substr(begin - mark.size(), mark.size()) == mark) {
            span.begin = static_cast<uint32_t>(begin - mark.size());
            break;
        }
    span.end = ReferenceMarkAt(text, passage);
    return span;
}

std::string ObjectionNumber(const doc::Document& d, doc::ObjectionId id, bool whose) {
    const std::string n = std::to_string(id.index + 1) + " of " + std::to_string(d.objections.size());
    if (!whose)
        return "Objection " + n;
    const doc::Objection& o = d.objection(id);
    return "Objection " + n + ", from " +
           (o.source == doc::ObjectionSource::ReaderComment ? std::string("a reader") : ObjectionWhose(d, o));
}

std::string ObjectionWhose(const doc::Document& d, const doc::Objection& o) {
    if (o.source == doc::ObjectionSource::ReaderComment)
        return "comment " + std::to_string(d.block(o.quote.block).comment.index + 1);
    return o.several_critics ? "the critics" : "a critic";
}

std::string WayToPassage(const doc::Document& d, doc::BlockId from, doc::BlockId to, bool brief) {
    const bool down = to.index > from.index;
    const char* arrow = down ? "\u00A0↓" : "\u00A0↑"; // tied to the last word, never alone on a line
    const doc::SectionId section = d.block(to).section;
    if (section != d.block(from).section) {
        const std::string& title = d.section(section).title;
        return (title.empty() ? std::string("in the opening") : "in “" + title + "”") + arrow;
    }
    // A section's heading is its first block, so between two blocks of one section there are only paragraphs.
    const uint32_t paragraphs = down ? to.index - from.index : from.index - to.index;
    if (paragraphs == 0)
        return "in this paragraph";
    if (paragraphs == 1)
        return std::string(down ? "the next paragraph" : "the paragraph before") + arrow;
    // Says it stays in this section: a bare count left four fresh readers of stop 42 unsure whether the reply was
    // still in it. Brief where that would wrap: on two lines under every reply, a 320 px card's links read as clutter
    // to two of stop 51's fresh readers.
    return std::to_string(paragraphs) + (down ? " paragraphs down" : " paragraphs up") +
           (brief ? "" : " in this section") + arrow;
}

} // namespace app

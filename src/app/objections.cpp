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

std::vector<doc::ObjectionId> OpenList(const Objections& o) {
    std::vector<doc::ObjectionId> list;
    for (uint32_t i = 0; i < o.open.size(); ++i)
        if (o.open[i])
            list.push_back(doc::ObjectionId{i});
    return list;
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

} // namespace app

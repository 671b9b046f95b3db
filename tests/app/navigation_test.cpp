// Tests of applying fragments and JS API commands to the reader's state.
#include "app/navigation.h"

#include "../doc/content_files.h"

#include <catch2/catch.hpp>

namespace {
app::AppState Fresh() {
    static const doc::Document document = doc::ImportDocument(doc_test::ReadAssets()).document;
    app::AppState state;
    state.document = document;
    app::ResetObjections(state.objections, state.document);
    state.viewport = {1280.0f, 800.0f, 1.0f};
    return state;
}
std::vector<std::string> Open(const app::AppState& s) {
    std::vector<std::string> ids;
    for (doc::ObjectionId id : app::OpenList(s.objections))
        ids.push_back(s.document.objection(id).id);
    return ids;
}
} // namespace

TEST_CASE("a fragment opens exactly its objections and goes to its place", "[navigation]") {
    app::AppState s = Fresh();
    app::SetOpen(s.objections, s.document.FindObjection("too-many-bonds"), true);
    app::ApplyLocation(s, *app::ParseLocation("#at=conclusion&open=only-one-step", s.document));
    CHECK(Open(s) == std::vector<std::string>{"only-one-step"});
    CHECK(s.pending_anchor.id == "conclusion");

    SECTION("an objection alone goes to its passage, and shows hidden objections") {
        s.objections.mode = app::ObjectionsMode::Hidden;
        app::ApplyLocation(s, *app::ParseLocation("#we-are-doing-mutual-aid", s.document));
        const doc::Objection& o = s.document.objection(s.document.FindObjection("we-are-doing-mutual-aid"));
        CHECK(s.pending_anchor.id == s.document.block(o.anchor.block).id);
        CHECK(s.pending_anchor.offset == Approx(240.0f));
        CHECK(s.objections.mode == app::ObjectionsMode::Markers);
    }
    SECTION("an empty fragment closes everything and leaves the place alone") {
        s.pending_anchor = {};
        app::ApplyLocation(s, app::Location{});
        CHECK(Open(s).empty());
        CHECK(s.pending_anchor.id.empty());
    }
}

TEST_CASE("API commands open, close and go", "[navigation]") {
    app::AppState s = Fresh();
    CHECK(app::ApplyCommand(s, "open too-many-bonds"));
    CHECK(app::ApplyCommand(s, "open only-one-step"));
    CHECK(Open(s) == std::vector<std::string>{"only-one-step", "too-many-bonds"});
    CHECK(app::ApplyCommand(s, "close too-many-bonds"));
    CHECK(Open(s) == std::vector<std::string>{"only-one-step"});
    CHECK(app::ApplyCommand(s, "goto #conclusion"));
    CHECK(s.pending_anchor.id == "conclusion");
    CHECK(app::ApplyCommand(s, "goto circular-logic-p3"));
    CHECK(s.pending_anchor.id == "circular-logic-p3");
    CHECK(app::ApplyCommand(s, "goto struggle-builds-integration"));
    CHECK(Open(s) == std::vector<std::string>{"only-one-step", "struggle-builds-integration"});
}

TEST_CASE("bad commands change nothing", "[navigation]") {
    app::AppState s = Fresh();
    const app::AppState before = s;
    const std::string command = GENERATE(std::string(""), std::string("open"), std::string("open no-such-id"),
                                         std::string("close <script>"), std::string("fly only-one-step"),
                                         std::string("goto #at=Nope"), std::string("goto no-such-place"),
                                         std::string("goto "), std::string(5000, 'x'));
    CAPTURE(command);
    CHECK_FALSE(app::ApplyCommand(s, command));
    CHECK(s.objections.open == before.objections.open);
    CHECK(s.pending_anchor.id.empty());
}

TEST_CASE("closing one card under all open closes that card only, whichever way it is closed", "[navigation]") {
    app::AppState state = Fresh();
    state.objections.mode = app::ObjectionsMode::AllOpen;
    const doc::ObjectionId closed = state.document.FindObjection("only-one-step");
    const doc::ObjectionId other = state.document.FindObjection("too-many-bonds");
    // The page API (essay.close) and the canvas (a marker's toggle, a card's close button) share one rule.
    SECTION("essay.close") { REQUIRE(app::ApplyCommand(state, "close only-one-step")); }
    SECTION("a card's close button or Esc") { app::CloseObjection(state.objections, closed); }
    SECTION("the marker") { app::ToggleObjections(state.objections, {closed}); }
    CHECK_FALSE(app::IsShown(state.objections, closed));
    CHECK(app::IsShown(state.objections, other));
    CHECK(state.objections.mode == app::ObjectionsMode::Markers);
    const std::vector<doc::ObjectionId> open = app::OpenList(state.objections);
    CHECK(open.size() == state.document.objections.size() - 1);
}

TEST_CASE("a card's Next and Previous move along the objections in reading order", "[navigation]") {
    app::AppState s = Fresh();
    const size_t count = s.document.objections.size();
    REQUIRE(count >= 3);
    const doc::ObjectionId first{0}, second{1}, last{uint32_t(count - 1)};
    CHECK(app::NeighborObjection(s.document, first, 1) == second);
    CHECK(app::NeighborObjection(s.document, second, -1) == first);
    CHECK_FALSE(app::NeighborObjection(s.document, first, -1).valid());
    CHECK_FALSE(app::NeighborObjection(s.document, last, 1).valid());
    CHECK_FALSE(app::NeighborObjection(s.document, doc::ObjectionId{}, 1).valid());
    // Reading order is the anchors' order in the essay: each next one is marked no earlier than the one before.
    for (uint32_t o = 1; o < count; ++o)
        CHECK(s.document.objection(doc::ObjectionId{o - 1}).anchor.block.index <=
              s.document.objection(doc::ObjectionId{o}).anchor.block.index);

    SECTION("as marks, the card moves on: the next opens and goes into view, this one closes") {
        app::ShowObjection(s, first);
        CHECK(app::StepObjection(s, first, 1) == second);
        CHECK(Open(s) == std::vector<std::string>{s.document.objection(second).id});
        CHECK(s.pending_anchor.id == s.document.block(s.document.objection(second).anchor.block).id);
        CHECK(s.pending_anchor.card == second);
        CHECK(s.objections.mode == app::ObjectionsMode::Markers);
        app::StepObjection(s, second, -1);
        CHECK(Open(s) == std::vector<std::string>{s.document.objection(first).id});
    }
    SECTION("with every card open, all stay open and the reader goes to the next") {
        s.objections.mode = app::ObjectionsMode::AllOpen;
        app::StepObjection(s, first, 1);
        CHECK(s.objections.mode == app::ObjectionsMode::AllOpen);
        CHECK(app::IsShown(s.objections, first));
        CHECK(s.pending_anchor.card == second);
    }
    SECTION("past either end nothing changes") {
        app::ShowObjection(s, last);
        s.pending_anchor = {};
        CHECK_FALSE(app::StepObjection(s, last, 1).valid());
        CHECK(Open(s) == std::vector<std::string>{s.document.objection(last).id});
        CHECK(s.pending_anchor.id.empty());
    }
}

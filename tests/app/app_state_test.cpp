// Tests of the inspection JSON that tests and publishers read through window.essay.state() and essay.objections().
#include "app/app_state.h"

#include "../doc/content_files.h"

#include <catch2/catch.hpp>

TEST_CASE("state JSON carries scroll, extent, viewport, density and theme", "[app]") {
    app::AppState state;
    app::SetExtent(state.scroll, 9000.0f, 700.0f);
    app::ScrollTo(state.scroll, 1234.5f, false);
    state.viewport = {1280.0f, 700.0f, 2.0f};
    state.theme = app::Theme::Dark;
    CHECK(app::StateJson(state, app::FrameReport{}) == "{\"scrollY\":1234.50,\"contentHeight\":9000.00,"
                                   "\"viewport\":{\"width\":1280.00,\"height\":700.00},\"dpr\":2,\"theme\":\"dark\",\"textStep\":0,"
                                   "\"objections\":\"markers\",\"open\":[],\"hash\":\"\",\"controls\":[],\"focus\":\"\"}");
    state.theme = app::Theme::Light;
    state.viewport.dpr = 1.25f;
    CHECK(app::StateJson(state, app::FrameReport{}).find("\"dpr\":1.25,\"theme\":\"light\",\"textStep\":0,") != std::string::npos);
}

TEST_CASE("state JSON lists the open objections and the fragment of this place", "[app]") {
    app::AppState state;
    state.document = doc::ImportDocument(doc_test::ReadAssets()).document;
    app::ResetObjections(state.objections, state.document);
    app::SetOpen(state.objections, state.document.FindObjection("too-many-bonds"), true);
    app::SetOpen(state.objections, state.document.FindObjection("only-one-step"), true);
    app::SetExtent(state.scroll, 9000.0f, 700.0f);
    app::ScrollTo(state.scroll, 500.0f, false);
    app::FrameReport drawn;
    drawn.reading_block = state.document.FindBlock("circular-logic-p2");
    state.objections.mode = app::ObjectionsMode::AllOpen;
    const std::string json = app::StateJson(state, drawn);
    CHECK(json.find("\"objections\":\"all\",\"open\":[\"only-one-step\",\"too-many-bonds\"],"
                    "\"hash\":\"#at=circular-logic-p2&open=only-one-step,too-many-bonds\",") != std::string::npos);
    drawn.controls.push_back({"marker", "only-one-step", 10.0f, 20.5f, 24.0f, 24.0f});
    drawn.controls.push_back({app::SimControlKind, "play", 1.0f, 2.0f, 3.0f, 4.0f}); // listed under sim only
    drawn.focused_control = "marker:only-one-step";
    CHECK(app::StateJson(state, drawn).find("\"controls\":[{\"kind\":\"marker\",\"id\":\"only-one-step\",\"x\":10.0,"
                                     "\"y\":20.5,\"width\":24.0,\"height\":24.0}],\"focus\":\"marker:only-one-step\"")
          != std::string::npos);
}

TEST_CASE("objections JSON lists every objection with its anchor, and escapes text", "[app]") {
    doc::Document d = doc::ImportDocument(doc_test::ReadAssets()).document;
    const std::string json = app::ObjectionsJson(d);
    for (const doc::Objection& o : d.objections)
        CHECK(json.find("{\"id\":\"" + o.id + "\"") != std::string::npos);
    CHECK(json.find("\"status\":\"open\"") != std::string::npos);
    d.objections.front().title = "a \"quoted\"\nline\\";
    CHECK(app::ObjectionsJson(d).find("\"title\":\"a \\\"quoted\\\"\\nline\\\\\"") != std::string::npos);
}

TEST_CASE("the ensemble's progress and hash are published in sim, and left out of the form the platform compares", "[app]") {
    app::AppState state;
    app::EnsureSim(state.sim);
    std::string shown;
    const std::string json = app::StateJson(state, app::FrameReport{}, &shown);
    const std::string field = ",\"ensemble\":0.000,\"ensembleHash\":\"\""; // no hash before the bands are done
    REQUIRE(json.size() > field.size() + 2);
    CHECK(json.substr(json.size() - field.size() - 2) == field + "}}"); // last in the sim object
    std::string stripped = json;
    stripped.erase(json.size() - field.size() - 2, field.size());
    CHECK(stripped == shown);

    // The ensemble advancing changes what is published, not the form that asks for a redraw.
    state.sim.ensemble_wanted = true;
    REQUIRE(app::AdvanceEnsembles(state.sim, 40));
    std::string shown_later;
    const std::string later = app::StateJson(state, app::FrameReport{}, &shown_later);
    CHECK(later != json);
    CHECK(shown_later == shown);
}

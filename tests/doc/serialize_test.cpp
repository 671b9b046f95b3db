// Tests of the packed Document: an exact round trip of the real essay, and damaged bytes refused without a crash.
#include "doc/serialize.h"

#include "content_files.h"
#include "doc/markdown_import.h"

#include <catch2/catch.hpp>

#include <random>

namespace {
const doc::Document& Essay() {
    static const doc::Document document = doc::ImportDocument(doc_test::ReadAssets()).document;
    return document;
}
} // namespace

TEST_CASE("packing and unpacking the essay gives the same Document") {
    const std::string bytes = doc::SerializeDocument(Essay());
    doc::Document back;
    std::string error;
    REQUIRE(doc::DeserializeDocument(bytes, back, error));
    CHECK(error.empty());
    CHECK(back == Essay());
    CHECK(doc::SerializeDocument(back) == bytes);
    // Smaller than the Markdown it came from would be a bonus; it must at least not balloon.
    size_t markdown = 0;
    for (const doc::ContentFile& f : doc_test::ReadAssets())
        markdown += f.text.size();
    CHECK(bytes.size() < markdown * 2);
}

TEST_CASE("every truncation of the packed essay is refused") {
    const std::string bytes = doc::SerializeDocument(Essay());
    for (size_t n = 0; n < bytes.size(); n += 1 + n / 64) {
        doc::Document back;
        std::string error;
        CAPTURE(n);
        CHECK_FALSE(doc::DeserializeDocument(std::string_view(bytes).substr(0, n), back, error));
        CHECK_FALSE(error.empty());
    }
}

TEST_CASE("damaged bytes never crash, and what unpacks is consistent") {
    const std::string bytes = doc::SerializeDocument(Essay());
    const uint32_t seed = GENERATE(take(100, random(1u, 4000000000u)));
    CAPTURE(seed);
    std::mt19937 rng(seed);
    std::string damaged = bytes;
    const int flips = 1 + int(rng() % 8);
    for (int i = 0; i < flips; ++i)
        damaged[rng() % damaged.size()] = char(rng());
    doc::Document back;
    std::string error;
    if (doc::DeserializeDocument(damaged, back, error)) {
        for (const doc::Objection& o : back.objections) {
            REQUIRE(o.anchor.block.index < back.blocks.size());
            CHECK(back.PassageText(o.anchor).size() == o.anchor.end - o.anchor.begin);
        }
    } else {
        CHECK_FALSE(error.empty());
    }
}

TEST_CASE("other input is named for what it is") {
    doc::Document back;
    std::string error;
    CHECK_FALSE(doc::DeserializeDocument("# Solidarity vs. Sorting\n", back, error));
    CHECK(error == "not a packed essay document");
    CHECK_FALSE(doc::DeserializeDocument(std::string("ESSAYDOC") + char(9), back, error));
    CHECK(error == "a packed document of another version");
}

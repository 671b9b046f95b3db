// Fuzz entry for the packed Document the app unpacks at start: any bytes either unpack into a Document whose ids and
// passages all lie inside it, or are refused with a reason; and what unpacks survives a second round trip unchanged.
#include <string>
#include <string_view>

#include "doc/serialize.h"
#include "fuzz/targets.h"

namespace essay_fuzz {

int FuzzPackedDocument(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    doc::Document document;
    std::string error;
    if (!doc::DeserializeDocument(bytes, document, error)) {
        FuzzCheck(!error.empty(), "a refused document says why");
        return 0;
    }
    for (const doc::Objection& o : document.objections) {
        FuzzCheck(o.anchor.block.index < document.blocks.size(), "anchors lie inside the document");
        FuzzCheck(document.PassageText(o.anchor).size() == o.anchor.end - o.anchor.begin, "anchors lie inside text");
        for (const doc::Reply& r : o.replies)
            FuzzCheck(r.passage.end <= document.block(r.passage.block).text.size(), "replies lie inside text");
    }
    doc::Document again;
    FuzzCheck(doc::DeserializeDocument(doc::SerializeDocument(document), again, error) && again == document,
              "an unpacked document round-trips");
    return 0;
}

}  // namespace essay_fuzz

// Lookups of a Document's elements by their string ids; knows nothing of how the Document was built.
#include "doc/document.h"

namespace doc {
namespace {

template <typename Id, typename Element>
Id FindById(const std::vector<Element>& elements, std::string_view id) {
    for (size_t i = 0; i < elements.size(); ++i) {
        if (elements[i].id == id) return Id{static_cast<uint32_t>(i)};
    }
    return Id{};
}

} // namespace

SectionId Document::FindSection(std::string_view id) const { return FindById<SectionId>(sections, id); }
BlockId Document::FindBlock(std::string_view id) const { return FindById<BlockId>(blocks, id); }
ObjectionId Document::FindObjection(std::string_view id) const { return FindById<ObjectionId>(objections, id); }
CommentId Document::FindComment(std::string_view id) const { return FindById<CommentId>(comments, id); }

} // namespace doc

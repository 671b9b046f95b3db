// The content files compiled into the app (generated from assets/content/*.md by cmake/EmbedContent.cmake).
// Static data for the program's lifetime; knows nothing of their format.
#pragma once

#include <cstddef>

namespace platform {

struct EmbeddedText {
    const char* name; // the path errors print, e.g. "assets/content/essay.md"
    const char* data;
    size_t size;
};

extern const EmbeddedText kEmbeddedContent[];
extern const size_t kEmbeddedContentCount;

} // namespace platform

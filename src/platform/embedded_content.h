// The files compiled into the app (by cmake/EmbedContent.cmake): the packed Document (document.bin) that essay-pack
// made from assets/content. Static data for the program's lifetime; knows nothing of their format.
#pragma once

#include <cstddef>

namespace platform {

struct EmbeddedText {
    const char* name; // the file's name, e.g. "document.bin"
    const char* data;
    size_t size;
};

extern const EmbeddedText kEmbeddedContent[];
extern const size_t kEmbeddedContentCount;

} // namespace platform

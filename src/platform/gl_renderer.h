// Draws Dear ImGui's draw data with OpenGL ES 3.0 (WebGL 2 in the browser) or OpenGL 3.2 core on the desktop: one
// program, one vertex array, one single-channel font texture. Knows ImGui's draw data and GL; nothing of the essay.
//
// Why not ImGui's stock OpenGL backend: it saves and restores some twenty pieces of GL state around every frame,
// with glGet*. In a browser each of those is a synchronous round trip to the GPU process, so the main thread waited
// every frame until the previous one had been rasterised (with software GL, most of the frame). This renderer owns
// the context, sets all the state it needs every frame and never reads any back.
//
// Ownership: the platform layer keeps one GlRenderer for the GL context's life. Create after the context is current;
// Destroy before the context goes; after a lost context, Forget the names (they died with it) and Create again.
#pragma once

#include "imgui.h"

#include <cstddef>

namespace platform {

struct GlRenderer {
    unsigned program = 0, vertex_array = 0, vertex_buffer = 0, index_buffer = 0, font_texture = 0;
    int projection = -1; // uniform locations
    int texture = -1;
    size_t vertex_capacity = 0, index_capacity = 0; // bytes allocated in each buffer
};

// Compiles the program and makes the buffers; false (with the reason in `error`) when GL refuses.
bool CreateRenderer(GlRenderer& r, const char** error);
// Deletes every GL object it made.
void DestroyRenderer(GlRenderer& r);
// Drops the names without deleting them: the context that owned them is gone.
void ForgetRenderer(GlRenderer& r);
// (Re)uploads ImGui's font atlas as the font texture and gives ImGui its id; call after every atlas rebuild.
void UploadFontAtlas(GlRenderer& r);
// Draws one frame's draw data into the current framebuffer.
void RenderDrawData(GlRenderer& r, const ImDrawData* data);

} // namespace platform

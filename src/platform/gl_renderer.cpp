// ImGui draw data to GL triangles, with state set (never read) each frame; see gl_renderer.h for why.
#include "platform/gl_renderer.h"

#if defined(__EMSCRIPTEN__)
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES 1 // the desktop's libGL exports the 3.2 core entry points
#include <SDL_opengl.h>
#endif

#include <cstdint>

namespace platform {

namespace {

#if defined(__EMSCRIPTEN__)
constexpr const char* ShaderHeader = "#version 300 es\nprecision mediump float;\n";
#else
constexpr const char* ShaderHeader = "#version 150\n";
#endif

constexpr const char* VertexShader = R"(
uniform mat4 projection;
in vec2 position;
in vec2 uv;
in vec4 colour;
out vec2 frag_uv;
out vec4 frag_colour;
void main() {
    frag_uv = uv;
    frag_colour = colour;
    gl_Position = projection * vec4(position, 0.0, 1.0);
}
)";

// The atlas is coverage only (one channel): ImGui's solid shapes sample its white texel, whose coverage is 1.
constexpr const char* FragmentShader = R"(
uniform sampler2D atlas;
in vec2 frag_uv;
in vec4 frag_colour;
out vec4 out_colour;
void main() {
    out_colour = vec4(frag_colour.rgb, frag_colour.a * texture(atlas, frag_uv).r);
}
)";

GLuint Compile(GLenum kind, const char* body) {
    const GLuint shader = glCreateShader(kind);
    const char* sources[] = {ShaderHeader, body};
    glShaderSource(shader, 2, sources, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

// Grows a buffer to hold `bytes` (with room to spare, so a slowly growing page does not reallocate every frame)
// and fills it.
void Fill(GLenum target, size_t& capacity, const void* data, size_t bytes) {
    if (bytes > capacity) {
        capacity = bytes + bytes / 2;
        glBufferData(target, GLsizeiptr(capacity), nullptr, GL_STREAM_DRAW);
    }
    glBufferSubData(target, 0, GLsizeiptr(bytes), data);
}

} // namespace

bool CreateRenderer(GlRenderer& r, const char** error) {
    const GLuint vs = Compile(GL_VERTEX_SHADER, VertexShader);
    const GLuint fs = Compile(GL_FRAGMENT_SHADER, FragmentShader);
    if (vs == 0 || fs == 0) {
        *error = "the drawing shaders did not compile";
        glDeleteShader(vs);
        glDeleteShader(fs);
        return false;
    }
    r.program = glCreateProgram();
    glAttachShader(r.program, vs);
    glAttachShader(r.program, fs);
    glBindAttribLocation(r.program, 0, "position");
    glBindAttribLocation(r.program, 1, "uv");
    glBindAttribLocation(r.program, 2, "colour");
    glLinkProgram(r.program);
    glDeleteShader(vs); // the program keeps them as long as it needs them
    glDeleteShader(fs);
    GLint linked = GL_FALSE;
    glGetProgramiv(r.program, GL_LINK_STATUS, &linked);
    if (linked != GL_TRUE) {
        *error = "the drawing program did not link";
        DestroyRenderer(r);
        return false;
    }
    r.projection = glGetUniformLocation(r.program, "projection");
    r.texture = glGetUniformLocation(r.program, "atlas");

    glGenVertexArrays(1, &r.vertex_array);
    glGenBuffers(1, &r.vertex_buffer);
    glGenBuffers(1, &r.index_buffer);
    glBindVertexArray(r.vertex_array);
    glBindBuffer(GL_ARRAY_BUFFER, r.vertex_buffer);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, r.index_buffer); // recorded in the vertex array
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    const GLsizei stride = sizeof(ImDrawVert);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
    r.vertex_capacity = r.index_capacity = 0;

    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "essay_gl";
    return true;
}

void DestroyRenderer(GlRenderer& r) {
    if (r.font_texture != 0)
        glDeleteTextures(1, &r.font_texture);
    if (r.vertex_buffer != 0)
        glDeleteBuffers(1, &r.vertex_buffer);
    if (r.index_buffer != 0)
        glDeleteBuffers(1, &r.index_buffer);
    if (r.vertex_array != 0)
        glDeleteVertexArrays(1, &r.vertex_array);
    if (r.program != 0)
        glDeleteProgram(r.program);
    ForgetRenderer(r);
}

void ForgetRenderer(GlRenderer& r) {
    r = GlRenderer{};
    ImGui::GetIO().Fonts->SetTexID(ImTextureID{});
}

void UploadFontAtlas(GlRenderer& r) {
    ImGuiIO& io = ImGui::GetIO();
    // Rasterised by views::RebuildFonts; GetTexDataAsAlpha8 would link ImGui's own font into the page (see there).
    const ImFontAtlas& atlas = *io.Fonts;
    if (r.font_texture == 0)
        glGenTextures(1, &r.font_texture);
    glBindTexture(GL_TEXTURE_2D, r.font_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlas.TexWidth, atlas.TexHeight, 0, GL_RED, GL_UNSIGNED_BYTE,
                 atlas.TexPixelsAlpha8);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(r.font_texture)));
}

void RenderDrawData(GlRenderer& r, const ImDrawData* data) {
    const float scale_x = data->FramebufferScale.x, scale_y = data->FramebufferScale.y;
    const int fb_width = int(data->DisplaySize.x * scale_x), fb_height = int(data->DisplaySize.y * scale_y);
    if (fb_width <= 0 || fb_height <= 0 || r.program == 0)
        return;
    glViewport(0, 0, fb_width, fb_height);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);

    // Display space (ImGui's coordinates, y down) to clip space.
    const float l = data->DisplayPos.x, r_ = data->DisplayPos.x + data->DisplaySize.x;
    const float t = data->DisplayPos.y, b = data->DisplayPos.y + data->DisplaySize.y;
    const float projection[16] = {
        2.0f / (r_ - l), 0.0f, 0.0f, 0.0f,
        0.0f, 2.0f / (t - b), 0.0f, 0.0f,
        0.0f, 0.0f, -1.0f, 0.0f,
        (r_ + l) / (l - r_), (t + b) / (b - t), 0.0f, 1.0f,
    };
    glUseProgram(r.program);
    glUniformMatrix4fv(r.projection, 1, GL_FALSE, projection);
    glUniform1i(r.texture, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(r.vertex_array);
    glBindBuffer(GL_ARRAY_BUFFER, r.vertex_buffer);

    static_assert(sizeof(ImDrawIdx) == 4, "the index type is 32-bit (see cmake/EssayDependencies.cmake)");
    GLuint bound_texture = 0;
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        Fill(GL_ARRAY_BUFFER, r.vertex_capacity, list->VtxBuffer.Data, size_t(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        Fill(GL_ELEMENT_ARRAY_BUFFER, r.index_capacity, list->IdxBuffer.Data,
             size_t(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback != nullptr || cmd.ElemCount == 0)
                continue; // the views register no callbacks
            const float x0 = (cmd.ClipRect.x - l) * scale_x, y0 = (cmd.ClipRect.y - t) * scale_y;
            const float x1 = (cmd.ClipRect.z - l) * scale_x, y1 = (cmd.ClipRect.w - t) * scale_y;
            if (x1 <= x0 || y1 <= y0)
                continue;
            glScissor(int(x0), int(float(fb_height) - y1), int(x1 - x0), int(y1 - y0));
            const GLuint texture = GLuint(reinterpret_cast<intptr_t>(cmd.GetTexID()));
            if (texture != bound_texture) {
                glBindTexture(GL_TEXTURE_2D, texture);
                bound_texture = texture;
            }
            // 32-bit indices: a list never needs a vertex offset (ImGuiBackendFlags_RendererHasVtxOffset is not set).
            glDrawElements(GL_TRIANGLES, GLsizei(cmd.ElemCount), GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(intptr_t(cmd.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST); // the next frame's clear covers the whole window
}

} // namespace platform

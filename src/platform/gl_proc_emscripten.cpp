// Why nothing in the page looks up a GL function by name; knows only the one symbol it replaces.
//
// ImGui's GL backend and gl_renderer.cpp call WebGL 2 directly. SDL's EGL layer still stores eglGetProcAddress's
// address, and Emscripten's version links a lookup table of every WebGL entry point: about 350 JS functions in
// essay.js and a 5 KB table in the wasm, for calls this app never makes. This one answers every name with null, as
// a GL without the function would.
extern "C" void* eglGetProcAddress(const char*) { return nullptr; }

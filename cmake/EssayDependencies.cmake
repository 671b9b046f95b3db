# Finds or builds every third-party dependency and exposes it as an imported target; knows no project source.
#
# Natively the installed Debian packages are found first. Under Emscripten, SDL2 and cmark-gfm come from a prefix
# that scripts/deps-web builds from Debian's source packages (ESSAY_WEB_DEPS_PREFIX). Dear ImGui is always compiled
# from its source tree (IMGUI_DIR): Debian's libimgui-dev is a native archive only. Every directory is a cache
# variable, so a user on another system can point it at an upstream checkout.
set(ESSAY_CACHE_DIR "${PROJECT_SOURCE_DIR}/.cache" CACHE PATH "Where scripts/setup unpacks third-party sources")
set(IMGUI_DIR "${ESSAY_CACHE_DIR}/src/imgui-1.86" CACHE PATH "Dear ImGui 1.86 source tree")
# The fonts are subset at build time by fontTools; Debian's python3 has it (package fonttools).
find_program(ESSAY_FONT_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
find_program(ESSAY_FONT_PYTHON NAMES python3 REQUIRED)

if(EMSCRIPTEN)
  set(ESSAY_WEB_DEPS_PREFIX "${ESSAY_CACHE_DIR}/web-deps" CACHE PATH "Install prefix of SDL2 and cmark-gfm built for wasm")
  # The Emscripten toolchain confines find_* to its sysroot; the prefix must be one of the roots.
  list(APPEND CMAKE_FIND_ROOT_PATH "${ESSAY_WEB_DEPS_PREFIX}")
  list(APPEND CMAKE_PREFIX_PATH "${ESSAY_WEB_DEPS_PREFIX}")
  # Named outright: emscripten's sysroot holds an sdl2-config.cmake that asks for its frozen SDL port instead.
  set(SDL2_DIR "${ESSAY_WEB_DEPS_PREFIX}/lib/cmake/SDL2" CACHE PATH "SDL2's CMake package, built for wasm")
endif()

# cmark-gfm installs no CMake package config on Debian, so find it by hand. Static archives first: the same code
# path serves the wasm prefix, which holds only archives.
find_path(CMARK_GFM_INCLUDE_DIR cmark-gfm.h REQUIRED)
find_library(CMARK_GFM_LIBRARY NAMES libcmark-gfm.a cmark-gfm REQUIRED)
find_library(CMARK_GFM_EXTENSIONS_LIBRARY NAMES libcmark-gfm-extensions.a cmark-gfm-extensions REQUIRED)
add_library(cmark_gfm INTERFACE)
target_include_directories(cmark_gfm SYSTEM INTERFACE ${CMARK_GFM_INCLUDE_DIR})
target_link_libraries(cmark_gfm INTERFACE ${CMARK_GFM_EXTENSIONS_LIBRARY} ${CMARK_GFM_LIBRARY})
target_compile_definitions(cmark_gfm INTERFACE CMARK_GFM_STATIC_DEFINE CMARK_GFM_EXTENSIONS_STATIC_DEFINE)

if(ESSAY_BUILD_APP)
  find_package(SDL2 CONFIG REQUIRED)
  if(TARGET SDL2::SDL2-static AND EMSCRIPTEN)
    set(ESSAY_SDL2_TARGET SDL2::SDL2-static)
  else()
    set(ESSAY_SDL2_TARGET SDL2::SDL2)
  endif()

  if(NOT EXISTS "${IMGUI_DIR}/imgui.h")
    message(FATAL_ERROR "Dear ImGui not found in IMGUI_DIR=${IMGUI_DIR}; run scripts/setup or pass -DIMGUI_DIR=<checkout>")
  endif()
  # The core of Dear ImGui (views link only this), and its SDL2 backend (only the platform layer links it; the platform
  # draws with its own renderer, src/platform/gl_renderer.cpp).
  add_library(imgui STATIC
    ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp ${IMGUI_DIR}/imgui_widgets.cpp)
  target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR})
  target_compile_options(imgui PRIVATE -w) # third-party code: its warnings are not ours to fix
  # 32-bit indices: a long essay page exceeds 65,535 vertices in one draw list (WebGL2 and GL3 both take them).
  target_compile_definitions(imgui PUBLIC
    IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_FILE_FUNCTIONS IMGUI_DISABLE_METRICS_WINDOW "ImDrawIdx=unsigned int")

  add_library(imgui_backends STATIC ${IMGUI_DIR}/backends/imgui_impl_sdl.cpp)
  target_include_directories(imgui_backends SYSTEM PUBLIC ${IMGUI_DIR}/backends)
  target_link_libraries(imgui_backends PUBLIC imgui ${ESSAY_SDL2_TARGET})
  if(NOT EMSCRIPTEN)
    find_package(OpenGL REQUIRED)
    target_link_libraries(imgui_backends PUBLIC OpenGL::GL ${CMAKE_DL_LIBS})
  endif()
endif()

# Project-wide options, warnings and the core-library helper; knows no dependency and no target but its own.
option(ESSAY_BUILD_TESTS "Build the Catch2 tests (native only)" ON)
option(ESSAY_BUILD_BENCH "Build the benchmarks in bench/ (native only)" ON)
option(ESSAY_BUILD_APP "Build the SDL2 + ImGui app (desktop natively, wasm under Emscripten)" ON)
option(ESSAY_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

set(ESSAY_WARNINGS
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion>)

if(ESSAY_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

# The page links with link-time optimization, every target built here compiled for it (SDL2 is built apart, by
# scripts/deps-web): across files, the linker drops what the app never calls (most of it in Dear ImGui) and inlines
# across libraries. Issue 14's budget: 9.5 KB brotli off the wasm (319,053 -> 309,518 B at 6bb091c).
if(EMSCRIPTEN)
  add_compile_options(-flto)
  add_link_options(-flto)
endif()

# libFuzzer targets in fuzz/ (scripts/fuzz). Instruments everything built here for coverage, ASan and UBSan, so use a
# build folder of its own (build/fuzz) with tests and the app off.
option(ESSAY_BUILD_FUZZERS "Build the libFuzzer targets in fuzz/ (clang, native only)" OFF)
if(ESSAY_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang" OR NOT CMAKE_C_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "ESSAY_BUILD_FUZZERS needs clang: -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

# essay_core_library(name SOURCES ... [DEPS ...]): a static library of the pure core, include root src/.
function(essay_core_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_compile_options(${name} PRIVATE ${ESSAY_WARNINGS})
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
endfunction()

# essay_web_link_options(target): every Emscripten link flag in one place. The page itself (index.html) is written
# by tools/essay_page from shell.html, so emcc emits only the JS loader and the wasm.
function(essay_web_link_options target)
  set_target_properties(${target} PROPERTIES SUFFIX ".js")
  target_link_options(${target} PRIVATE
    -sENVIRONMENT=web
    -sALLOW_MEMORY_GROWTH=1
    -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
    -sNO_FILESYSTEM=1           # content and fonts are compiled in; the filesystem runtime would add ~50 KB of JS
    -sDYNAMIC_EXECUTION=0       # no eval or new Function: the page runs under a strict CSP
    -sEXIT_RUNTIME=0
    -sINITIAL_MEMORY=33554432
    -sMALLOC=emmalloc           # issue 7's budget: a smaller allocator than dlmalloc; the app allocates little per frame
    # Issue 14's budget: wasm-opt for size over speed at link (8 KB brotli; the core is compiled -Os as before), and
    # the GL layer without what a WebGL 2-only app never uses (WebGL 1 buffer pools, GLES error tracking, enabling
    # every extension at context creation, GL_-prefixed extension names).
    -Oz
    -sGL_POOL_TEMP_BUFFERS=0 -sGL_TRACK_ERRORS=0 -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0
    -sGL_SUPPORT_SIMPLE_ENABLE_EXTENSIONS=0 -sGL_EXTENSIONS_IN_PREFIXED_FORMAT=0
    --closure=0
    --emit-symbol-map)          # bin/essay.js.symbols names the wasm's functions for bench/web_budget (not in dist/)
endfunction()

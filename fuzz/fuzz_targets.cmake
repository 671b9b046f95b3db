# Reads fuzz/targets.def into ESSAY_FUZZ_NAMES / ESSAY_FUZZ_ENTRIES and defines essay_fuzz_entries, the library of
# every fuzz entry, for the fuzz binaries and the replay test alike; knows no compiler flag and no corpus.
file(STRINGS ${CMAKE_CURRENT_LIST_DIR}/targets.def lines REGEX "^ESSAY_FUZZ_TARGET\\(")
set(ESSAY_FUZZ_NAMES)
set(ESSAY_FUZZ_ENTRIES)
set(sources ${CMAKE_CURRENT_LIST_DIR}/fuzz_check.cpp)
foreach(line ${lines})
  string(REGEX REPLACE "^ESSAY_FUZZ_TARGET\\(([a-z0-9_]+), *([A-Za-z0-9_]+)\\).*" "\\1;\\2" pair "${line}")
  list(GET pair 0 name)
  list(GET pair 1 entry)
  list(APPEND ESSAY_FUZZ_NAMES ${name})
  list(APPEND ESSAY_FUZZ_ENTRIES ${entry})
  list(APPEND sources ${CMAKE_CURRENT_LIST_DIR}/${name}_fuzz.cpp)
endforeach()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/targets.def)

# Both fuzz/ and tests/fuzz_replay/ include this file; the first one defines the library.
if(NOT TARGET essay_fuzz_entries)
  add_library(essay_fuzz_entries STATIC ${sources})
  target_include_directories(essay_fuzz_entries PUBLIC ${PROJECT_SOURCE_DIR})
  target_compile_options(essay_fuzz_entries PRIVATE ${ESSAY_WARNINGS})
  target_link_libraries(essay_fuzz_entries PUBLIC essay_doc essay_text essay_sim essay_app)
  # url_hash fuzzes against the real essay in assets/content.
  target_compile_definitions(essay_fuzz_entries PRIVATE ESSAY_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
endif()

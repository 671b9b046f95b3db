// The libFuzzer entry of one fuzz binary: forwards to the entry named by ESSAY_FUZZ_ENTRY; knows no parser itself.
#include <cstddef>
#include <cstdint>

#include "fuzz/targets.h"

#ifndef ESSAY_FUZZ_ENTRY
#error "fuzz/CMakeLists.txt defines ESSAY_FUZZ_ENTRY for each fuzz binary"
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    return essay_fuzz::ESSAY_FUZZ_ENTRY(data, size);
}

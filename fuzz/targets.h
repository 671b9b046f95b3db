// The fuzz entry points shared by the libFuzzer binaries and the native replay test; knows no corpus and no runner.
//
// Each entry takes one input, feeds it to a parser of the core, checks what the parser documents and returns 0.
// A broken promise calls FuzzFail, which prints why and aborts, so libFuzzer saves the input and the replay test
// fails visibly in the normal compiler's build too.
#pragma once

#include <cstddef>
#include <cstdint>

namespace essay_fuzz {

#define ESSAY_FUZZ_TARGET(name, entry) int entry(const uint8_t* data, size_t size);
#include "fuzz/targets.def"
#undef ESSAY_FUZZ_TARGET

// Prints "fuzz check failed: <what>" to stderr and aborts.
[[noreturn]] void FuzzFail(const char* what);
inline void FuzzCheck(bool ok, const char* what) {
    if (!ok) FuzzFail(what);
}

}  // namespace essay_fuzz

// FuzzFail: how a fuzz entry reports a broken promise; knows nothing of which entry or input failed.
#include <cstdio>
#include <cstdlib>

#include "fuzz/targets.h"

namespace essay_fuzz {

void FuzzFail(const char* what) {
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    // abort, not exit: libFuzzer treats a signal as a crash and saves the input; ctest shows the replay test failed.
    std::abort();
}

}  // namespace essay_fuzz

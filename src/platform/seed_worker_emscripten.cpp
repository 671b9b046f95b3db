// The wasm's entry points for web/sim-worker.js, where this program runs without main(): one seed of the charts'
// ensemble per call (sim/seed_job.h). Knows no SDL, GL or page; the worker owns the messages.
//
// Ownership: the job and rows buffers are this file's, alive for the worker's life; the pointers returned stay
// valid until the next call that returns one.
#include "sim/seed_job.h"

#include <emscripten/emscripten.h>

#include <cstdio>
#include <vector>

namespace {
std::vector<uint8_t> job;
std::vector<uint8_t> rows;
} // namespace

// Where the worker writes a job of `size` bytes.
extern "C" EMSCRIPTEN_KEEPALIVE uint8_t* essay_job_buffer(int size) {
    job.assign(size > 0 ? size_t(size) : 0, 0);
    return job.data();
}

// Runs the job in the buffer; returns the size of its rows (essay_job_rows), or -1 with the reason on the console.
extern "C" EMSCRIPTEN_KEEPALIVE int essay_run_job() {
    std::string error;
    if (!sim::RunSeedJob(job, &rows, &error)) {
        std::fprintf(stderr, "essay worker: %s\n", error.c_str());
        return -1;
    }
    return int(rows.size());
}

extern "C" EMSCRIPTEN_KEEPALIVE const uint8_t* essay_job_rows() { return rows.data(); }

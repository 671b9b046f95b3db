// The simulation's one way to hash values (a running SplitMix64 mix of 64-bit words, bit for bit for doubles), for
// Model::StateHash and Ensemble::RowsHash; knows no model, ties or runs.
//
// Ownership: Hasher is a plain value; `h` is the hash so far.
#pragma once

#include <cstdint>
#include <cstring>

#include "sim/rng.h"

namespace sim {

struct Hasher {
    uint64_t h = 0x6A09E667F3BCC909ull;
    void Add(uint64_t v) { h = Mix64(h ^ v) + 0x9E3779B97F4A7C15ull; }
    void Add(int32_t v) { Add(static_cast<uint64_t>(static_cast<uint32_t>(v))); }
    void Add(uint32_t v) { Add(static_cast<uint64_t>(v)); }
    void Add(bool v) { Add(static_cast<uint64_t>(v)); }
    void Add(double v) {
        uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        Add(bits);
    }
    void Add(float v) {
        uint32_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        Add(bits);
    }
};

}  // namespace sim

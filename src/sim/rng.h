// Keyed, counter-based random streams for the simulation (SplitMix64); knows nothing of agents, ties or the model.
//
// Every draw in the model comes from Keyed(seed, purpose, a, b): the same key gives the same numbers whatever
// else happened before, so both scenarios see the same needs and shocks ("common random numbers"), results do not
// depend on iteration order elsewhere, and libstdc++ and libc++ (native and wasm) agree bit for bit. No std::
// distributions: their algorithms are implementation-defined. Streams are small values; copy them freely.
#pragma once

#include <cstdint>

namespace sim {

// What a draw is for. The numeric values are part of the state hash's meaning: append, never renumber.
enum class Purpose : uint64_t {
    Positions = 1,
    Traits,
    BaseTies,
    Lists,
    Social,
    Need,
    Organizer,
    Canvass,
    Availability,
    Initiator,
    Copresence,
    Shock,
    Strike,
    Walkout,
    Probe,
    Removal,
    Test,  // reserved for tests and tools that need their own stream
};

constexpr uint64_t Mix64(uint64_t z) {
    z += 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

struct Stream {
    uint64_t state = 0;

    uint64_t Next() {
        state += 0x9E3779B97F4A7C15ull;
        return Mix64(state);
    }
    // Uniform in [0, 1) with 53 random bits: exact in IEEE double on every target.
    double Uniform() { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0); }
    bool Chance(double p) { return Uniform() < p; }
    // Uniform integer in [0, n) by multiply-shift (Lemire); n must be > 0 and < 2^32.
    uint32_t Below(uint32_t n) { return static_cast<uint32_t>(((Next() >> 32) * static_cast<uint64_t>(n)) >> 32); }
};

// The stream for one (seed, purpose, a, b) key; a is usually the tick or call number, b the agent.
constexpr Stream Keyed(uint64_t seed, Purpose purpose, uint64_t a = 0, uint64_t b = 0) {
    const uint64_t p = static_cast<uint64_t>(purpose);
    return Stream{Mix64(seed ^ Mix64(p * 0x100000001B3ull ^ Mix64(a * 0x9E3779B97F4A7C15ull ^ Mix64(b + 7))))};
}

}  // namespace sim

// The weighted tie graph, grid-based spatial neighbors, the two-layer threshold cascade engine and component
// measures; knows nothing of residents, organizers, energy or scenarios.
//
// Ownership: Network is a value type (copying it copies every tie). TieIds index Ties() and stay valid until the
// next Compact(), which drops dead ties in stable order and renumbers the rest. Incident() lists may hold dead ties
// between a Cut() and the next Compact(): callers check Tie::alive, unless AllAlive(). Each node's list is in
// ascending tie order. An Incident() span is valid until the next Add(), Reinforce() or Compact() (any list may move).
#pragma once

#include <array>
#include <cassert>
#include <cstdint>
#include <span>
#include <type_traits>
#include <vector>

namespace sim {

using NodeId = uint32_t;
using TieId = uint32_t;
constexpr TieId NoTie = UINT32_MAX;

// How a tie was built; the view colours ties by the source that contributed the most weight.
enum class TieSource : uint8_t { Acquaintance, Social, Organizing, Aid, Action, Struggle };
constexpr int TieSourceCount = 6;
const char* TieSourceName(TieSource source);

// Kept small (16 bytes): the tick streams over ties many times, and from 65,536 ties on reads them in no order, so
// their size is the step's memory traffic and how many of them a core's cache holds. The two flags share b's word
// (b < MaxNodes); with them beside w the tie was 24 bytes.
struct Tie {
    static constexpr NodeId MaxNodes = NodeId{1} << 30;
    NodeId a = 0;  // a < b
    NodeId b : 30 = 0;
    bool alive : 1 = true;
    bool negotiated : 1 = false;  // some of its weight came from conditional (negotiated) aid
    double w = 0.0;
    bool operator==(const Tie&) const = default;
};
static_assert(sizeof(Tie) == 16);

// One entry of a node's incidence list. The neighbor is stored beside the tie id so that scans which only need to
// know who is at the other end (Find, the cascade's "already joined" test) do not touch the tie itself.
struct Incidence {
    NodeId other = 0;
    TieId tie = 0;
    bool operator==(const Incidence&) const = default;
};

// Weight gained per source, for colouring only; stored beside the ties, index for index.
using TieOrigin = std::array<float, TieSourceCount>;
TieSource Dominant(const TieOrigin& origin);

class Network {
public:
    Network() = default;
    explicit Network(size_t nodes) : lists_(nodes) { assert(nodes <= Tie::MaxNodes); }

    size_t NodeCount() const { return lists_.size(); }
    const std::vector<Tie>& Ties() const { return ties_; }
    // Parallel to Ties(). Not between DeferOrigins() and the next ApplyOrigins() or Compact().
    const std::vector<TieOrigin>& Origins() const {
        assert(pending_.empty());
        return origins_;
    }
    std::span<const Incidence> Incident(NodeId node) const {
        return {arena_.data() + lists_[node].begin, lists_[node].size};
    }
    // Bytes the incidence lists hold, room for growth and abandoned slots included.
    size_t IncidenceBytes() const { return arena_.capacity() * sizeof(Incidence) + lists_.capacity() * sizeof(List); }
    const Tie& At(TieId id) const { return ties_[id]; }
    static NodeId Other(const Tie& tie, NodeId node) { return tie.a == node ? tie.b : tie.a; }

    // The live tie between a and b, or NoTie. Scans the shorter incidence list; touches only the match's tie.
    TieId Find(NodeId a, NodeId b) const;
    TieId Add(NodeId a, NodeId b, double w, TieSource source);
    // Before the first Add(): node i's list gets room for `degree[i]` entries and the spare room a Repack() leaves,
    // all in one allocation in node order, and the tie arrays room for `ties`, so that a network built to degrees
    // known beforehand (the model's start) moves no list and grows no array.
    void Reserve(std::span<const uint32_t> degree, size_t ties);
    // w += gain_per_hour·hours·(1 − w), creating the tie at w0 if it does not exist. Returns the tie.
    TieId Reinforce(NodeId a, NodeId b, double w0, double gain_per_hour, double hours, TieSource source);
    void Grow(TieId id, double gain_per_hour, double hours, TieSource source);
    // From now until ApplyOrigins() (or Compact(), which calls it), Grow() logs its origin gain instead of adding it.
    // A tie's origin is read only for colouring and the state hash, so where the origins are far bigger than a
    // core's cache (from LargeNetworkTies on) each Grow() would wait on a miss for it; ApplyOrigins() adds the log in
    // the order it was made (each origin's float sums unchanged), many misses in flight at once.
    void DeferOrigins() { defer_origins_ = true; }
    void ApplyOrigins();
    static constexpr size_t LargeNetworkTies = 65536;
    // Cache hints, no effect on any result: node's incidence list; the ties on it.
    void PrefetchIncident(NodeId node) const;
    void PrefetchTies(NodeId node) const;
    void SetWeight(TieId id, double w) { ties_[id].w = w; }
    // A rule that sets every live tie's weight (the decay), in one pass in tie order: the weight becomes weight(id,
    // tie), then then(id, tie) sees the tie so changed and may Cut() it. Per tie, SetWeight() would find the tie array
    // again after every store (a double's store might have moved it, as far as the compiler knows). Whether a tie is
    // alive is asked only when some may not be (most weeks none is: a tie then() cuts is already behind the pass).
    template <class Weight, class Then>
    void SetWeights(const Weight& weight, const Then& then) {
        Tie* const tie = ties_.data();  // Cut() adds no tie, so the array stays put
        const size_t count = ties_.size();
        auto pass = [&](auto ask_alive) {
            for (size_t id = 0; id < count; ++id) {
                Tie& t = tie[id];
                if (ask_alive && !t.alive) continue;
                t.w = weight(static_cast<TieId>(id), static_cast<const Tie&>(t));
                then(static_cast<TieId>(id), static_cast<const Tie&>(t));
            }
        };
        if (AllAlive())
            pass(std::false_type{});
        else
            pass(std::true_type{});
    }
    void MarkNegotiated(TieId id) { ties_[id].negotiated = true; }
    void Cut(TieId id) {
        if (!ties_[id].alive) return;
        ties_[id].alive = false;
        dead_.push_back(id);
    }
    void CutAll(NodeId node);
    // No tie has been cut since the last Compact(): every tie is alive.
    bool AllAlive() const { return dead_.empty(); }
    // Drops dead ties keeping the order of the living, and rebuilds incidence lists in tie order: O(N + E).
    void Compact();
    // The same graph with node i renamed to new_id[i] (a permutation of [0, NodeCount())): ties keep their order,
    // weights and origins. Dead ties are dropped.
    Network Relabeled(std::span<const NodeId> new_id) const;

    // The same ties, origins, lists and pending cuts and gains, wherever in the arena the lists sit.
    bool operator==(const Network& other) const;

private:
    // A node's incidence list: entries [begin, begin + size) of the arena, with room up to begin + capacity.
    struct List {
        uint32_t begin = 0, size = 0, capacity = 0;
    };
    std::span<Incidence> Entries(NodeId node) { return {arena_.data() + lists_[node].begin, lists_[node].size}; }
    void Append(NodeId node, Incidence entry) {
        List& list = lists_[node];
        if (list.size == list.capacity) [[unlikely]]
            MakeRoom(list);
        arena_[list.begin + list.size++] = entry;
    }
    void MakeRoom(List& list);
    // Lays the lists out afresh in node order, each with room to grow, renumbering their entries in the same pass.
    template <class NewId>
    void Repack(size_t first_dead, const NewId& new_id_of);
    // Up to this many deaths since the last Compact(), the dead leave only their two ends' lists (CompactFew).
    static constexpr size_t FewDeaths = 16;
    void CompactFew();
    // Compact()'s renumbering of the incidence lists where the ties are far bigger than a core's cache, once the
    // ties from first_dead on (old_size of them in all, dead_ still listing the dead) have moved down.
    void RenumberFromBitmap(size_t first_dead, size_t old_size);
    struct OriginGain;
    void Defer(const OriginGain& gain);

    // Compact()'s renumbering tables and merged deaths, reused from week to week. Not state: a copy starts empty
    // (assigning keeps the target's buffers) and any two compare equal.
    struct Scratch {
        std::vector<TieId> new_id, merged, before;
        std::vector<uint64_t> dead_bits;
        std::vector<Incidence> arena;  // Repack()'s target, swapped with the arena
        Scratch() = default;
        Scratch(const Scratch&) {}
        Scratch(Scratch&&) = default;
        Scratch& operator=(const Scratch&) { return *this; }
        Scratch& operator=(Scratch&&) = default;
        bool operator==(const Scratch&) const { return true; }
    };

    std::vector<Tie> ties_;
    std::vector<TieOrigin> origins_;
    // Every node's incidence list in one array. Where the ties are far bigger than a core's cache, Compact() lays
    // the lists out afresh in node order whenever it renumbers them (most weeks), so that a pass over the nodes
    // reads them front to back, which the hardware's prefetcher follows (separately allocated lists were each a miss
    // of their own). A list that outgrows its room moves to the end, its old slot abandoned until the next Repack(),
    // which also comes once abandoned slots are twice the entries.
    std::vector<Incidence> arena_;  // its first used_ entries hold the lists' slots, the rest is room for more
    uint32_t used_ = 0;
    std::vector<List> lists_;
    std::vector<TieId> dead_;  // ties cut since the last Compact(), in the order they were cut
    // Origin gains logged since DeferOrigins(), in the order they were made.
    struct OriginGain {
        TieId tie = 0;
        TieSource source = TieSource::Acquaintance;
        float gain = 0.0f;
        bool operator==(const OriginGain&) const = default;
    };
    std::vector<OriginGain> pending_;
    bool defer_origins_ = false;
    Scratch scratch_;
};

struct Point {
    double x = 0.0;
    double y = 0.0;
    bool operator==(const Point&) const = default;
};

// The k nearest other points of every point, nearest first (ties broken by index), as a flat n·k array. Uses a
// uniform grid of about one point per cell, so the cost is O(n·k) for spread-out points such as a jittered grid.
std::vector<NodeId> NearestNeighbors(std::span<const Point> points, int k);

// Input of one call to action. Awareness (simple contagion over ties with w ≥ w_info) and pull (the summed weight of
// ties to participants, plus any list push) only ever grow, so the set of participants is the least fixed point and
// does not depend on processing order.
struct CascadeSetup {
    std::vector<double> threshold;   // per node: joins when aware, able and pull ≥ threshold
    std::vector<uint8_t> can_join;   // per node
    std::vector<uint8_t> aware;      // initial awareness per node
    std::vector<double> pull;        // initial pull per node (list push)
    std::vector<NodeId> seeds;       // join unconditionally (organizers, initiators)
    double w_info = 0.1;
};

struct CascadeResult {
    std::vector<uint8_t> joined;     // per node, seeds included
    std::vector<uint8_t> aware;
    std::vector<int32_t> generation;  // wave in which a node joined (seeds and the first sweep are 0), else -1
    std::vector<NodeId> order;       // joiners in the order they joined
    bool operator==(const CascadeResult&) const = default;
};

// O(N + E): each live tie is visited at most twice.
CascadeResult RunCascade(const Network& network, const CascadeSetup& setup);
// The same into out, reusing its buffers and pull's (scratch).
void RunCascade(const Network& network, const CascadeSetup& setup, CascadeResult& out, std::vector<double>& pull);

// The live ties of an unchanging network laid out for many cascades (the knockout probes run twenty a month): each
// node's live ties in incidence order, with the neighbor and the weight side by side in flat arrays, so a cascade
// streams through them instead of following tie ids into the tie array.
class CascadeGraph {
public:
    explicit CascadeGraph(const Network& network);
    size_t NodeCount() const { return start_.size() - 1; }
    // The same least fixed point, generations and join order as RunCascade(network, setup), with the same sums in
    // the same order. Reuses out's buffers; pull is scratch.
    void Run(const CascadeSetup& setup, CascadeResult& out, std::vector<double>& pull) const;

private:
    std::vector<uint32_t> start_;  // node i's ties are [start_[i], start_[i + 1])
    std::vector<NodeId> other_;
    std::vector<double> w_;
};

// Largest connected component among nodes [0, node_limit) using live ties with w ≥ min_w between them.
int LargestComponent(const Network& network, NodeId node_limit, double min_w);
// Number of nodes in [0, node_limit) whose core number is ≥ k, using ties with w ≥ min_w (Batagelj–Zaversnik).
int CoreSize(const Network& network, NodeId node_limit, double min_w, int k);

}  // namespace sim

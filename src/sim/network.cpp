// Tie graph storage, grid nearest neighbors, the cascade engine and component measures; knows no agents.
#include "sim/network.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <utility>

namespace sim {

namespace {
// A list's room for `size` entries: an eighth more and two (a week's new ties, at most nodes), so that few lists
// move before the next Repack().
uint32_t WithSpareRoom(uint32_t size) { return size + size / 8 + 2; }
}  // namespace

const char* TieSourceName(TieSource source) {
    switch (source) {
        case TieSource::Acquaintance: return "acquaintance";
        case TieSource::Social: return "social";
        case TieSource::Organizing: return "organizing";
        case TieSource::Aid: return "aid";
        case TieSource::Action: return "action";
        case TieSource::Struggle: return "struggle";
    }
    return "";
}

TieSource Dominant(const TieOrigin& origin) {
    int best = 0;
    for (int s = 1; s < TieSourceCount; ++s)
        if (origin[s] > origin[best]) best = s;
    return static_cast<TieSource>(best);
}

TieId Network::Find(NodeId a, NodeId b) const {
    // The shorter list (a's if as long), chosen without a branch: which is shorter is a coin toss to the predictor.
    const NodeId b_shorter = static_cast<NodeId>(lists_[b].size < lists_[a].size);
    const NodeId from = a ^ ((a ^ b) & (0u - b_shorter)), to = a ^ b ^ from;
    for (const Incidence& e : Incident(from))
        if (e.other == to && ties_[e.tie].alive) return e.tie;
    return NoTie;
}

TieId Network::Add(NodeId a, NodeId b, double w, TieSource source) {
    assert(a != b && a < NodeCount() && b < NodeCount());
    Tie tie;
    tie.a = std::min(a, b);
    tie.b = std::max(a, b) & (Tie::MaxNodes - 1);  // below MaxNodes (the constructor asserts it)
    tie.w = w;
    TieOrigin origin{};
    origin[static_cast<int>(source)] = static_cast<float>(w);
    const TieId id = static_cast<TieId>(ties_.size());
    ties_.push_back(tie);
    origins_.push_back(origin);
    Append(a, {b, id});
    Append(b, {a, id});
    return id;
}

void Network::Reserve(std::span<const uint32_t> degree, size_t ties) {
    assert(degree.size() == NodeCount() && ties_.empty() && used_ == 0);
    size_t at = 0;
    for (size_t i = 0; i < degree.size(); ++i) {
        lists_[i] = {static_cast<uint32_t>(at), 0, WithSpareRoom(degree[i])};
        at += lists_[i].capacity;
    }
    assert(at <= UINT32_MAX);
    arena_.resize(at);
    used_ = static_cast<uint32_t>(at);
    // A power of two, as growth by doubling from one tie leaves it: the tie arrays' capacity later on (the bench's
    // bytes per resident) is what it was without the reservation.
    ties_.reserve(std::bit_ceil(ties));
    origins_.reserve(std::bit_ceil(ties));
}

// A full list moves to the end of the arena with twice the room (or grows in place if it is already there). Out of
// line, so that Append() stays small where the list has room.
[[gnu::noinline]] void Network::MakeRoom(List& list) {
    const uint32_t room = std::max<uint32_t>(4, 2 * list.capacity);
    const bool last = list.begin + list.capacity == used_;
    const size_t end = last ? list.begin : used_;
    assert(end + room <= UINT32_MAX);
    if (arena_.size() < end + room) arena_.resize(std::max(end + room, 2 * arena_.size()));
    if (!last) std::copy_n(arena_.begin() + list.begin, list.size, arena_.begin() + static_cast<long>(end));
    list.begin = static_cast<uint32_t>(end);
    list.capacity = room;
    used_ = static_cast<uint32_t>(end + room);
}

bool Network::operator==(const Network& other) const {
    if (ties_ != other.ties_ || origins_ != other.origins_ || dead_ != other.dead_ || pending_ != other.pending_ ||
        defer_origins_ != other.defer_origins_ || NodeCount() != other.NodeCount())
        return false;
    for (NodeId i = 0; i < NodeCount(); ++i) {
        const std::span<const Incidence> mine = Incident(i), theirs = other.Incident(i);
        if (!std::equal(mine.begin(), mine.end(), theirs.begin(), theirs.end())) return false;
    }
    return true;
}

void Network::Grow(TieId id, double gain_per_hour, double hours, TieSource source) {
    Tie& t = ties_[id];
    const double gain = gain_per_hour * hours * (1.0 - t.w);
    t.w += gain;
    if (defer_origins_) [[unlikely]]
        Defer({id, source, static_cast<float>(gain)});
    else
        origins_[id][static_cast<int>(source)] += static_cast<float>(gain);
}

// Out of line, so that Grow() stays as small as it was where nothing is deferred (small networks).
[[gnu::noinline]] void Network::Defer(const OriginGain& gain) { pending_.push_back(gain); }

void Network::ApplyOrigins() {
    defer_origins_ = false;
    const OriginGain* const log = pending_.data();
    const size_t count = pending_.size();
    TieOrigin* const origin = origins_.data();
    constexpr size_t Ahead = 16;  // entries: enough misses in flight to cover the latency
    for (size_t k = 0; k < count; ++k) {
        if (k + Ahead < count) __builtin_prefetch(&origin[log[k + Ahead].tie], 1);
        origin[log[k].tie][static_cast<int>(log[k].source)] += log[k].gain;
    }
    pending_.clear();
}

namespace {

// Bits are counted with the popcnt instruction on x86-64, which the build does not otherwise assume (every x86-64
// processor since 2008 has it): without it, GCC calls a library function for each count. Elsewhere (WebAssembly has
// the instruction) the plain builtin.
#if defined(__x86_64__) && defined(__GNUC__)
#define SIM_WITH_POPCNT [[gnu::target("popcnt")]]
#else
#define SIM_WITH_POPCNT
#endif

// A cache hint for every line of a list.
void PrefetchLines(std::span<const Incidence> list) {
    const char* const begin = reinterpret_cast<const char*>(list.data());
    const char* const end = reinterpret_cast<const char*>(list.data() + list.size());
    for (const char* p = begin; p < end; p += 64) __builtin_prefetch(p);
}

// A tie's new id from the deaths: its old id less the deaths before its block of 64 ids and those among the block's
// ids below it, counted in the block's bitmap of deaths.
struct NewIdFromBitmap {
    const uint64_t* bits_of;
    const TieId* before_block;
    SIM_WITH_POPCNT TieId operator()(TieId id) const {
        const uint64_t bits = bits_of[id / 64], bit = uint64_t{1} << (id % 64);
        const TieId below = static_cast<TieId>(__builtin_popcountll(bits & (bit - 1)));
        return (bits & bit) != 0 ? NoTie : id - before_block[id / 64] - below;
    }
};

}  // namespace

void Network::PrefetchIncident(NodeId node) const { PrefetchLines(Incident(node)); }

// Entries below first_dead keep their ids; from it on, new_id_of(id) is the tie's new id, or NoTie if it died. Each
// list gets its spare room (WithSpareRoom), so few move before the next Repack(). Read and written front to back where
// the lists were in node order.
template <class NewId>
SIM_WITH_POPCNT void Network::Repack(size_t first_dead, const NewId& new_id_of) {
    std::vector<Incidence>& out = scratch_.arena;  // only grows: resize() would zero what is about to be written
    size_t bound = 0;
    for (const List& list : lists_) bound += WithSpareRoom(list.size);
    assert(bound <= UINT32_MAX);
    if (out.size() < bound) out.resize(bound + bound / 4);
    Incidence* const to = out.data();
    const Incidence* const from = arena_.data();
    uint32_t at = 0;
    for (List& list : lists_) {
        const Incidence* const entry = from + list.begin;
        Incidence* const kept = to + at;
        const uint32_t size = list.size;
        uint32_t q = 0;
        for (; q < size && entry[q].tie < first_dead; ++q) kept[q] = entry[q];
        uint32_t count = q;
        for (; q < size; ++q) {
            const TieId id = new_id_of(entry[q].tie);
            if (id != NoTie) kept[count++] = {entry[q].other, id};
        }
        list = {at, count, WithSpareRoom(count)};
        at += list.capacity;
    }
    used_ = at;
    arena_.swap(out);
}

void Network::PrefetchTies(NodeId node) const {
    const Tie* const tie = ties_.data();
    for (const Incidence& e : Incident(node)) __builtin_prefetch(&tie[e.tie].w);
}

TieId Network::Reinforce(NodeId a, NodeId b, double w0, double gain_per_hour, double hours, TieSource source) {
    TieId id = Find(a, b);
    if (id == NoTie) id = Add(a, b, w0, source);
    Grow(id, gain_per_hour, hours, source);
    return id;
}

void Network::CutAll(NodeId node) {
    for (const Incidence& e : Incident(node)) Cut(e.tie);
}

// The incidence lists are filtered and renumbered in place rather than rebuilt: each list is read and written in
// order, where a rebuild would scatter 2E appends over all lists. Lists stay in ascending tie order, since
// renumbering keeps the order of the living.
//
// Most weeks only a few ties die (one or two a week at N=300 and month 30). Then the dead leave just their two ends'
// lists, and the other lists are only renumbered, each from its end back to the first death: with one death a
// decrement per entry, with a few a lookup. The living ties move down in runs between the dead (memmove).
void Network::Compact() {
    ApplyOrigins();
    if (dead_.empty()) return;  // nobody died: the incidence lists are already right
    // Each pass that cuts (the decay, a divisive issue) cuts in tie order, so dead_ is one ascending run, or two in a
    // week with a divisive issue: those are merged, not sorted (sorting a thousand deaths mispredicts half its
    // comparisons).
    if (const auto run = std::is_sorted_until(dead_.begin(), dead_.end()); run != dead_.end()) {
        if (std::is_sorted(run, dead_.end())) {
            std::vector<TieId>& merged = scratch_.merged;
            merged.resize(dead_.size());
            std::merge(dead_.begin(), run, run, dead_.end(), merged.begin());
            dead_.swap(merged);
        } else {
            std::sort(dead_.begin(), dead_.end());
        }
    }
    if (dead_.size() <= FewDeaths) {
        CompactFew();
        dead_.clear();
        // Lists that outgrew their room left their slots behind: packed again once those are twice the entries.
        if (used_ > 3 * (2 * ties_.size() + NodeCount()))
            Repack(ties_.size(), [](TieId id) { return id; });
        return;
    }
    const size_t first_dead = dead_[0];  // the living before it stay put
    const size_t old_size = ties_.size();
    if (old_size >= LargeNetworkTies) {
        // Far bigger than a core's cache: the runs of the living between the dead move down in one copy each (wide
        // moves), and the lists are renumbered from a bitmap of the deaths, since a table of new ids would be read
        // in no order, a miss an entry.
        for (size_t k = 0; k < dead_.size(); ++k) {
            const size_t from = dead_[k] + 1, to = k + 1 < dead_.size() ? dead_[k + 1] : old_size;
            std::copy(ties_.begin() + from, ties_.begin() + to, ties_.begin() + (from - k - 1));
            std::copy(origins_.begin() + from, origins_.begin() + to, origins_.begin() + (from - k - 1));
        }
        ties_.resize(old_size - dead_.size());
        origins_.resize(old_size - dead_.size());
        RenumberFromBitmap(first_dead, old_size);
        dead_.clear();
        return;
    }
    // In cache: the living move tie by tie, filling a table of new ids (NoTie for the dead) as they go. Without
    // branches (which ties died is a coin toss to the predictor): a dead tie is copied too, and overwritten by the
    // next living one. Plain pointers, as a store through a vector makes the compiler reload its data.
    std::vector<TieId>& new_id = scratch_.new_id;  // for ties from first_dead on
    new_id.resize(old_size - first_dead);
    TieId* const table_out = new_id.data() - first_dead;
    Tie* const tie = ties_.data();
    TieOrigin* const origin = origins_.data();
    size_t kept = first_dead;
    for (size_t i = first_dead; i < old_size; ++i) {
        const TieId alive = tie[i].alive;
        table_out[i] = static_cast<TieId>(kept) | (0u - (alive ^ 1u));
        origin[kept] = origin[i];
        tie[kept] = tie[i];
        kept += alive;
    }
    ties_.resize(kept);
    origins_.resize(kept);
    // The lists are renumbered where they are (in cache, their order in memory matters little).
    const TieId* const table = new_id.data();
    for (List& list : lists_) {
        Incidence* const entry = arena_.data() + list.begin;
        uint32_t out = 0;
        while (out < list.size && entry[out].tie < first_dead) ++out;
        for (uint32_t q = out; q < list.size; ++q) {  // without a branch, as above
            const TieId id = table[entry[q].tie - first_dead];
            entry[out] = {entry[q].other, id};
            out += id != NoTie;
        }
        list.size = out;
    }
    dead_.clear();
}

// Both tables (12 bytes a block of 64 ties) stay in a core's first-level cache, where a table of new ids would not.
SIM_WITH_POPCNT void Network::RenumberFromBitmap(size_t first_dead, size_t old_size) {
    std::vector<uint64_t>& dead_bits = scratch_.dead_bits;
    std::vector<TieId>& before = scratch_.before;
    const size_t blocks = (old_size + 63) / 64;
    dead_bits.assign(blocks, 0);
    for (const TieId d : dead_) dead_bits[d / 64] |= uint64_t{1} << (d % 64);
    before.resize(blocks);
    TieId deaths = 0;
    for (size_t b = 0; b < blocks; ++b) {
        before[b] = deaths;
        deaths += static_cast<TieId>(__builtin_popcountll(dead_bits[b]));
    }
    Repack(first_dead, NewIdFromBitmap{dead_bits.data(), before.data()});
}

// Compact() when dead_, sorted, holds at most FewDeaths ties.
void Network::CompactFew() {
    const std::vector<TieId>& dead = dead_;
    for (const TieId d : dead) {
        const Tie& t = ties_[d];
        for (const NodeId end : std::array<NodeId, 2>{t.a, t.b}) {
            const std::span<Incidence> list = Entries(end);
            const auto at = std::find_if(list.begin(), list.end(), [d](const Incidence& e) { return e.tie == d; });
            std::copy(at + 1, list.end(), at);
            --lists_[end].size;
        }
    }
    // The runs of the living between the dead move down.
    for (size_t k = 0; k < dead.size(); ++k) {
        const size_t from = dead[k] + 1, to = k + 1 < dead.size() ? dead[k + 1] : ties_.size();
        std::copy(ties_.begin() + from, ties_.begin() + to, ties_.begin() + (from - k - 1));
        std::copy(origins_.begin() + from, origins_.begin() + to, origins_.begin() + (from - k - 1));
    }
    ties_.resize(ties_.size() - dead.size());
    origins_.resize(origins_.size() - dead.size());
    // Each list is in ascending tie order: only its tail, from the end back to the first death, is renumbered.
    if (dead.size() == 1) {
        const TieId d = dead[0];
        for (const List& list : lists_) {
            Incidence* const entry = arena_.data() + list.begin;
            for (size_t q = list.size; q > 0 && entry[q - 1].tie > d; --q) --entry[q - 1].tie;
        }
        return;
    }
    // new_id for ties from the first death on (the dead themselves are no longer listed).
    std::vector<TieId>& new_id = scratch_.new_id;
    const TieId first = dead[0];
    new_id.resize(ties_.size() + dead.size() - first);
    for (size_t k = 0; k < dead.size(); ++k) {
        const size_t to = k + 1 < dead.size() ? dead[k + 1] : ties_.size() + dead.size();
        for (size_t id = dead[k] + 1; id < to; ++id) new_id[id - first] = static_cast<TieId>(id - k - 1);
    }
    for (const List& list : lists_) {
        Incidence* const entry = arena_.data() + list.begin;
        for (size_t q = list.size; q > 0 && entry[q - 1].tie > first; --q) entry[q - 1].tie = new_id[entry[q - 1].tie - first];
    }
}

Network Network::Relabeled(std::span<const NodeId> new_id) const {
    assert(new_id.size() == NodeCount() && pending_.empty());
    Network out(NodeCount());
    for (size_t i = 0; i < ties_.size(); ++i) {
        const Tie& t = ties_[i];
        if (!t.alive) continue;
        Tie moved = t;
        moved.a = std::min(new_id[t.a], new_id[t.b]);
        moved.b = std::max(new_id[t.a], new_id[t.b]) & (Tie::MaxNodes - 1);
        const TieId id = static_cast<TieId>(out.ties_.size());
        out.ties_.push_back(moved);
        out.origins_.push_back(origins_[i]);
        out.Append(moved.a, {moved.b, id});
        out.Append(moved.b, {moved.a, id});
    }
    return out;
}

std::vector<NodeId> NearestNeighbors(std::span<const Point> points, int k) {
    const size_t n = points.size();
    if (n < 2 || k <= 0) return {};
    const size_t kk = std::min(static_cast<size_t>(k), n - 1);
    double min_x = points[0].x, max_x = points[0].x, min_y = points[0].y, max_y = points[0].y;
    for (const Point& p : points) {
        min_x = std::min(min_x, p.x);
        max_x = std::max(max_x, p.x);
        min_y = std::min(min_y, p.y);
        max_y = std::max(max_y, p.y);
    }
    // About one point per cell: the search around a point then touches O(k) cells.
    int side = 1;
    while (static_cast<size_t>(side) * static_cast<size_t>(side) < n) ++side;
    const double extent = std::max({max_x - min_x, max_y - min_y, 1e-12});
    const double cell = extent / side * (1.0 + 1e-9);
    auto cell_of = [&](double v, double lo) { return std::min(side - 1, static_cast<int>((v - lo) / cell)); };

    // Counting sort of point indices by cell.
    std::vector<uint32_t> start(static_cast<size_t>(side) * side + 1, 0);
    std::vector<int> cell_index(n);
    for (size_t i = 0; i < n; ++i) {
        cell_index[i] = cell_of(points[i].y, min_y) * side + cell_of(points[i].x, min_x);
        ++start[cell_index[i] + 1];
    }
    for (size_t c = 1; c < start.size(); ++c) start[c] += start[c - 1];
    std::vector<NodeId> bucket(n);
    {
        std::vector<uint32_t> fill(start.begin(), start.end() - 1);
        for (size_t i = 0; i < n; ++i) bucket[fill[cell_index[i]]++] = static_cast<NodeId>(i);
    }

    std::vector<NodeId> result(n * kk);
    std::vector<std::pair<double, NodeId>> found;
    std::vector<std::pair<double, NodeId>> scratch;
    for (size_t i = 0; i < n; ++i) {
        found.clear();
        const int cx = cell_index[i] % side, cy = cell_index[i] / side;
        for (int ring = 0;; ++ring) {
            for (int y = cy - ring; y <= cy + ring; ++y) {
                if (y < 0 || y >= side) continue;
                const bool edge_row = y == cy - ring || y == cy + ring;
                for (int x = cx - ring; x <= cx + ring; x += (edge_row || ring == 0) ? 1 : 2 * ring) {
                    if (x < 0 || x >= side) continue;
                    const int c = y * side + x;
                    for (uint32_t q = start[c]; q < start[c + 1]; ++q) {
                        const NodeId j = bucket[q];
                        if (j == i) continue;
                        const double dx = points[j].x - points[i].x, dy = points[j].y - points[i].y;
                        found.emplace_back(dx * dx + dy * dy, j);
                    }
                }
            }
            // Every point outside rings 0..ring is at least ring·cell away along x or y.
            if (found.size() >= kk) {
                scratch = found;
                std::nth_element(scratch.begin(), scratch.begin() + static_cast<long>(kk - 1), scratch.end());
                const double reach = ring * cell;
                if (scratch[kk - 1].first <= reach * reach) break;
            }
            if (ring > 2 * side) break;
        }
        std::partial_sort(found.begin(), found.begin() + static_cast<long>(kk), found.end());
        for (size_t q = 0; q < kk; ++q) result[i * kk + q] = found[q].second;
    }
    return result;
}

namespace {

// The cascade over any adjacency: for_each_tie(u, open, f) calls f(v, w) for u's live ties in incidence order. Where
// open(v) is 0, v has joined, and f changes nothing that is read, whatever w is (v is aware, and its pull is never
// read again), so the tie's weight need not be read. out's buffers are reused. ahead(order, head, joins, open) may hint
// the cache about the joiners after order[head] (no effect on results).
template <class ForEachTie, class Ahead>
void Cascade(size_t n, const CascadeSetup& setup, const ForEachTie& for_each_tie, const Ahead& ahead,
             CascadeResult& out, std::vector<double>& pull) {
    out.joined.assign(n, 0);
    out.aware.assign(setup.aware.begin(), setup.aware.end());
    out.generation.assign(n, -1);
    pull.assign(setup.pull.begin(), setup.pull.end());
    out.order.resize(n);  // everyone joins at most once; trimmed to the joiners at the end
    // Plain pointers: through the vectors, every byte stored would make the compiler reload every vector's data.
    uint8_t* const joined = out.joined.data();
    uint8_t* const aware = out.aware.data();
    int32_t* const generation = out.generation.data();
    NodeId* const order = out.order.data();
    double* const sum = pull.data();
    const uint8_t* const can_join = setup.can_join.data();
    const double* const threshold = setup.threshold.data();
    const double w_info = setup.w_info;
    size_t joins = 0;
    auto join = [&](NodeId v, int32_t g) {
        joined[v] = 1;
        aware[v] = 1;
        generation[v] = g;
        order[joins++] = v;
    };
    auto open = [&](NodeId v) { return static_cast<uint32_t>(joined[v] ^ 1); };
    for (NodeId s : setup.seeds)
        if (!joined[s]) join(s, 0);
    for (NodeId v = 0; v < n; ++v)
        if (!joined[v] && aware[v] && can_join[v] && sum[v] >= threshold[v]) join(v, 0);
    for (size_t head = 0; head < joins; ++head) {
        const NodeId u = order[head];
        ahead(order, head, joins, open);
        const int32_t next = generation[u] + 1;
        for_each_tie(u, open, [&](NodeId v, double w) {
            // A joined neighbor is already aware and its pull is never read again, so both are updated without
            // asking whether it joined. The join test is one branch on the bitwise and of its parts, taken once per
            // joiner: tested one by one (&&), whether the neighbor joined, is aware or can join is a coin toss to
            // the predictor.
            const uint8_t now_aware = aware[v] | static_cast<uint8_t>(w >= w_info);
            aware[v] = now_aware;
            const double s = sum[v] + w;
            sum[v] = s;
            const uint8_t ready = now_aware & can_join[v] & static_cast<uint8_t>(joined[v] ^ 1) &
                                  static_cast<uint8_t>(s >= threshold[v]);
            if (ready != 0) join(v, next);
        });
    }
    out.order.resize(joins);
}

}  // namespace

CascadeResult RunCascade(const Network& network, const CascadeSetup& setup) {
    CascadeResult out;
    std::vector<double> pull;
    RunCascade(network, setup, out, pull);
    return out;
}

void RunCascade(const Network& network, const CascadeSetup& setup, CascadeResult& out, std::vector<double>& pull) {
    const Tie* const ties = network.Ties().data();
    // Every live tie is passed on, joined far end or not: asking first would be a branch the predictor cannot learn.
    // Whether a tie is alive is asked only when some may not be (a real call never meets a dead tie).
    auto for_each_live_tie = [&](NodeId u, const auto&, const auto& f) {
        for (const Incidence& e : network.Incident(u)) {
            const Tie& t = ties[e.tie];
            if (t.alive) f(e.other, t.w);
        }
    };
    auto for_each_tie = [&](NodeId u, const auto&, const auto& f) {
        for (const Incidence& e : network.Incident(u)) f(e.other, ties[e.tie].w);
    };
    // Where the ties are far bigger than a core's cache, a tie's weight is a load that misses, and in a large call
    // about half are not needed: they lead to those who joined before (at N=10,000 Integrated and month 30, 48% of the
    // 3.3 million entries a quarter's ten calls visit). Those read tie 0's weight instead (in cache; there is a tie 0,
    // as u has a tie), chosen by index, without a branch (which neighbors have joined is a coin toss to the
    // predictor). Skipping also those who cannot join and have heard (34% more) was slower: its tests cost more than
    // the loads they saved.
    auto for_each_open_tie = [&](NodeId u, const auto& open, const auto& f) {
        for (const Incidence& e : network.Incident(u)) f(e.other, ties[e.tie & (0u - open(e.other))].w);
    };
    // There one joiner's turn is about as long as a miss: the open ties of the joiners up to TiesAhead after this one
    // are asked for, and the lists of those up to ListsAhead after (each once, as soon as it has joined).
    constexpr size_t TiesAhead = 4, ListsAhead = 8;
    size_t ties_asked = 0, lists_asked = 0;
    auto ahead = [&](const NodeId* order, size_t head, size_t joins, const auto& open) {
        for (const size_t end = std::min(joins, head + 1 + ListsAhead); lists_asked < end; ++lists_asked)
            network.PrefetchIncident(order[lists_asked]);
        for (const size_t end = std::min(joins, head + 1 + TiesAhead); ties_asked < end; ++ties_asked)
            for (const Incidence& e : network.Incident(order[ties_asked]))
                __builtin_prefetch(&ties[e.tie & (0u - open(e.other))].w);
    };
    auto nothing = [](const NodeId*, size_t, size_t, const auto&) {};
    const bool large = network.Ties().size() >= Network::LargeNetworkTies;
    if (network.AllAlive()) {
        if (large)
            Cascade(network.NodeCount(), setup, for_each_open_tie, ahead, out, pull);
        else
            Cascade(network.NodeCount(), setup, for_each_tie, nothing, out, pull);
    } else {
        Cascade(network.NodeCount(), setup, for_each_live_tie, nothing, out, pull);
    }
}

CascadeGraph::CascadeGraph(const Network& network) {
    const size_t n = network.NodeCount();
    start_.assign(n + 1, 0);
    const std::vector<Tie>& ties = network.Ties();
    other_.reserve(2 * ties.size());  // every tie twice, at most
    w_.reserve(2 * ties.size());
    for (size_t i = 0; i < n; ++i) {
        for (const Incidence& e : network.Incident(static_cast<NodeId>(i))) {
            const Tie& t = ties[e.tie];
            if (!t.alive) continue;
            other_.push_back(e.other);
            w_.push_back(t.w);
        }
        start_[i + 1] = static_cast<uint32_t>(other_.size());
    }
}

void CascadeGraph::Run(const CascadeSetup& setup, CascadeResult& out, std::vector<double>& pull) const {
    // Plain pointers, for the reason Cascade gives.
    const uint32_t* const start = start_.data();
    const NodeId* const other = other_.data();
    const double* const w = w_.data();
    auto for_each_tie = [&](NodeId u, const auto&, const auto& f) {
        for (uint32_t q = start[u], end = start[u + 1]; q < end; ++q) f(other[q], w[q]);
    };
    Cascade(NodeCount(), setup, for_each_tie, [](const NodeId*, size_t, size_t, const auto&) {}, out, pull);
}

namespace {

NodeId FindRoot(std::vector<NodeId>& parent, NodeId x) {
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];  // path halving
        x = parent[x];
    }
    return x;
}

}  // namespace

int LargestComponent(const Network& network, NodeId node_limit, double min_w) {
    if (node_limit == 0) return 0;
    std::vector<NodeId> parent(node_limit);
    std::vector<int> size(node_limit, 1);
    for (NodeId i = 0; i < node_limit; ++i) parent[i] = i;
    for (const Tie& t : network.Ties()) {
        if (!t.alive || t.w < min_w || t.b >= node_limit) continue;
        NodeId a = FindRoot(parent, t.a), b = FindRoot(parent, t.b);
        if (a == b) continue;
        if (size[a] < size[b]) std::swap(a, b);
        parent[b] = a;
        size[a] += size[b];
    }
    int best = 0;
    for (NodeId i = 0; i < node_limit; ++i)
        if (parent[i] == i) best = std::max(best, size[i]);
    return best;
}

int CoreSize(const Network& network, NodeId node_limit, double min_w, int k) {
    // Peeling: repeatedly drop nodes with fewer than k qualifying ties. Each tie is touched at most twice.
    std::vector<int> degree(node_limit, 0);
    auto counts = [&](const Tie& t) { return t.alive && t.w >= min_w && t.b < node_limit; };
    for (const Tie& t : network.Ties())
        if (counts(t)) {
            ++degree[t.a];
            ++degree[t.b];
        }
    std::vector<uint8_t> gone(node_limit, 0);
    std::vector<NodeId> queue;
    for (NodeId i = 0; i < node_limit; ++i)
        if (degree[i] < k) {
            gone[i] = 1;
            queue.push_back(i);
        }
    for (size_t head = 0; head < queue.size(); ++head) {
        const NodeId u = queue[head];
        for (const Incidence& e : network.Incident(u)) {
            if (!counts(network.At(e.tie))) continue;
            const NodeId v = e.other;
            if (gone[v]) continue;
            if (--degree[v] < k) {
                gone[v] = 1;
                queue.push_back(v);
            }
        }
    }
    return static_cast<int>(node_limit - queue.size());
}

}  // namespace sim

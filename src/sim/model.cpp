// The weekly tick of one neighborhood (simulation.md §3.4–3.7); knows no clock, no I/O and no scenario names.
//
// [SECTION] constants   [SECTION] construction   [SECTION] the tick   [SECTION] calls and strikes
// [SECTION] ties, energy, disagreement   [SECTION] interventions and hash
#include "sim/model.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstring>

#include "sim/hasher.h"
#include "sim/pick.h"
#include "sim/rng.h"

namespace sim {
namespace {

// [SECTION] constants: rules of thumb from the prototype that are not reader sliders.
constexpr double FriendWeightForFullSocialTime = 1.5;  // summed friend weight at which T_gain is fully earned
constexpr int ChanceEncounterNeighbors = 6;
constexpr int DevelopedContacts = 8;            // 1:1s favour the organizer's most-developed contacts ...
constexpr double ShareWithDeveloped = 0.7;      // ... this often (Han; Ganz's snowflake)
constexpr double GatheringHours = 2.0;
constexpr int GatheringNeighbors = 5;          // host plus the nearest five
constexpr int GatheringMeetings = 2;            // each guest meets two others
constexpr double HelperEnergy = 0.5;            // tired neighbors do not help
constexpr int AidMatchNeighbors = 10;
constexpr double RefusalHours = 0.25;           // a refusal still takes organizer time
constexpr double RefusalTieDamage = 0.05;       // refused residents think less of the organizers (a tie
                                                // weakened this way still ends only by decay)
constexpr double RefusalUnsubscribe = 0.5;
constexpr double MatchTieHours = 0.5;           // matching aid builds a little organizer tie
constexpr double KnownPartnerChance = 0.5;      // at a call, half the time you stand with someone you know
constexpr double CloseFriendsForHalfCost = 3.0; // close friends present that halve a call's energy cost
constexpr double MaxCommitment = -0.3;          // repression lowers thresholds by at most this much
constexpr double CloseWeightForFullRecovery = 2.0;
constexpr double MinHours = 1e-9;
// From this many residents on, residents are numbered along a Hilbert curve over their homes, so that neighbors,
// whose ties the tick walks together, sit near each other in memory. Below it the (cache-resident) population keeps
// the shuffled numbering every published figure and state hash was measured with.
constexpr int SpaceFillingFrom = 10000;
// Each home sits in its own cell of a square grid, jittered within the cell's middle [From, From + Span) on each axis,
// so that no two homes nearly coincide.
constexpr double JitterFrom = 0.2, JitterSpan = 0.6;

// The side of the square grid that holds `nodes` homes, one a cell.
int GridSide(size_t nodes) {
    int side = 1;
    while (static_cast<size_t>(side) * static_cast<size_t>(side) < nodes) ++side;
    return side;
}

// Availability keys: one tag per kind of call so draws never collide, then the tick.
enum class CallTag : uint64_t { Scheduled = 1, Reader = 2, Strike = 3 };
uint64_t CallKey(CallTag tag, int32_t tick) { return (static_cast<uint64_t>(tag) << 56) | static_cast<uint32_t>(tick); }

// |v| without a branch (the sign of an opinion gap is a coin toss to the predictor). It differs from v < 0 ? -v : v
// only in the sign of a zero, which no comparison or difference that uses it can see.
double Abs(double v) { return std::fabs(v); }

// v if keep, else +0.0, without a branch (a compiler may turn `keep ? v : 0.0` into one).
// Through memcpy, not std::bit_cast: Emscripten 3.1.6's libc++ has no bit_cast; compilers make both one move.
double KeepIf(bool keep, double v) {
    uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    bits &= uint64_t{0} - static_cast<uint64_t>(keep);
    double kept = 0.0;
    std::memcpy(&kept, &bits, sizeof kept);
    return kept;
}

// p if v < limit, else q; p if v ≠ other, else q; p if v ≥ limit (doubles; q for a NaN), else q. Conditional moves
// where the compiler would branch: GCC turns a select between two addresses, or between a weight and 0.0, into a
// branch, whatever the hints, and where the branch goes is a coin toss (which entries of a list are organizers' or
// friends'). Elsewhere (WebAssembly has a select instruction) plain selects.
const double* IfBelow(uint32_t v, uint32_t limit, const double* p, const double* q) {
#if defined(__x86_64__) && defined(__GNUC__)
    asm("cmpl %[limit], %[v]\n\tcmovae %[q], %[p]" : [p] "+r"(p) : [v] "rm"(v), [limit] "r"(limit), [q] "r"(q) : "cc");
    return p;
#else
    return v < limit ? p : q;
#endif
}
const double* IfNot(uint32_t v, uint32_t other, const double* p, const double* q) {
#if defined(__x86_64__) && defined(__GNUC__)
    asm("cmpl %[other], %[v]\n\tcmove %[q], %[p]" : [p] "+r"(p) : [v] "r"(v), [other] "r"(other), [q] "r"(q) : "cc");
    return p;
#else
    return v != other ? p : q;
#endif
}
const double* IfAtLeast(double v, double limit, const double* p, const double* q) {
#if defined(__x86_64__) && defined(__GNUC__)
    asm("comisd %[limit], %[v]\n\tcmovb %[q], %[p]" : [p] "+r"(p) : [v] "x"(v), [limit] "x"(limit), [q] "r"(q) : "cc");
    return p;
#else
    return v >= limit ? p : q;
#endif
}

// A weight of 0.0 with an address, for the selects above.
constexpr double Zero = 0.0;

// Position of cell (x, y) along the Hilbert curve filling a side × side grid, side a power of two.
uint64_t HilbertIndex(uint32_t side, uint32_t x, uint32_t y) {
    uint64_t d = 0;
    for (uint32_t s = side / 2; s > 0; s /= 2) {
        const uint32_t rx = (x & s) > 0, ry = (y & s) > 0;
        d += static_cast<uint64_t>(s) * s * ((3 * rx) ^ ry);
        if (ry == 0) {
            if (rx == 1) {
                x = side - 1 - x;
                y = side - 1 - y;
            }
            std::swap(x, y);
        }
    }
    return d;
}

// Renumbers the residents' cells [0, residents) in Hilbert order of the cells (a counting sort: O(N)); organizers
// keep theirs.
void NumberAlongHilbertCurve(std::vector<uint32_t>& cell, int residents, int side) {
    uint32_t pow2 = 1;
    while (pow2 < static_cast<uint32_t>(side)) pow2 *= 2;
    std::vector<uint32_t> start(static_cast<size_t>(pow2) * pow2 + 1, 0);
    std::vector<uint64_t> key(static_cast<size_t>(residents));
    for (int i = 0; i < residents; ++i) {
        key[i] = HilbertIndex(pow2, cell[i] % side, cell[i] / side);
        ++start[static_cast<size_t>(key[i] + 1)];
    }
    for (size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
    std::vector<uint32_t> sorted(static_cast<size_t>(residents));
    for (int i = 0; i < residents; ++i) sorted[start[static_cast<size_t>(key[i])]++] = cell[i];
    std::copy(sorted.begin(), sorted.end(), cell.begin());
}

// Scratch buffers only grow: resize() to a larger size would zero entries that are about to be written.
template <class T>
void GrowTo(std::vector<T>& buffer, size_t size) {
    if (buffer.size() < size) buffer.resize(size);
}

}  // namespace

// [SECTION] construction

Point SpreadInCell(Point home, size_t nodes) {
    const double side = GridSide(nodes);
    auto spread = [side](double v) {
        const double cell = std::floor(v * side);
        return (cell + std::clamp((v * side - cell - JitterFrom) / JitterSpan, 0.0, 1.0)) / side;
    };
    return {spread(home.x), spread(home.y)};
}

Model::Model(const Settings& settings, uint64_t seed) : settings_(settings), seed_(seed) {
    assert(ValidateSettings(settings).empty());
    Initialize();
}

void Model::Initialize() {
    const int residents = settings_.residents;
    const size_t total = static_cast<size_t>(residents + settings_.organizers);
    agents_.assign(total, Agent{});
    network_ = Network(total);

    // Jittered grid; a keyed shuffle assigns cells so organizers live among residents, not in the last row.
    const int side = GridSide(total);
    std::vector<uint32_t> cell(total);
    for (size_t i = 0; i < total; ++i) cell[i] = static_cast<uint32_t>(i);
    Stream shuffle = Keyed(seed_, Purpose::Positions);
    for (size_t i = total; i > 1; --i) std::swap(cell[i - 1], cell[shuffle.Below(static_cast<uint32_t>(i))]);
    if (residents >= SpaceFillingFrom) NumberAlongHilbertCurve(cell, residents, side);
    std::vector<Point> homes(total);
    for (size_t i = 0; i < total; ++i) {
        Stream r = Keyed(seed_, Purpose::Positions, 1, i);
        const double jx = JitterFrom + JitterSpan * r.Uniform(), jy = JitterFrom + JitterSpan * r.Uniform();
        homes[i] = {(static_cast<double>(cell[i] % side) + jx) / side, (static_cast<double>(cell[i] / side) + jy) / side};
        agents_[i].home = homes[i];
    }
    for (int i = 0; i < residents; ++i) {
        Stream r = Keyed(seed_, Purpose::Traits, 0, static_cast<uint64_t>(i));
        Agent& a = agents_[i];
        a.opinion = 2.0 * r.Uniform() - 1.0;
        a.threshold = r.Chance(settings_.diehard_share)
                          ? settings_.theta_diehard
                          : settings_.theta_low + (settings_.theta_high - settings_.theta_low) * r.Uniform();
    }
    for (int k = 0; k < settings_.organizers; ++k) {
        Agent& o = agents_[OrganizerNode(k)];
        o.organizer = true;
        o.opinion = settings_.issue_line;
    }

    neighbors_ = NearestNeighbors(homes, SpatialNeighbors);
    const size_t kk = neighbors_.size() / total;
    const size_t near = std::min(static_cast<size_t>(settings_.near_ties), kk);
    auto near_of = [&](NodeId i) { return std::span<const NodeId>(neighbors_).subspan(i * kk, near); };
    // Each node's long tie's far end, or the node itself for none.
    std::vector<NodeId> long_tie(total);
    for (NodeId i = 0; i < total; ++i) {
        Stream r = Keyed(seed_, Purpose::BaseTies, 0, i);
        long_tie[i] = r.Chance(settings_.long_tie_chance) ? r.Below(static_cast<uint32_t>(total)) : i;
    }
    // Every list's length is known before a tie is made (a near tie is made twice only if each end is among the
    // other's nearest; a long tie is counted even where it repeats one): the lists get their room at once, instead
    // of outgrowing it as the ties come, each move copying a list and each doubling of the arena all of them.
    std::vector<uint32_t> degree(total, 0);
    for (NodeId i = 0; i < total; ++i)
        for (const NodeId j : near_of(i)) {
            if (j < i) {
                const auto back = near_of(j); // Emscripten's libc++ 14 has no std::ranges::find
                if (std::find(back.begin(), back.end(), i) != back.end()) continue;
            }
            ++degree[i];
            ++degree[j];
        }
    for (NodeId i = 0; i < total; ++i)
        if (long_tie[i] != i) {
            ++degree[i];
            ++degree[long_tie[i]];
        }
    size_t ends = 0;
    for (const uint32_t d : degree) ends += d;
    network_.Reserve(degree, ends / 2);
    for (NodeId i = 0; i < total; ++i)
        for (const NodeId j : near_of(i))
            if (network_.Find(i, j) == NoTie) network_.Add(i, j, settings_.w0, TieSource::Acquaintance);
    for (NodeId i = 0; i < total; ++i) {
        const NodeId j = long_tie[i];
        if (j != i && network_.Find(i, j) == NoTie) network_.Add(i, j, settings_.w0, TieSource::Acquaintance);
    }
    if (residents > 0) {
        Stream r = Keyed(seed_, Purpose::Lists);
        for (int k = 0; k < settings_.organizers; ++k)
            for (int c = 0; c < settings_.list_init; ++c) {
                Agent& a = agents_[r.Below(static_cast<uint32_t>(residents))];
                if (a.list_owner == NoOrganizer) a.list_owner = k;
            }
    }
}

// [SECTION] the tick

bool Model::IsLeader(NodeId i) const {
    const Agent& a = agents_[i];
    return !a.organizer && !a.removed && a.leadership >= settings_.leader_level;
}

bool Model::IsActiveOrganizer(int k) const {
    const NodeId o = OrganizerNode(k);
    return !agents_[o].removed && !InBurnout(o);
}

int Model::ActiveOrganizers() const {
    int n = 0;
    for (int k = 0; k < settings_.organizers; ++k) n += IsActiveOrganizer(k);
    return n;
}

int Model::RemainingOrganizers() const {
    int n = 0;
    for (int k = 0; k < settings_.organizers; ++k) n += !agents_[OrganizerNode(k)].removed;
    return n;
}

bool Model::Eligible(NodeId i) const {
    const Agent& a = agents_[i];
    return !a.removed && !InBurnout(i) && a.energy >= settings_.e_min;
}

bool Model::IsMember(NodeId i) const {
    const Agent& a = agents_[i];
    return Abs(a.opinion - settings_.issue_line) <= settings_.member_radius ||
           tick_ - a.last_attend <= settings_.member_weeks;
}

TieId Model::Reinforce(NodeId a, NodeId b, double gain_per_hour, double hours, TieSource source) {
    const size_t before = network_.Ties().size();
    const TieId id = network_.Reinforce(a, b, settings_.w0, gain_per_hour, hours, source);
    if (network_.Ties().size() != before) ++counters_.ties_made;
    return id;
}

void Model::Spend(NodeId i, double energy) { agents_[i].energy = std::max(0.0, agents_[i].energy - energy); }

void Model::Unsubscribe(NodeId i) {
    agents_[i].list_owner = NoOrganizer;
    agents_[i].ignored = 0;
    ++counters_.unsubscribes;
}

// Ties die only in the divisive issue, the decay and an organizer's quitting, late in the tick, and Compact() drops the
// dead at the end of the tick and after every intervention that cuts. So the phases before the divisive issue (social
// time, organizer work, needs and aid, calls and strikes) find every tie alive and do not ask.
void Model::Step() {
    assert(network_.AllAlive());
    hours_ = {};
    // EndTick()'s Compact() applies the week's origin gains.
    if (network_.Ties().size() >= Network::LargeNetworkTies) network_.DeferOrigins();
    SocialTime();
    double aid_hours = 0.0;
    if (ActiveOrganizers() > 0) OrganizerWork(&aid_hours);
    NeedsAndAid(aid_hours);
    if (strike_weeks_left_ > 0) {
        StrikeWeek();
        --strike_weeks_left_;
    } else if (event_credit_ >= settings_.call_cost && ActiveOrganizers() > 0) {
        event_credit_ -= settings_.call_cost;
        RunCall(CallKind::Protest, false);
    }
    if (settings_.shock_every > 0 && tick_ > 0 && tick_ % settings_.shock_every == 0) DivisiveShock();
    EndTick();
}

void Model::EndTick() {
    DecayAndPrune();
    Energy();
    network_.Compact();
    ++tick_;
}

// Residents spend social hours with people they know, chosen ∝ w² (reinforcement of strong ties), sometimes with a
// friend of a friend (triadic closure), and now and then meet a near neighbor by chance (Kumpula et al. 2007).
void Model::SocialTime() {
    const NodeId residents = static_cast<NodeId>(settings_.residents);
    const std::vector<Tie>& ties = network_.Ties();
    const size_t kk = neighbors_.size() / agents_.size();
    // The resident's ties and their w², gathered once per resident: only this resident's own ties change during its
    // turn, and the one that does is refreshed after each hour. Sums run in incidence order, so the draws are exactly
    // those of summing over the incidence list every hour. The running sums are kept (partial[q] = weight2[0] + ... +
    // weight2[q], added in that order), so after one weight changes only the sums from it on are redone, and each is
    // still the same floating-point sum as a full pass. They are redone only when the next hour needs the total (sums
    // from `stale` on are out of date), so the last hour's change costs nothing.
    //
    // Entries are indexed as in the incidence list, ties to organizers weighing 0: adding 0.0 to a sum ≥ 0 is exact,
    // so every sum and total is the one over the resident ties alone, and a pick never lands on a weight of 0
    // (PickWeighted passes over it; PickBySums's bound fails there, as the sum did not rise). So the entries are not
    // copied aside, and a pick is the incidence entry itself.
    std::vector<double>& weight2 = work_.weight2;
    std::vector<double>& partial = work_.partial;
    // The two buffers only ever grow; this resident's entries are the first `count` (growing a vector by resize()
    // would zero what is about to be written, for every resident).
    size_t count = 0;
    constexpr size_t Fresh = SIZE_MAX;
    size_t stale = Fresh;
    auto changed = [&](size_t q) { stale = std::min(stale, q); };
    auto resum = [&] {
        if (stale == Fresh) return;
        double sum = stale > 0 ? partial[stale - 1] : 0.0;
        for (size_t q = stale; q < count; ++q) partial[q] = sum += weight2[q];
        stale = Fresh;
    };
    // Where the ties are far bigger than a core's cache, the gather's loads miss: the next resident's ties are asked
    // for during this resident's turn, and the chance encounter's row of near neighbors two residents ahead (a
    // quarter of the residents read it, too seldom for the hardware's prefetcher to follow: a miss each, 14% of
    // social time's samples at N=10,000 before this hint). The lists themselves need no hint: Compact() lays them
    // out in node order there, and the hardware's prefetcher follows this pass along them.
    const bool large = ties.size() >= Network::LargeNetworkTies;
    for (NodeId i = 0; i < residents; ++i) {
        if (large) [[unlikely]] {
            if (i + 1 < residents) network_.PrefetchTies(i + 1);
            if (i + 2 < residents && kk > 0) {
                const NodeId* const row = neighbors_.data() + (i + 2) * kk;
                __builtin_prefetch(row);
                __builtin_prefetch(row + std::min<size_t>(ChanceEncounterNeighbors, kk) - 1);
            }
        }
        if (agents_[i].removed) continue;
        Stream r = Keyed(seed_, Purpose::Social, static_cast<uint64_t>(tick_), i);
        // Filled by index into buffers at least as long as the incidence list: no capacity checks in the loop.
        std::span<const Incidence> incident = network_.Incident(i);
        count = incident.size();
        GrowTo(weight2, count);
        GrowTo(partial, count);
        double friends = 0.0, sum = 0.0;
        {
            // Plain pointers (a store through a vector makes the compiler reload its data). A tie to an organizer and
            // a weight below the friend weight are read as 0.0 by choosing the address read from, a conditional move
            // rather than a branch (where they fall in a list is a coin toss to the predictor: about three
            // mispredictions a resident as branches). Adding 0.0 leaves the sums as they were, bit for bit. Masks
            // cost 3% more instructions and were no faster.
            const Tie* const tie = ties.data();
            const Incidence* const in = incident.data();
            double* const weight2_out = weight2.data();
            double* const partial_out = partial.data();
            const double w_friend = settings_.w_friend;
            for (size_t q = 0; q < count; ++q) {
                const double* const at = IfBelow(in[q].other, residents, &tie[in[q].tie].w, &Zero);
                const double w = *at, w2 = w * w;
                weight2_out[q] = w2;
                sum += w2;
                partial_out[q] = sum;
                friends += *IfAtLeast(w, w_friend, at, &Zero);
            }
        }
        stale = Fresh;
        double hours = settings_.t_social + settings_.t_gain * std::min(1.0, friends / FriendWeightForFullSocialTime);
        // Where a draw that rounding left unspent goes: the last resident tie (asked for only then; there is one, as
        // the total is above 0).
        auto last = [&] {
            size_t q = count;
            while (incident[q - 1].other >= residents) --q;
            return q - 1;
        };
        while (hours > MinHours && count > 0) {
            const double h = std::min(1.0, hours);
            hours -= h;
            resum();
            const double total = partial[count - 1];
            if (total <= 0.0) break;
            auto by_w2 = [&](size_t q) { return weight2[q]; };
            size_t pick = PickBySums(partial.data(), count, by_w2, total, r.Uniform());
            if (pick >= count) pick = last();
            const Incidence picked = incident[pick];
            NodeId j = picked.other;
            if (r.Chance(settings_.p_triadic)) {
                // A friend of this friend, chosen by tie weight among j's other resident ties: the weights are read
                // once, with their running sums in list order (the total is the last).
                const std::span<const Incidence> theirs = network_.Incident(j);
                std::vector<double>& weight = work_.their_w;
                std::vector<double>& sums = work_.their_sums;
                GrowTo(weight, theirs.size());
                GrowTo(sums, theirs.size());
                double total2 = 0.0;
                {
                    // i and the organizers weigh 0.0, chosen by address as in the gather above.
                    const Tie* const tie = ties.data();
                    const Incidence* const in = theirs.data();
                    double* const weight_out = weight.data();
                    double* const sums_out = sums.data();
                    for (size_t q = 0; q < theirs.size(); ++q) {
                        const double* const at = IfBelow(in[q].other, residents, &tie[in[q].tie].w, &Zero);
                        const double w = *IfNot(in[q].other, i, at, &Zero);
                        weight_out[q] = w;
                        sums_out[q] = total2 += w;
                    }
                }
                auto by_w = [&](size_t q) { return weight[q]; };
                if (total2 > 0.0)
                    if (const size_t q = PickBySums(sums.data(), theirs.size(), by_w, total2, r.Uniform());
                        q < theirs.size())
                        j = theirs[q].other;
            }
            if (j == picked.other) {
                // The tie is already at hand: no lookup.
                network_.Grow(picked.tie, settings_.alpha, h, TieSource::Social);
                weight2[pick] = ties[picked.tie].w * ties[picked.tie].w;
                changed(pick);
                continue;
            }
            // A friend of a friend: whether i knows them, and where in i's list, from one scan of i's list
            // (Network::Reinforce would look in the shorter of the two lists, and then i's for the place).
            size_t q = 0;
            while (q < count && incident[q].other != j) ++q;
            if (q < count) {
                // Already known (every tie is alive in this phase).
                network_.Grow(incident[q].tie, settings_.alpha, h, TieSource::Social);
                weight2[q] = ties[incident[q].tie].w * ties[incident[q].tie].w;
                changed(q);
                continue;
            }
            // A new tie, as Reinforce() makes it; it joins the end of the incidence list.
            const TieId id = network_.Add(i, j, settings_.w0, TieSource::Social);
            network_.Grow(id, settings_.alpha, h, TieSource::Social);
            ++counters_.ties_made;
            incident = network_.Incident(i);  // the new tie may have moved the list
            GrowTo(weight2, count + 1);
            GrowTo(partial, count + 1);
            weight2[count] = ties[id].w * ties[id].w;
            changed(count++);
        }
        if (r.Chance(settings_.p_chance) && kk > 0) {
            const uint32_t pick = r.Below(static_cast<uint32_t>(std::min<size_t>(ChanceEncounterNeighbors, kk)));
            const NodeId j = neighbors_[i * kk + pick];
            if (j < residents && !agents_[j].removed) {
                // Whether i knows them from i's own list, at hand (Reinforce() would scan the shorter of the two
                // lists, and j's is a cache miss of its own at large N); every tie is alive in this phase.
                size_t q = 0;
                while (q < count && incident[q].other != j) ++q;
                const TieId id = q < count ? incident[q].tie : network_.Add(i, j, settings_.w0, TieSource::Social);
                if (q == count) ++counters_.ties_made;
                network_.Grow(id, settings_.alpha, 1.0, TieSource::Social);
            }
        }
    }
}

namespace {

// One organizer's weekly hours by category: the same in both scenarios except for how the strategy splits them.
struct OrganizerBudget {
    double one_on_one = 0.0;
    double gathering = 0.0;
    double aid = 0.0;
    double canvass = 0.0;
    double call_prep = 0.0;
};

OrganizerBudget BudgetOf(const Settings& s) {
    const double relational = s.relational_share * s.organizer_hours;
    const double mobilizing = s.organizer_hours - relational;
    OrganizerBudget b;
    b.one_on_one = relational * s.share_one_on_one;
    b.gathering = relational * s.share_gathering;
    b.aid = relational - b.one_on_one - b.gathering;
    b.canvass = mobilizing * s.canvass_share;
    b.call_prep = mobilizing - b.canvass;
    return b;
}

}  // namespace

// One budget per organizer, split by the strategy: relational hours (1:1s, gatherings, aid matching) and mobilizing
// hours (canvassing, and hours banked toward the next call). Both scenarios spend exactly the same total (test B2).
void Model::OrganizerWork(double* out_aid_hours) {
    const OrganizerBudget budget = BudgetOf(settings_);
    GroupSubscribers();
    double aid_hours = 0.0;
    for (int k = 0; k < settings_.organizers; ++k) {
        if (!IsActiveOrganizer(k)) continue;
        hours_.one_on_one += budget.one_on_one;
        hours_.gatherings += budget.gathering;
        hours_.aid_matching += budget.aid;
        hours_.canvassing += budget.canvass;
        hours_.call_prep += budget.call_prep;
        aid_hours += budget.aid;
        event_credit_ += budget.call_prep;
        GatherContacts(k);
        Stream r = Keyed(seed_, Purpose::Organizer, static_cast<uint64_t>(tick_), static_cast<uint64_t>(k));
        if (!work_.candidates.empty()) {
            OneOnOnes(k, budget.one_on_one, r);
            Gatherings(budget.gathering, r);
        }
        Canvass(k, budget.canvass);
    }
    *out_aid_hours = aid_hours;
}

// Subscribers grouped by organizer (counting sort): candidate contacts without scanning all residents per organizer,
// so the work stays O(N + E) when organizers scale with N.
void Model::GroupSubscribers() {
    const NodeId residents = static_cast<NodeId>(settings_.residents);
    const int organizers = settings_.organizers;
    // Without branches (who is on a list is a coin toss to the predictor): residents on no list, and the removed,
    // are sorted into a bucket of their own ahead of organizer 0's, and list_start[k + 1] is where organizer k's
    // subscribers begin.
    std::vector<uint32_t>& start = work_.list_start;
    start.assign(static_cast<size_t>(organizers) + 2, 0);
    auto bucket = [&](NodeId i) {  // 0 for no list or removed, k + 1 for organizer k's
        return static_cast<uint32_t>(agents_[i].list_owner + 1) & (0u - static_cast<uint32_t>(!agents_[i].removed));
    };
    for (NodeId i = 0; i < residents; ++i) ++start[bucket(i) + 1];
    for (int b = 0; b <= organizers; ++b) start[b + 1] += start[b];
    work_.subscribers.resize(residents);
    work_.fill.assign(start.begin(), start.end() - 1);
    uint32_t* const fill = work_.fill.data();
    NodeId* const subscribers = work_.subscribers.data();
    for (NodeId i = 0; i < residents; ++i) subscribers[fill[bucket(i)]++] = i;
    work_.stamp.assign(agents_.size(), 0);  // every node: GatherContacts stamps organizers too
}

// Organizer k's possible contacts: its subscribers, then the residents it is tied to, each once.
void Model::GatherContacts(int k) {
    const NodeId residents = static_cast<NodeId>(settings_.residents);
    std::vector<NodeId>& candidates = work_.candidates;
    candidates.clear();
    const uint32_t mark = static_cast<uint32_t>(k) + 1;
    for (uint32_t q = work_.list_start[k + 1]; q < work_.list_start[k + 2]; ++q) {
        work_.stamp[work_.subscribers[q]] = mark;
        candidates.push_back(work_.subscribers[q]);
    }
    // Without branches (whether a tie's far end is a subscriber already listed is a coin toss to the predictor):
    // every far end is written after the candidates and stamped, and the count moves on past residents not yet
    // listed only. Stamping an organizer or a removed resident lists nobody.
    const std::span<const Incidence> incident = network_.Incident(OrganizerNode(k));
    size_t count = candidates.size();
    candidates.resize(count + incident.size());
    NodeId* const out = candidates.data();
    uint32_t* const stamp = work_.stamp.data();
    for (const Incidence& e : incident) {
        const NodeId v = e.other;
        const uint32_t take =
            static_cast<uint32_t>(v < residents) & (agents_[v].removed ^ 1u) & static_cast<uint32_t>(stamp[v] != mark);
        stamp[v] = mark;
        out[count] = v;
        count += take;
    }
    candidates.resize(count);
}

// 1:1s, an hour at a time, mostly with the organizer's most-developed contacts (leadership descending, node id
// ascending: a total order), otherwise with any contact; each builds the tie and the resident's leadership.
void Model::OneOnOnes(int k, double hours, Stream& r) {
    const std::vector<NodeId>& candidates = work_.candidates;
    std::array<NodeId, DevelopedContacts> top{};
    int top_count = 0;
    auto better = [&](NodeId x, NodeId y) {
        return agents_[x].leadership > agents_[y].leadership || (agents_[x].leadership == agents_[y].leadership && x < y);
    };
    for (NodeId c : candidates) {
        int pos = top_count < DevelopedContacts ? top_count++ : DevelopedContacts;
        if (pos == DevelopedContacts) {
            if (!better(c, top[DevelopedContacts - 1])) continue;
            pos = DevelopedContacts - 1;
        }
        while (pos > 0 && better(c, top[pos - 1])) {
            top[pos] = top[pos - 1];
            --pos;
        }
        top[pos] = c;
    }
    const NodeId o = OrganizerNode(k);
    const uint32_t count = static_cast<uint32_t>(candidates.size());
    for (double left = hours; left > MinHours;) {
        const double h = std::min(1.0, left);
        left -= h;
        const NodeId i = r.Chance(ShareWithDeveloped) ? top[r.Below(static_cast<uint32_t>(top_count))]
                                                     : candidates[r.Below(count)];
        Reinforce(i, o, settings_.alpha, h, TieSource::Organizing);
        agents_[i].leadership += settings_.dl_one_on_one * h;
    }
}

// Gatherings: a contact hosts their nearest neighbors, and each guest spends the time with two others there.
void Model::Gatherings(double hours, Stream& r) {
    const NodeId residents = static_cast<NodeId>(settings_.residents);
    const size_t kk = neighbors_.size() / agents_.size();
    const uint32_t count = static_cast<uint32_t>(work_.candidates.size());
    std::array<NodeId, GatheringNeighbors + 1> group{};
    for (double left = hours; left > MinHours;) {
        const double h = std::min(GatheringHours, left);
        left -= h;
        const NodeId host = work_.candidates[r.Below(count)];
        uint32_t size = 0;
        group[size++] = host;
        for (size_t q = 0; q < std::min<size_t>(GatheringNeighbors, kk); ++q) {
            const NodeId v = neighbors_[host * kk + q];
            if (v < residents && !agents_[v].removed) group[size++] = v;
        }
        for (uint32_t g = 0; g < size; ++g)
            for (int m = 0; m < GatheringMeetings; ++m) {
                const NodeId b = group[r.Below(size)];
                if (b != group[g]) Reinforce(group[g], b, settings_.alpha, h, TieSource::Organizing);
            }
    }
}

// Canvassing: each hour signs up new subscribers at random; already-listed residents stay where they are.
void Model::Canvass(int k, double hours) {
    const NodeId residents = static_cast<NodeId>(settings_.residents);
    Stream c = Keyed(seed_, Purpose::Canvass, static_cast<uint64_t>(tick_), static_cast<uint64_t>(k));
    const int adds = static_cast<int>(hours * settings_.canvass_rate + 0.5);
    for (int a = 0; a < adds && residents > 0; ++a) {
        Agent& v = agents_[c.Below(residents)];
        if (!v.removed && v.list_owner == NoOrganizer) {
            v.list_owner = k;
            v.ignored = 0;
        }
    }
}

// Needs arise at random (the same draws in both scenarios). Friends help first; otherwise, if aid hours remain,
// organizers match a willing neighbor. Under the conditional policy only members are helped, and only members help.
void Model::NeedsAndAid(double aid_hours) {
    const NodeId residents = static_cast<NodeId>(settings_.residents);
    const size_t kk = neighbors_.size() / agents_.size();
    std::vector<NodeId>& active = work_.active_organizers;
    active.clear();
    for (int k = 0; k < settings_.organizers; ++k)
        if (IsActiveOrganizer(k)) active.push_back(OrganizerNode(k));
    const bool conditional = settings_.aid_conditional;
    auto member = [&](NodeId i) { return agents_[i].list_owner != NoOrganizer && IsMember(i); };

    // Who is in need this week first (each stream is the resident's own, and nothing below changes who is removed),
    // then each need in turn. Where the ties are far bigger than a core's cache, a need's list, its ties and the
    // neighbors at their far ends are misses, one after the other: they are asked for a few needs ahead.
    std::vector<NodeId>& needy = work_.needy;
    std::vector<uint64_t>& need_stream = work_.need_stream;  // where each one's stream stands after the draw
    needy.clear();
    need_stream.clear();
    for (NodeId i = 0; i < residents; ++i) {
        if (agents_[i].removed) continue;
        Stream r = Keyed(seed_, Purpose::Need, static_cast<uint64_t>(tick_), i);
        if (!r.Chance(settings_.p_need)) continue;
        needy.push_back(i);
        need_stream.push_back(r.state);
    }
    const bool large = network_.Ties().size() >= Network::LargeNetworkTies;
    constexpr size_t ListsAhead = 6, TiesAhead = 3;
    for (size_t n = 0; n < needy.size(); ++n) {
        if (large) [[unlikely]] {
            if (n + ListsAhead < needy.size()) network_.PrefetchIncident(needy[n + ListsAhead]);
            if (n + TiesAhead < needy.size())
                for (const Incidence& e : network_.Incident(needy[n + TiesAhead])) {
                    __builtin_prefetch(&network_.At(e.tie).w);
                    __builtin_prefetch(&agents_[e.other].energy);
                    __builtin_prefetch(&agents_[e.other].removed);
                }
        }
        const NodeId i = needy[n];
        Stream r{need_stream[n]};
        NodeId best = i;
        TieId best_tie = NoTie;  // the tie to the friend who helps is at hand: no lookup
        double best_w = 0.0;
        for (const Incidence& e : network_.Incident(i)) {
            const Tie& t = network_.At(e.tie);
            const NodeId j = e.other;
            if (j >= residents || agents_[j].removed || agents_[j].energy < HelperEnergy) continue;
            if (t.w >= settings_.w_friend && t.w > best_w) {
                best_w = t.w;
                best = j;
                best_tie = e.tie;
            }
        }
        if (best != i && r.Chance(best_w)) {
            network_.Grow(best_tie, settings_.alpha_aid, settings_.h_need, TieSource::Aid);
            ++agents_[i].aid_received;
            ++counters_.aid_given;
            continue;
        }
        if (aid_hours < 1.0 || active.empty()) continue;
        if (conditional && !member(i)) {
            aid_hours -= RefusalHours;
            ++counters_.aid_refused;
            for (const Incidence& e : network_.Incident(i)) {
                const Tie& t = network_.At(e.tie);
                if (agents_[e.other].organizer)
                    network_.SetWeight(e.tie, std::max(settings_.w_min, t.w - RefusalTieDamage));
            }
            if (agents_[i].list_owner != NoOrganizer && r.Chance(RefusalUnsubscribe)) Unsubscribe(i);
            continue;
        }
        aid_hours -= 1.0;
        for (size_t q = 0; q < std::min<size_t>(AidMatchNeighbors, kk); ++q) {
            const NodeId j = neighbors_[i * kk + q];
            const Agent& helper = agents_[j];
            if (helper.organizer || helper.removed || helper.energy < HelperEnergy || InBurnout(j)) continue;
            if (conditional && !member(j)) continue;
            if (!r.Chance(helper.aid_received > 0 ? settings_.willing_helped : settings_.willing)) continue;
            const TieId id = Reinforce(i, j, settings_.alpha_aid, settings_.h_need, TieSource::Aid);
            if (conditional) network_.MarkNegotiated(id);
            agents_[j].leadership += settings_.dl_aid;
            ++agents_[i].aid_received;
            ++counters_.aid_given;
            const NodeId o = active[r.Below(static_cast<uint32_t>(active.size()))];
            Reinforce(i, o, settings_.alpha, MatchTieHours, TieSource::Organizing);
            break;
        }
    }
}

// [SECTION] calls and strikes

double Model::EffectiveThreshold(NodeId i, double risk) const {
    if (IsLeader(i)) return 0.0;  // leaders are committed, but must still hear of the call
    const Agent& a = agents_[i];
    const double beyond = std::max(0.0, Abs(a.opinion - settings_.issue_line) - settings_.issue_tolerance);
    return a.threshold * risk * (1.0 + settings_.issue_gain * beyond) + a.deter;
}

void Model::SetUpAvailability(const CallOptions& options, CascadeSetup& setup) const {
    SetUpThresholds(options.risk, setup);
    SetUpWhoCanJoin(options, setup);
}

void Model::SetUpThresholds(double risk, CascadeSetup& setup) const {
    const NodeId residents = static_cast<NodeId>(settings_.residents);
    setup.w_info = settings_.w_info;
    setup.threshold.assign(agents_.size(), 0.0);
    for (NodeId i = 0; i < residents; ++i) setup.threshold[i] = EffectiveThreshold(i, risk);
}

void Model::SetUpWhoCanJoin(const CallOptions& options, CascadeSetup& setup) const {
    const NodeId residents = static_cast<NodeId>(settings_.residents);
    setup.can_join.assign(agents_.size(), 0);
    for (NodeId i = 0; i < residents; ++i) {
        if (!Eligible(i)) continue;  // the draw is made only for those who could come (its stream is their own)
        Stream r = Keyed(seed_, Purpose::Availability, options.key, i);
        setup.can_join[i] = r.Chance(settings_.availability);
    }
}

void Model::SetUpSeeds(const CallOptions& options, CascadeSetup& setup) const {
    const size_t total = agents_.size();
    const NodeId residents = static_cast<NodeId>(settings_.residents);
    setup.aware.assign(total, 0);
    setup.pull.assign(total, 0.0);
    setup.seeds.clear();
    std::vector<uint8_t> blasting(static_cast<size_t>(settings_.organizers), 0);
    bool any_organizer = false;
    if (options.with_organizers)
        for (int k = 0; k < settings_.organizers; ++k) {
            const NodeId o = OrganizerNode(k);
            if (agents_[o].removed || (!options.force_organizers && InBurnout(o))) continue;
            blasting[k] = 1;
            any_organizer = true;
            setup.seeds.push_back(o);
        }
    if (any_organizer)
        for (NodeId i = 0; i < residents; ++i) {
            const Agent& a = agents_[i];
            if (a.removed || a.list_owner == NoOrganizer || !blasting[a.list_owner]) continue;
            setup.aware[i] = 1;
            setup.pull[i] += settings_.push;
        }
    if (settings_.initiator == InitiatorRule::LeadersCoordinate)
        for (NodeId i = 0; i < residents; ++i)
            if (IsLeader(i) && setup.can_join[i]) setup.seeds.push_back(i);
    if (setup.seeds.empty()) {
        // Someone must start the call; everyone else still has to hear of it through ties.
        std::vector<NodeId> pool;
        if (settings_.initiator == InitiatorRule::OneLeader)
            for (NodeId i = 0; i < residents; ++i)
                if (IsLeader(i) && setup.can_join[i]) pool.push_back(i);
        if (pool.empty())
            for (NodeId i = 0; i < residents; ++i)
                if (setup.can_join[i]) pool.push_back(i);
        if (!pool.empty()) {
            Stream r = Keyed(seed_, Purpose::Initiator, options.key);
            setup.seeds.push_back(pool[r.Below(static_cast<uint32_t>(pool.size()))]);
        }
    }
}

CallOutcome Model::SimulateCall(const CallOptions& options) const {
    CascadeSetup setup;
    std::vector<double> pull;
    CallOutcome out;
    SimulateCallInto(options, setup, pull, out);
    return out;
}

void Model::SimulateCallInto(const CallOptions& options, CascadeSetup& setup, std::vector<double>& pull,
                             CallOutcome& out) const {
    const NodeId residents = static_cast<NodeId>(settings_.residents);
    SetUpAvailability(options, setup);
    SetUpSeeds(options, setup);
    RunCascade(network_, setup, out.cascade, pull);
    out.attendees = 0;
    out.aware = 0;
    for (NodeId i = 0; i < residents; ++i) {
        out.attendees += out.cascade.joined[i];
        out.aware += out.cascade.aware[i];
    }
}

// A real call: its set-up and scratch come from the tick's buffers, and its result is written over the last call's
// buffers, which it then replaces.
CallOutcome Model::RealCall(const CallOptions& options) {
    CallOutcome out;
    out.cascade = std::move(last_call_);
    SimulateCallInto(options, work_.call_setup, work_.call_pull, out);
    return out;
}

void Model::RunCall(CallKind kind, bool reader_called) {
    const uint64_t key = CallKey(reader_called ? CallTag::Reader : CallTag::Scheduled, tick_);
    CallOutcome out = RealCall({true, false, 1.0, key});
    Attend(kind, reader_called, key, out);
    last_call_ = std::move(out.cascade);
}

// What attending a call does, a protest or a week of a strike alike: the call is recorded; attendees spend time with
// a few others there (preferring people they know), spend energy (less with close friends beside them), gain a little
// leadership and a small tie to their organizer; subscribers who stayed away tire of the list; organizers spend
// energy, shared with the leaders who came.
void Model::Attend(CallKind kind, bool reader_called, uint64_t key, const CallOutcome& out) {
    const NodeId residents = static_cast<NodeId>(settings_.residents);
    const std::vector<uint8_t>& joined = out.cascade.joined;
    ++counters_.calls;
    calls_.push_back({tick_, kind, reader_called, out.attendees, out.aware,
                      static_cast<double>(out.attendees) / settings_.residents});

    std::vector<NodeId>& attendees = work_.attendees;
    attendees.clear();
    for (NodeId i = 0; i < residents; ++i)
        if (joined[i]) attendees.push_back(i);
    // Co-presence: each attendee spends time with a few others, preferring people they already know.
    if (attendees.size() >= 2)
        for (NodeId a : attendees) {
            Stream r = Keyed(seed_, Purpose::Copresence, key, a);
            for (int m = 0; m < settings_.copresence_pairs; ++m) {
                NodeId b = attendees[r.Below(static_cast<uint32_t>(attendees.size()))];
                TieId known_tie = NoTie;  // the tie to a known partner is at hand: no lookup
                if (r.Chance(KnownPartnerChance)) {
                    // The known who came, their weights and the running sums of those, in list order. The others
                    // weigh 0: leaving them out changes neither a sum (adding 0.0 to a sum ≥ 0 is exact) nor the
                    // pick (PickWeighted passes over them), and the sums' chain of additions, the slow part, gets
                    // as short as the list of those who came. Without branches: whether a neighbor came is a coin
                    // toss to the predictor. One who did not come reads tie 0 instead of their own (no miss).
                    const std::span<const Incidence> known = network_.Incident(a);
                    GrowTo(work_.came, known.size());
                    GrowTo(work_.their_w, known.size());
                    GrowTo(work_.their_sums, known.size());
                    uint32_t* const came = work_.came.data();
                    double* const weight = work_.their_w.data();
                    double* const sums = work_.their_sums.data();
                    const Tie* const tie = network_.Ties().data();
                    size_t count = 0;
                    for (size_t q = 0; q < known.size(); ++q) {
                        const NodeId v = known[q].other;  // joined has an entry for every node
                        const uint32_t here = static_cast<uint32_t>(v < residents) & joined[v];
                        const Tie& t = tie[known[q].tie & (0u - here)];  // tie 0 unless here
                        came[count] = static_cast<uint32_t>(q);
                        weight[count] = t.w;
                        count += here;
                    }
                    double total = 0.0;
                    for (size_t c = 0; c < count; ++c) sums[c] = total += weight[c];
                    auto by_w = [&](size_t c) { return weight[c]; };
                    const double u = r.Uniform();  // drawn even when nobody known came, keeping the stream's order
                    if (total > 0.0)
                        if (const size_t c = PickBySums(sums, count, by_w, total, u); c < count) {
                            b = known[came[c]].other;
                            known_tie = known[came[c]].tie;
                        }
                }
                if (known_tie != NoTie)
                    network_.Grow(known_tie, settings_.alpha, settings_.event_hours, TieSource::Action);
                else if (b != a)
                    Reinforce(a, b, settings_.alpha, settings_.event_hours, TieSource::Action);
            }
        }

    int active = 0, helpers = 0;
    std::vector<uint8_t>& blasting = work_.blasting;
    blasting.assign(static_cast<size_t>(settings_.organizers), 0);
    for (int k = 0; k < settings_.organizers; ++k)
        if (IsActiveOrganizer(k)) {
            blasting[k] = 1;
            ++active;
        }
    // Close friends beside each attendee, on the ties as co-presence left them (what follows touches only ties to
    // organizers, whose counts are not asked for). A count does not depend on order, so when many came it is one
    // pass along the tie array instead of a scattered look at every attendee's ties.
    const std::vector<Tie>& ties = network_.Ties();
    size_t scattered = 0;
    for (NodeId a : attendees) scattered += network_.Incident(a).size();
    const bool along_ties = 2 * scattered >= ties.size();
    std::vector<uint32_t>& close_beside = work_.close_beside;
    if (along_ties) {
        close_beside.assign(agents_.size(), 0);
        const double w_close = settings_.w_close;
        // Close ties are few (at N=300 and month 30, under 2% of the Integrated run's and none of the Mobilized
        // run's), so asking first is a branch the predictor gets right; whether both came is a coin toss to it, so
        // that is added without one.
        for (const Tie& t : ties)
            if (t.w >= w_close) {
                const uint32_t both = static_cast<uint32_t>(joined[t.a] & joined[t.b]);
                close_beside[t.a] += both;
                close_beside[t.b] += both;
            }
    }
    for (NodeId i = 0; i < residents; ++i) {
        Agent& a = agents_[i];
        if (joined[i]) {
            helpers += IsLeader(i);
            int close = 0;
            if (along_ties)
                close = static_cast<int>(close_beside[i]);
            else
                for (const Incidence& e : network_.Incident(i))
                    if (joined[e.other]) {  // asked first: the tie is touched only for those who came
                        const Tie& t = ties[e.tie];
                        close += t.w >= settings_.w_close;
                    }
            Spend(i, settings_.event_cost * (1.0 - 0.5 * std::min(1.0, close / CloseFriendsForHalfCost)));
            a.last_attend = tick_;
            a.leadership += settings_.dl_event;
            a.ignored = 0;
            if (a.list_owner != NoOrganizer && blasting[a.list_owner])
                Reinforce(i, OrganizerNode(a.list_owner), settings_.alpha,
                          std::min(1.0, settings_.organizer_hours / out.attendees), TieSource::Organizing);
        } else if (a.list_owner != NoOrganizer && blasting[a.list_owner] && !a.removed) {
            if (++a.ignored >= settings_.k_ignore) Unsubscribe(i);
        }
    }
    // Leaders share the organizers' load (Andrews et al. 2010), up to three per organizer.
    if (active > 0) {
        const double load = settings_.organizer_event_cost * active / (active + std::min(helpers, 3 * active));
        for (int k = 0; k < settings_.organizers; ++k)
            if (blasting[k]) Spend(OrganizerNode(k), load);
    }
}

// A week of a strike is a call at higher risk (thresholds × strike_risk), or the reader's forced walkout, with all
// that attending any call does, and then what only struggle does: repression, picket lines that bond (more so under
// shared repression), the chilling of onlookers and the commitment of the repressed, and picket captains.
void Model::StrikeWeek() {
    const uint64_t key = CallKey(CallTag::Strike, tick_);
    const NodeId residents = static_cast<NodeId>(settings_.residents);
    CallOutcome out = RealCall({true, false, settings_.strike_risk, key});
    std::vector<uint8_t>& joined = out.cascade.joined;
    if (settings_.strike_walkout > 0.0) {
        // The reader's "most of the workplace walks out": the same people each week, if they still can.
        out.attendees = 0;
        out.cascade.order.clear();
        for (NodeId i = 0; i < residents; ++i) {
            Stream r = Keyed(seed_, Purpose::Walkout, static_cast<uint64_t>(strike_number_), i);
            joined[i] = Eligible(i) && r.Chance(settings_.strike_walkout);
            out.cascade.generation[i] = joined[i] ? 0 : -1;
            if (joined[i]) {
                out.cascade.aware[i] = 1;
                out.cascade.order.push_back(i);
                ++out.attendees;
            }
        }
    }
    Attend(CallKind::Strike, true, key, out);

    std::vector<NodeId> strikers;
    std::vector<uint8_t> repressed(agents_.size(), 0);
    for (NodeId i = 0; i < residents; ++i) {
        if (!joined[i]) continue;
        strikers.push_back(i);
        Stream r = Keyed(seed_, Purpose::Strike, key, i);
        if (r.Chance(settings_.p_repress)) {
            repressed[i] = 1;
            Spend(i, settings_.repress_energy);
        }
    }
    // Picket lines: pairs of nearby strikers; shared repression multiplies the bonding (identity fusion).
    const size_t kk = neighbors_.size() / agents_.size();
    for (NodeId a : strikers) {
        Stream r = Keyed(seed_, Purpose::Strike, key, residents + a);
        for (int m = 0; m < settings_.picket_pairs; ++m) {
            NodeId b = a;
            const uint32_t offset = kk > 0 ? r.Below(static_cast<uint32_t>(kk)) : 0;
            for (size_t q = 0; q < kk; ++q) {
                const NodeId c = neighbors_[a * kk + (q + offset) % kk];
                if (c < residents && joined[c]) {
                    b = c;
                    break;
                }
            }
            if (b == a) b = strikers[r.Below(static_cast<uint32_t>(strikers.size()))];
            if (b == a) continue;
            const double mult = 1.0 + settings_.fusion * ((repressed[a] || repressed[b]) ? 1.0 : 0.0);
            Reinforce(a, b, settings_.alpha * mult, settings_.picket_hours, TieSource::Struggle);
        }
    }
    for (NodeId i = 0; i < residents; ++i) {
        Agent& a = agents_[i];
        if (a.removed) continue;
        if (joined[i]) {
            a.leadership += settings_.dl_strike * (1.0 + repressed[i]);
            a.deter = std::max(MaxCommitment, a.deter - settings_.commit * repressed[i]);
        } else {
            // Onlookers who know someone repressed are chilled (Sullivan & Davenport).
            for (const Incidence& e : network_.Incident(i)) {
                const Tie& t = network_.At(e.tie);
                if (t.w >= settings_.w_info && repressed[e.other]) {
                    a.deter += settings_.deter;
                    break;
                }
            }
        }
    }
    last_call_ = std::move(out.cascade);
}

// [SECTION] ties, energy, disagreement

void Model::DivisiveShock() {
    const bool fragile = settings_.aid_conditional && settings_.conditional_fragility > 0.0;
    const double f = settings_.conditional_fragility;
    // Every tie's weight is written, those within the gap less 0.0 (exact): whether a gap is too wide is a coin toss
    // to the predictor. Plain pointers and the settings in locals, as a weight's store might alias them; Cut() adds
    // no tie.
    const Tie* const tie = network_.Ties().data();
    const TieId count = static_cast<TieId>(network_.Ties().size());
    const Agent* const agent = agents_.data();
    const double dis_cut = settings_.dis_cut, s_dis = settings_.s_dis, w_min = settings_.w_min;
    for (TieId id = 0; id < count; ++id) {
        const Tie& t = tie[id];
        if (!t.alive) continue;
        const double gap = Abs(agent[t.a].opinion - agent[t.b].opinion);
        // Molm: trust built in negotiated exchange breaks at smaller disagreements and breaks harder.
        const bool negotiated = fragile && t.negotiated;
        const double cut = negotiated ? dis_cut * (1.0 - 0.5 * f) : dis_cut;
        const bool hit = gap > cut;
        const double damage = KeepIf(hit, s_dis * (gap - cut) * (1.0 - t.w) * (negotiated ? 1.0 + f : 1.0));
        const double w = t.w - damage;
        network_.SetWeight(id, w);
        if (hit & (w < w_min)) {  // one branch, rarely taken
            network_.Cut(id);
            ++counters_.ties_cut;
        }
    }
    const double distance = fragile ? settings_.unsub_distance * (1.0 - 0.5 * f) : settings_.unsub_distance;
    for (NodeId i = 0; i < static_cast<NodeId>(settings_.residents); ++i) {
        const Agent& a = agents_[i];
        if (a.removed || a.list_owner == NoOrganizer) continue;
        if (Abs(a.opinion - settings_.issue_line) <= distance) continue;
        Stream r = Keyed(seed_, Purpose::Shock, static_cast<uint64_t>(tick_), i);
        if (r.Chance(settings_.p_unsub)) Unsubscribe(i);
    }
}

// Unused ties fade; ties with common close friends fade more slowly (Burt 2002). Embeddedness is counted on this
// week's close ties, gathered before any weight changes, so the result does not depend on tie order. Two ways give
// the same counts: from the friends' side (every pair of one person's close friends adds one to the tie between the
// two, a lookup per pair) while close friendships are few, as at the defaults; tie by tie (mark one end's close
// friends, count them at the other end) once they are many, as with the fastest friendships the sliders allow.
//
// The same pass sums each node's close weight after the decay (what Energy() reads), in tie order as before.
void Model::DecayAndPrune() {
    const size_t total = agents_.size();
    const std::vector<Tie>& ties = network_.Ties();
    std::vector<uint32_t>& start = work_.close_start;
    start.assign(total + 1, 0);
    std::vector<TieId>& close_ties = work_.close_ties;  // one pass over all ties finds them; the fill reads only these
    close_ties.clear();
    const double w_close_now = settings_.w_close;
    const TieId tie_count = static_cast<TieId>(ties.size());
    // One branch a tie, rarely taken; whether it is alive is asked only in a week when some tie was cut before. A
    // plain pointer: through the vector, the compiler would reload its data after every push_back.
    if (network_.AllAlive()) {
        const Tie* const first = ties.data();
        for (const Tie* t = first; t != first + tie_count; ++t)
            if (t->w >= w_close_now) close_ties.push_back(static_cast<TieId>(t - first));
    } else {
        for (TieId id = 0; id < tie_count; ++id)
            if (const Tie& t = ties[id]; t.alive & (t.w >= w_close_now)) close_ties.push_back(id);
    }
    for (const TieId id : close_ties) {
        ++start[ties[id].a + 1];
        ++start[ties[id].b + 1];
    }
    for (size_t i = 0; i < total; ++i) start[i + 1] += start[i];
    std::vector<NodeId>& close = work_.close;
    close.resize(start[total]);
    work_.fill.assign(start.begin(), start.end() - 1);
    for (const TieId id : close_ties) {
        const Tie& t = ties[id];
        close[work_.fill[t.a]++] = t.b;
        close[work_.fill[t.b]++] = t.a;
    }
    std::vector<uint32_t>& common = work_.common;
    common.assign(ties.size(), 0);
    uint64_t pairs = 0;
    for (size_t c = 0; c < total; ++c) {
        const uint64_t d = start[c + 1] - start[c];
        pairs += d * (d - (d > 0)) / 2;
    }
    uint32_t most_common = 0;  // the largest count, which sizes the table of factors below
    if (pairs * 4 <= ties.size()) {
        for (size_t c = 0; c < total; ++c)
            if (start[c + 1] - start[c] >= 2)  // one branch, rarely taken (most have no close friend or one)
                for (uint32_t p = start[c]; p < start[c + 1]; ++p)
                    for (uint32_t q = p + 1; q < start[c + 1]; ++q)
                        if (const TieId id = network_.Find(close[p], close[q]); id != NoTie)
                            most_common = std::max(most_common, ++common[id]);
    } else {
        std::vector<uint32_t>& mark = work_.stamp;
        mark.assign(total, 0);
        for (TieId id = 0; id < ties.size(); ++id) {
            const Tie& t = ties[id];
            if (!t.alive || start[t.a] == start[t.a + 1] || start[t.b] == start[t.b + 1]) continue;
            for (uint32_t q = start[t.a]; q < start[t.a + 1]; ++q) mark[close[q]] = id + 1;
            for (uint32_t q = start[t.b]; q < start[t.b + 1]; ++q) common[id] += mark[close[q]] == id + 1;
            most_common = std::max(most_common, common[id]);
        }
    }
    // The weekly factor for each count of common close friends c, for friendships (lambda0) and acquaintances
    // (lambda_weak), tabled for every count that occurs (factor[2c + weak]) instead of dividing per tie: the choice
    // is an index, not a branch (friend or acquaintance is a coin toss to the predictor).
    std::vector<double>& factor = work_.factors;
    factor.resize(2 * (static_cast<size_t>(most_common) + 1));
    for (uint32_t c = 0; c <= most_common; ++c)
        for (const bool weak : {false, true})
            factor[2 * c + weak] =
                1.0 - (weak ? settings_.lambda_weak : settings_.lambda0) / (1.0 + settings_.kappa * static_cast<int>(c));
    // The settings in locals, and the arrays as plain pointers: a store to a tie's weight might alias them (all
    // double), forcing a reload per tie.
    const double w_friend = settings_.w_friend, w_min = settings_.w_min, w_close = settings_.w_close;
    std::vector<double>& support = work_.support;
    support.assign(total, 0.0);
    const uint32_t* const common_of = common.data();
    const double* const factor_of = factor.data();
    double* const support_of = support.data();
    network_.SetWeights([&](TieId id, const Tie& t) { return t.w * factor_of[2 * common_of[id] + (t.w < w_friend)]; },
                        [&](TieId id, const Tie& t) {
                            if (t.w < w_min) {
                                network_.Cut(id);
                                ++counters_.ties_cut;
                            } else if (t.w >= w_close) {
                                support_of[t.a] += t.w;
                                support_of[t.b] += t.w;
                            }
                        });
}

// Energy recovers each week, faster with close ties (support buffers burnout; Chen & Gorski 2015). Below e_burn a
// burnout starts; organizers quit after quit_after burnouts. Each node's close weight this week is
// work_.support, summed by DecayAndPrune().
void Model::Energy() {
    const std::vector<double>& support = work_.support;
    for (NodeId i = 0; i < agents_.size(); ++i) {
        Agent& a = agents_[i];
        if (a.removed) continue;
        if (a.organizer && !InBurnout(i)) Spend(i, settings_.organizer_drain);
        a.energy = std::min(1.0, a.energy + settings_.recovery +
                                     settings_.recovery_social * std::min(1.0, support[i] / CloseWeightForFullRecovery));
        if (a.energy < settings_.e_burn && !InBurnout(i)) {
            a.burnout_until = tick_ + settings_.burnout_weeks;
            ++a.burnouts;
            a.energy = settings_.e_burn;
            if (!a.organizer) {
                ++counters_.resident_burnouts;
                continue;
            }
            ++counters_.organizer_burnouts;
            if (a.burnouts >= settings_.quit_after) {
                RemoveOrganizer(static_cast<int>(i) - settings_.residents);
                ++counters_.organizer_quits;
            }
        }
    }
}

void Model::RemoveOrganizer(int k) {
    const NodeId o = OrganizerNode(k);
    agents_[o].removed = true;
    for (const Incidence& e : network_.Incident(o))
        if (network_.At(e.tie).alive) {
            network_.Cut(e.tie);
            ++counters_.ties_cut;
        }
    for (NodeId i = 0; i < static_cast<NodeId>(settings_.residents); ++i)
        if (agents_[i].list_owner == k) agents_[i].list_owner = NoOrganizer;
}

// [SECTION] interventions and hash

void Model::Apply(const Intervention& intervention) {
    switch (intervention.kind) {
        case InterventionKind::RemoveOrganizers:
            for (int k = 0; k < settings_.organizers; ++k)
                if (!agents_[OrganizerNode(k)].removed) RemoveOrganizer(k);
            event_credit_ = 0.0;
            network_.Compact();
            break;
        case InterventionKind::CallProtest:
            RunCall(CallKind::Protest, true);
            break;
        case InterventionKind::CallStrike:
            ++strike_number_;
            strike_weeks_left_ = settings_.strike_weeks;
            break;
        case InterventionKind::SetAidPolicy:
            settings_.aid_conditional = intervention.value != 0;
            break;
        case InterventionKind::DivisiveIssue:
            DivisiveShock();
            network_.Compact();
            break;
        case InterventionKind::AdvanceWeeks:
            for (int w = 0; w < intervention.value; ++w) Step();
            break;
        case InterventionKind::RemoveResidents:
            RemoveRandomResidents(intervention.value);
            network_.Compact();
            break;
    }
}

// Albert, Jeong & Barabási's control: the same number of people leave, but chosen at random.
void Model::RemoveRandomResidents(int count) {
    std::vector<NodeId> present;
    for (NodeId i = 0; i < static_cast<NodeId>(settings_.residents); ++i)
        if (!agents_[i].removed) present.push_back(i);
    Stream r = Keyed(seed_, Purpose::Removal, static_cast<uint64_t>(tick_));
    for (int c = 0; c < count && !present.empty(); ++c) {
        const uint32_t pick = r.Below(static_cast<uint32_t>(present.size()));
        const NodeId i = present[pick];
        present[pick] = present.back();
        present.pop_back();
        agents_[i].removed = true;
        agents_[i].list_owner = NoOrganizer;
        for (const Incidence& e : network_.Incident(i))
            if (network_.At(e.tie).alive) {
                network_.Cut(e.tie);
                ++counters_.ties_cut;
            }
    }
}

Model Model::Rested() const {
    Model out = *this;
    for (Agent& a : out.agents_)
        if (!a.organizer) {
            a.energy = 1.0;
            a.burnout_until = std::min(a.burnout_until, tick_ - 1);
        }
    return out;
}

Model Model::Relabeled(std::span<const NodeId> new_id) const {
    assert(new_id.size() == static_cast<size_t>(settings_.residents));
    const size_t total = agents_.size();
    std::vector<NodeId> to(total);
    for (size_t i = 0; i < total; ++i) to[i] = i < new_id.size() ? new_id[i] : static_cast<NodeId>(i);
    Model out = *this;
    for (size_t i = 0; i < total; ++i) out.agents_[to[i]] = agents_[i];
    out.network_ = network_.Relabeled(to);
    const size_t kk = neighbors_.size() / total;
    for (size_t i = 0; i < total; ++i)
        for (size_t q = 0; q < kk; ++q) out.neighbors_[to[i] * kk + q] = to[neighbors_[i * kk + q]];
    auto move_nodes = [&](auto& per_node) {
        if (per_node.size() != total) return;
        auto moved = per_node;
        for (size_t i = 0; i < total; ++i) moved[to[i]] = per_node[i];
        per_node = std::move(moved);
    };
    move_nodes(out.last_call_.joined);
    move_nodes(out.last_call_.aware);
    move_nodes(out.last_call_.generation);
    for (NodeId& v : out.last_call_.order) v = to[v];
    return out;
}

const char* InterventionName(InterventionKind kind) {
    switch (kind) {
        case InterventionKind::RemoveOrganizers: return "remove-organizers";
        case InterventionKind::CallProtest: return "protest";
        case InterventionKind::CallStrike: return "strike";
        case InterventionKind::SetAidPolicy: return "aid-policy";
        case InterventionKind::DivisiveIssue: return "divisive-issue";
        case InterventionKind::AdvanceWeeks: return "advance";
        case InterventionKind::RemoveResidents: return "remove-residents";
    }
    return "";
}

// The hash covers the model's whole state except what is named below as left out. The structured bindings are the
// tripwire: each lists every field of its type, in order, so a new field in Model, Agent, Point, Tie, CallRecord or
// Counters stops the build here until it is hashed or named as left out, with the reason.
uint64_t Model::StateHash() const {
    // Left out: settings (the run's input, not its state), neighbors (a function of the homes), last_call and hours
    // (what the last call and week did, kept for drawing), work (scratch buffers).
    [[maybe_unused]] const auto& [settings, seed, tick, agents, network, neighbors, event_credit, strike_number,
                                  strike_weeks_left, calls, last_call, counters, hours, work] = *this;
    Hasher h;
    h.Add(seed);
    h.Add(tick);
    h.Add(event_credit);
    h.Add(strike_number);
    h.Add(strike_weeks_left);
    for (const Agent& a : agents) {
        const auto& [home, opinion, threshold, energy, leadership, deter, burnout_until, burnouts, ignored, last_attend,
                     aid_received, list_owner, organizer, removed] = a;
        const auto& [x, y] = home;
        h.Add(x);
        h.Add(y);
        for (double v : {opinion, threshold, energy, leadership, deter}) h.Add(v);
        for (int32_t v : {burnout_until, burnouts, ignored, last_attend, aid_received, list_owner}) h.Add(v);
        h.Add(organizer);
        h.Add(removed);
    }
    // The network's incidence lists are a function of its ties; its ties and their origins are hashed.
    h.Add(static_cast<uint64_t>(network.Ties().size()));
    for (const Tie& t : network.Ties()) {
        const auto& [a, b, alive, negotiated, w] = t;
        h.Add(a);
        h.Add(b);
        h.Add(w);
        h.Add(alive);
        h.Add(negotiated);
    }
    for (const TieOrigin& origin : network.Origins())
        for (float b : origin) h.Add(b);
    for (const CallRecord& c : calls) {
        // Left out: turnout, which is attendees over residents.
        [[maybe_unused]] const auto& [call_tick, kind, reader_called, attendees, aware, turnout] = c;
        h.Add(call_tick);
        h.Add(static_cast<uint64_t>(kind));
        h.Add(reader_called);
        h.Add(attendees);
        h.Add(aware);
    }
    const auto& [calls_held, organizer_burnouts, organizer_quits, resident_burnouts, unsubscribes, aid_given,
                 aid_refused, ties_made, ties_cut] = counters;
    for (int32_t v : {calls_held, organizer_burnouts, organizer_quits, resident_burnouts, unsubscribes, aid_given,
                      aid_refused, ties_made, ties_cut})
        h.Add(v);
    return h.h;
}

}  // namespace sim

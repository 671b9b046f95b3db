// Tier B engine checks of the network layer: kNN, cascade least fixed point, Granovetter 1978, Centola–Macy and
// Albert–Jeong–Barabási (simulation.md §5, B5/B8/B9/B10), and the tie store itself; knows nothing of residents or
// scenarios.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/network.h"
#include "sim/pick.h"
#include "sim/rng.h"

using namespace sim;

namespace {

CascadeSetup Uniform(size_t n, double threshold, bool all_aware) {
    CascadeSetup s;
    s.threshold.assign(n, threshold);
    s.can_join.assign(n, 1);
    s.aware.assign(n, all_aware ? 1 : 0);
    s.pull.assign(n, 0.0);
    s.w_info = 0.1;
    return s;
}

int Joined(const CascadeResult& r) { return static_cast<int>(std::count(r.joined.begin(), r.joined.end(), 1)); }

// Ring lattice: each node tied to its k/2 nearest on either side; then a fraction p of ties rewired at random
// (Watts–Strogatz), keeping the number of ties.
Network Ring(int n, int k, double p, uint64_t seed) {
    Network net(static_cast<size_t>(n));
    Stream r = Keyed(seed, Purpose::Test, 1);
    for (int i = 0; i < n; ++i)
        for (int d = 1; d <= k / 2; ++d) {
            NodeId a = static_cast<NodeId>(i), b = static_cast<NodeId>((i + d) % n);
            if (r.Chance(p)) {
                do b = r.Below(static_cast<uint32_t>(n));
                while (b == a || net.Find(a, b) != NoTie);
            }
            if (net.Find(a, b) == NoTie) net.Add(a, b, 1.0, TieSource::Social);
        }
    return net;
}

}  // namespace

TEST_CASE("grid nearest neighbors equal brute force", "[sim][engine]") {
    const int n = GENERATE(2, 17, 300, 1000);
    CAPTURE(n);
    std::vector<Point> pts(static_cast<size_t>(n));
    Stream r = Keyed(42, Purpose::Test, static_cast<uint64_t>(n));
    for (Point& p : pts) p = {r.Uniform() * 3.0, r.Uniform()};  // uneven spread, not a grid
    const int k = 6;
    const auto nn = NearestNeighbors(pts, k);
    const size_t kk = std::min<size_t>(k, static_cast<size_t>(n - 1));
    REQUIRE(nn.size() == static_cast<size_t>(n) * kk);
    for (int i = 0; i < n; ++i) {
        std::vector<std::pair<double, NodeId>> all;
        for (int j = 0; j < n; ++j)
            if (j != i) {
                const double dx = pts[j].x - pts[i].x, dy = pts[j].y - pts[i].y;
                all.emplace_back(dx * dx + dy * dy, static_cast<NodeId>(j));
            }
        std::sort(all.begin(), all.end());
        for (size_t q = 0; q < kk; ++q) REQUIRE(nn[i * kk + q] == all[q].second);
    }
}

TEST_CASE("B5 the cascade is a least fixed point: worklist order does not matter", "[sim][engine]") {
    // A random weighted graph; relabelling the nodes permutes the processing order completely.
    const int n = 200;
    Stream r = Keyed(7, Purpose::Test, 2);
    std::vector<std::tuple<NodeId, NodeId, double>> edges;
    for (int e = 0; e < 700; ++e) {
        const NodeId a = r.Below(n), b = r.Below(n);
        if (a != b) edges.emplace_back(a, b, 0.05 + 0.9 * r.Uniform());
    }
    std::vector<double> threshold(n);
    std::vector<uint8_t> can(n), aware(n);
    for (int i = 0; i < n; ++i) {
        threshold[i] = 0.2 + 1.5 * r.Uniform();
        can[i] = r.Chance(0.9);
        aware[i] = r.Chance(0.3);
    }
    auto run = [&](const std::vector<NodeId>& label) {
        Network net(static_cast<size_t>(n));
        for (auto [a, b, w] : edges)
            if (net.Find(label[a], label[b]) == NoTie) net.Add(label[a], label[b], w, TieSource::Social);
        CascadeSetup s = Uniform(n, 0, false);
        for (int i = 0; i < n; ++i) {
            s.threshold[label[i]] = threshold[i];
            s.can_join[label[i]] = can[i];
            s.aware[label[i]] = aware[i];
        }
        s.seeds = {label[0], label[1]};
        const CascadeResult out = RunCascade(net, s);
        std::vector<uint8_t> joined(n);
        for (int i = 0; i < n; ++i) joined[i] = out.joined[label[i]];
        return joined;
    };
    std::vector<NodeId> identity(n);
    for (int i = 0; i < n; ++i) identity[i] = static_cast<NodeId>(i);
    const auto reference = run(identity);
    REQUIRE(std::count(reference.begin(), reference.end(), 1) > 2);
    for (int trial = 0; trial < 100; ++trial) {
        std::vector<NodeId> label = identity;
        Stream shuffle = Keyed(99, Purpose::Test, 3, static_cast<uint64_t>(trial));
        for (size_t i = label.size(); i > 1; --i) std::swap(label[i - 1], label[shuffle.Below(static_cast<uint32_t>(i))]);
        REQUIRE(run(label) == reference);
    }
}

TEST_CASE("B9 Granovetter 1978: one threshold moved from 1 to 2 stops the riot", "[sim][engine]") {
    const int n = 100;
    Network complete(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) complete.Add(NodeId(i), NodeId(j), 1.0, TieSource::Social);
    CascadeSetup s = Uniform(n, 0, true);  // everyone sees the crowd: thresholds in head-counts
    for (int i = 0; i < n; ++i) s.threshold[i] = i;
    CHECK(Joined(RunCascade(complete, s)) == n);
    s.threshold[1] = 2;
    CHECK(Joined(RunCascade(complete, s)) == 1);
}

TEST_CASE("B8 Centola–Macy: long ties help simple contagion and hurt complex contagion", "[sim][engine]") {
    const int n = 400, k = 4;
    auto spread = [&](double p, double threshold, int* out_waves) {
        int total = 0, waves = 0;
        constexpr int Trials = 10;
        for (uint64_t t = 0; t < Trials; ++t) {
            const Network net = Ring(n, k, p, t);
            CascadeSetup s = Uniform(n, threshold, false);
            s.seeds = {0, 1, 2, 3};  // a contiguous cluster
            const CascadeResult out = RunCascade(net, s);
            total += Joined(out);
            waves += *std::max_element(out.generation.begin(), out.generation.end());
        }
        *out_waves = waves / Trials;
        return total / Trials;
    };
    int waves_lattice = 0, waves_long = 0, unused = 0;
    SECTION("threshold 1 (simple): random long ties do not slow the spread") {
        CHECK(spread(0.0, 1.0, &waves_lattice) == n);
        CHECK(spread(0.1, 1.0, &waves_long) == n);
        CHECK(waves_long < waves_lattice);
    }
    SECTION("threshold 2 (complex): rewiring at fixed degree reduces adoption") {
        const int lattice = spread(0.0, 2.0, &unused);
        CHECK(lattice == n);  // wide bridges carry it around the ring
        for (double p : {0.1, 0.2, 0.5}) {
            CAPTURE(p);
            CHECK(spread(p, 2.0, &unused) < lattice);
        }
    }
}

TEST_CASE("B10 Albert–Jeong–Barabási: hubs matter in scale-free graphs, not in random ones", "[sim][engine]") {
    const int n = 2000, m = 2;  // mean degree 4 in both
    Stream r = Keyed(5, Purpose::Test, 4);
    // Barabási–Albert by preferential attachment: pick an endpoint of a random existing tie.
    Network ba(static_cast<size_t>(n));
    std::vector<NodeId> ends = {0, 1, 1, 2, 0, 2};
    ba.Add(0, 1, 1, TieSource::Social);
    ba.Add(1, 2, 1, TieSource::Social);
    ba.Add(0, 2, 1, TieSource::Social);
    for (int v = 3; v < n; ++v)
        for (int e = 0; e < m; ++e) {
            NodeId u;
            do u = ends[r.Below(static_cast<uint32_t>(ends.size()))];
            while (u == NodeId(v) || ba.Find(NodeId(v), u) != NoTie);  // v's first tie put v among the ends
            ba.Add(NodeId(v), u, 1, TieSource::Social);
            ends.push_back(NodeId(v));
            ends.push_back(u);
        }
    Network er(static_cast<size_t>(n));
    while (er.Ties().size() < ba.Ties().size()) {
        const NodeId a = r.Below(n), b = r.Below(n);
        if (a != b && er.Find(a, b) == NoTie) er.Add(a, b, 1, TieSource::Social);
    }
    auto without = [&](const Network& g, bool targeted) {
        Network copy = g;
        std::vector<std::pair<size_t, NodeId>> order;
        for (int i = 0; i < n; ++i) order.emplace_back(targeted ? g.Incident(NodeId(i)).size() : r.Next() % 100000, NodeId(i));
        std::sort(order.rbegin(), order.rend());
        for (int q = 0; q < n / 20; ++q) copy.CutAll(order[q].second);  // 5%
        copy.Compact();
        return static_cast<double>(LargestComponent(copy, NodeId(n), 0.5)) / n;
    };
    const double ba_attack = without(ba, true), er_attack = without(er, true);
    const double ba_random = without(ba, false), er_random = without(er, false);
    CAPTURE(ba_attack, er_attack, ba_random, er_random);
    CHECK(1.0 - ba_attack > 1.5 * (1.0 - er_attack));   // attack hurts the scale-free graph far more ...
    CHECK(1.0 - ba_attack > 2.0 * (1.0 - ba_random));   // ... than random failure hurts it
    CHECK(std::abs(ba_random - er_random) < 0.1);        // random failure hurts both about alike
}

TEST_CASE("components and cores", "[sim][engine]") {
    Network net(6);
    net.Add(0, 1, 0.5, TieSource::Social);
    net.Add(1, 2, 0.5, TieSource::Social);
    net.Add(0, 2, 0.5, TieSource::Social);
    net.Add(2, 3, 0.5, TieSource::Social);
    net.Add(4, 5, 0.1, TieSource::Social);
    CHECK(LargestComponent(net, 6, 0.3) == 4);
    CHECK(LargestComponent(net, 6, 0.05) == 4);
    CHECK(CoreSize(net, 6, 0.3, 2) == 3);  // the triangle
    CHECK(CoreSize(net, 6, 0.3, 1) == 4);
}

TEST_CASE("compaction keeps the living in order and every incidence list exact", "[sim][engine]") {
    // Random additions and cuts, compacted now and then (sometimes with no death since the last time): each node's
    // list must be exactly its live ties in tie order, with the neighbor beside each.
    const uint64_t seed = GENERATE(1, 2, 3, 4, 5);
    Stream r = Keyed(seed, Purpose::Test, 9);
    constexpr uint32_t N = 30;
    Network net(N);
    for (int round = 0; round < 40; ++round) {
        for (int k = 0, adds = int(r.Below(12)); k < adds; ++k) {
            const NodeId a = r.Below(N), b = r.Below(N);
            if (a != b && net.Find(a, b) == NoTie) net.Add(a, b, r.Uniform(), TieSource::Social);
        }
        // No death, exactly one, a few (the dead leave only their ends' lists) or many (every list is filtered).
        const uint32_t deaths = r.Below(4);
        const size_t ties = net.Ties().size();
        if (deaths == 1 && ties > 0) net.Cut(r.Below(uint32_t(ties)));
        for (int k = 0; deaths == 2 && ties > 0 && k < 1 + int(r.Below(16)); ++k) net.Cut(r.Below(uint32_t(ties)));
        for (TieId id = 0; deaths == 3 && id < ties; ++id)
            if (r.Chance(0.1)) net.Cut(id);
        std::vector<Tie> living;
        std::vector<TieOrigin> origins;
        for (TieId id = 0; id < ties; ++id)
            if (net.At(id).alive) {
                living.push_back(net.At(id));
                origins.push_back(net.Origins()[id]);
            }
        net.Compact();
        REQUIRE(net.Ties() == living);
        REQUIRE(net.Origins() == origins);
        for (NodeId v = 0; v < N; ++v) {
            std::vector<Incidence> expected;
            for (TieId id = 0; id < net.Ties().size(); ++id)
                if (net.At(id).a == v || net.At(id).b == v) expected.push_back({Network::Other(net.At(id), v), id});
            const auto list = net.Incident(v);
            REQUIRE(std::vector<Incidence>(list.begin(), list.end()) == expected);
        }
    }
}

TEST_CASE("compaction of a network far bigger than a core's cache keeps the living in order and every list exact",
          "[sim][engine]") {
    // From Network::LargeNetworkTies on, the lists are renumbered from a bitmap of the deaths per 64 ids: deaths in
    // the first and last ids, a whole block of 64 dead, runs crossing blocks and scattered deaths, over three rounds.
    Stream r = Keyed(21, Purpose::Test, 5);
    constexpr uint32_t N = 3000;
    Network net(N);
    while (net.Ties().size() < Network::LargeNetworkTies + 5000) {
        const NodeId a = r.Below(N), b = r.Below(N);
        if (a != b && net.Find(a, b) == NoTie) net.Add(a, b, r.Uniform(), TieSource::Social);
    }
    for (int round = 0; round < 3; ++round) {
        const TieId ties = static_cast<TieId>(net.Ties().size());
        net.Cut(ties - 1);
        if (round == 0) net.Cut(0);
        for (TieId id = 640; id < 704; ++id) net.Cut(id);           // one whole block
        for (TieId id = 1000 + 7 * round; id < 1200; ++id) net.Cut(id);  // a run across blocks
        for (TieId id = 0; id < ties; ++id)
            if (r.Chance(0.01)) net.Cut(id);
        std::vector<Tie> living;
        std::vector<std::vector<Incidence>> expected(N);
        for (TieId id = 0; id < ties; ++id)
            if (const Tie& t = net.At(id); t.alive) {
                const TieId now = static_cast<TieId>(living.size());
                living.push_back(t);
                expected[t.a].push_back({t.b, now});
                expected[t.b].push_back({t.a, now});
            }
        net.Compact();
        REQUIRE(net.Ties().size() >= Network::LargeNetworkTies);
        REQUIRE(net.Ties() == living);
        for (NodeId v = 0; v < N; ++v) {
            const auto list = net.Incident(v);
            REQUIRE(std::vector<Incidence>(list.begin(), list.end()) == expected[v]);
        }
    }
}

TEST_CASE("the probes' tie layout runs the same cascade as the network, dead ties and reused buffers included",
          "[sim][engine]") {
    const int n = 200;
    Network net = Ring(n, 8, 0.2, 5);
    Stream r = Keyed(11, Purpose::Test, 4);
    for (TieId id = 0; id < net.Ties().size(); ++id) {
        net.SetWeight(id, 0.02 + 0.5 * r.Uniform());  // some below w_info: pull without awareness
        if (r.Chance(0.1)) net.Cut(id);                // dead ties before a Compact(), as after a decay pass
    }
    const CascadeGraph graph(net);
    CascadeResult out;
    std::vector<double> pull;
    int big = 0;
    for (int trial = 0; trial < 40; ++trial) {
        CascadeSetup s = Uniform(n, 0, false);
        for (int i = 0; i < n; ++i) {
            s.threshold[i] = 0.1 + 1.2 * r.Uniform();
            s.can_join[i] = r.Chance(0.8);
            s.aware[i] = r.Chance(0.2);
            s.pull[i] = r.Chance(0.2) ? 0.3 : 0.0;
        }
        s.seeds = {r.Below(n), r.Below(n)};
        const CascadeResult reference = RunCascade(net, s);
        graph.Run(s, out, pull);  // the same buffers every trial
        REQUIRE(out == reference);
        big += Joined(reference) > n / 2;
    }
    CHECK(big > 0);  // some cascades spread, so joined neighbors' ties are exercised
}

// PickBySums must be PickWeighted bit for bit: the state hashes depend on every pick. Weights come in kinds that
// stress the error bound PickBySums relies on: wide random ranges, many equal weights (running sums in long flat or
// evenly spaced runs), zeros (flat steps a pick must skip), tiny values beside large ones (sums that absorb them),
// and subnormals. Draws are random, and also placed on and next to every running sum, where rounding decides.
TEST_CASE("reading the running sums picks exactly what the sequential subtraction picks", "[sim][engine]") {
    const int kind = GENERATE(0, 1, 2, 3, 4, 5);
    const uint64_t seed = GENERATE(1, 2, 3, 4, 5, 6, 7, 8);
    Stream r = Keyed(seed, Purpose::Test, static_cast<uint64_t>(kind));
    int fast = 0, checked = 0;
    for (int list = 0; list < 200; ++list) {
        const size_t count = 1 + r.Below(kind == 5 ? 2000 : 64);
        std::vector<double> w(count);
        for (double& v : w) {
            switch (kind) {
                case 0: v = r.Uniform() * std::ldexp(1.0, static_cast<int>(r.Below(40)) - 20); break;
                case 1: v = r.Chance(0.5) ? 0.3 : 0.09; break;  // ties: few distinct values
                case 2: v = r.Chance(0.4) ? 0.0 : r.Uniform(); break;
                case 3: v = r.Chance(0.1) ? 1e6 * r.Uniform() : 1e-12 * r.Uniform(); break;
                case 4: v = r.Chance(0.5) ? 5e-324 * r.Below(1000) : 1e-300 * r.Uniform(); break;
                default: v = 0.1; break;  // long lists of one value
            }
        }
        std::vector<double> sums(count);
        double total = 0.0;
        for (size_t q = 0; q < count; ++q) sums[q] = total += w[q];
        if (total <= 0.0) continue;
        auto weight = [&](size_t q) { return w[q]; };
        std::vector<double> draws;
        for (int d = 0; d < 50; ++d) draws.push_back(r.Uniform());
        // On a boundary, one step either side, and as far off as rounding errors accumulated over q additions can
        // reach (a few ulps to q ulps), where a bound too tight would accept a wrong candidate.
        for (size_t q = 0; q < count; q += 1 + count / 40) {
            const double u = sums[q] / total;
            for (double v : {u, std::nextafter(u, 0.0), std::nextafter(u, 1.0)})
                if (v >= 0.0 && v < 1.0) draws.push_back(v);
            for (double ulps : {2.0, 4.0, 8.0, 0.25 * double(q), 0.5 * double(q), double(q)})
                for (double sign : {-1.0, 1.0}) {
                    const double v = (sums[q] + sign * ulps * 0x1p-53 * sums[q]) / total;
                    if (v >= 0.0 && v < 1.0) draws.push_back(v);
                }
        }
        draws.push_back(0.0);
        draws.push_back(std::nextafter(1.0, 0.0));
        for (double u : draws) {
            const size_t expected = PickWeighted(count, weight, total, u);
            REQUIRE(PickBySums(sums.data(), count, weight, total, u) == expected);
            ++checked;
            const double x = u * total;
            const size_t c = static_cast<size_t>(std::lower_bound(sums.begin(), sums.end(), x) - sums.begin());
            REQUIRE(FirstSumAtLeast(sums.data(), count, x) == c);
            fast += c < count && c == expected;
        }
    }
    // For most draws the running sums' candidate is the answer: the draws are not all at boundaries.
    CHECK(fast > checked / 2);
}

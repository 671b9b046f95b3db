// Weighted picks over a list by sequential subtraction, and the same answer read off running sums; knows
// nothing of ties, residents or streams.
#pragma once

#include <cassert>
#include <cstddef>

namespace sim {

// A weighted pick over a list (an incidence list, or weights gathered from one): weight(q) of entry q, 0 for entries
// that may not be picked, and total their sum added in list order. PickWeighted returns the first entry at which the
// running sum reaches u·total (u uniform in [0, 1)), or the list's size if rounding leaves part of the draw unspent.
// Callers decide whether to draw when the total is 0, since that is a draw from their stream or not.
template <class Weight>
size_t PickWeighted(size_t count, const Weight& weight, double total, double u) {
    double left = u * total;
    for (size_t q = 0; q < count; ++q) {
        const double w = weight(q);
        if (w <= 0.0) continue;
        left -= w;
        if (left <= 0.0) return q;
    }
    return count;
}

// The first q in [0, count) with partial[q] ≥ x, for nondecreasing partial and x ≤ partial[count − 1], so that there
// is one (std::lower_bound) and the scan asks nothing else. A scan: at the lengths of incidence lists it beats
// bisecting, whose steps wait on each other's loads or, branching, mispredict half the time; and unlike
// PickWeighted's subtraction, its comparisons do not wait on each other.
inline size_t FirstSumAtLeast(const double* partial, [[maybe_unused]] size_t count, double x) {
    assert(count > 0 && x <= partial[count - 1]);
    size_t q = 0;
    while (partial[q] < x) ++q;
    return q;
}

// PickWeighted(count, weight, total, u) for weights ≥ 0 whose running sums partial[q] = ((w0 + w1) + ...) + wq are
// given (added in list order, so total is the last), found from the sums when that is provably the same answer, else
// by PickWeighted itself. PickWeighted's subtraction is a chain of dependent additions (one latency each, about four
// cycles); comparing x with the sums is not. Bit for bit the same, on every platform with IEEE doubles and no FMA.
//
// Why. Let x = fl(u·total), the value PickWeighted starts from, ε = 2^-53 and S_q = w0 + ... + w(q-1) exactly.
// PickWeighted's left after entry q is a recursive sum of x, −w0, ..., −wq: |left_q − (x − S_(q+1))| ≤ γ_(q+1)·(x +
// S_(q+1)), with γ_n = nε/(1 − nε) (Higham, Accuracy and Stability, §4.2). Likewise |partial[q] − S_(q+1)| ≤
// γ_q·S_(q+1). Let c be the first entry with partial[c] ≥ x (the sums never decrease, as every weight is ≥ 0).
// - If partial[c] − x > B, every term of B below being at most (c + 2)ε·(x + partial[c]) up to a factor 1 + O(nε):
//   then x − S_(c+1) < −γ_(c+1)·(x + S_(c+1)), so left_c < 0, and w_c > 0 (partial rose past x at c), so PickWeighted
//   stops at c at the latest.
// - If c = 0, or x − partial[c−1] > B: then for every k < c, x − S_(k+1) ≥ x − S_c > γ_c·(x + S_c) ≥ γ_(k+1)·(x +
//   S_(k+1)), so left_k > 0 and PickWeighted does not stop before c.
// B = 4(c + 2)ε·(x + partial[c]) covers both error terms (2(c + 1)ε·(x + S) together) twice over, which also absorbs
// the rounding of B and of the two differences themselves. Otherwise (a draw within B of a boundary) the linear scan
// decides. There is always a c: x ≤ total = partial[count − 1], as u < 1 and rounding is monotone.
// tests/sim/engine_test.cpp checks the two agree on random, tied, zero and tiny weights and on draws placed at the
// boundaries.
template <class Weight>
size_t PickBySums(const double* partial, size_t count, const Weight& weight, double total, double u) {
    assert(count > 0 && total == partial[count - 1] && u < 1.0);
    const double x = u * total;
    const size_t c = FirstSumAtLeast(partial, count, x);
    constexpr double Epsilon = 1.0 / 9007199254740992.0;  // 2^-53
    const double bound = 4.0 * static_cast<double>(c + 2) * Epsilon * (x + partial[c]);
    if (partial[c] - x > bound && (c == 0 || x - partial[c - 1] > bound)) return c;
    return PickWeighted(count, weight, total, u);
}

}  // namespace sim

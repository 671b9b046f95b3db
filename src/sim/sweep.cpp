// The sensitivity sweep over one parameter: runs to a month, knockout probes, bands and the tipping point; knows no
// clock and no charts.
#include "sim/sweep.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <variant>

#include "sim/metrics.h"

namespace sim {
namespace {

constexpr int MaxSweepValues = 1000;
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

bool ParseDouble(std::string_view text, double* out) {
    const std::string copy(text);
    if (copy.empty()) return false;
    char* end = nullptr;
    *out = std::strtod(copy.c_str(), &end);
    return end == copy.c_str() + copy.size() && std::isfinite(*out);
}

}  // namespace

bool ParseSweep(std::string_view text, SweepSpec* out, std::string* out_error) {
    auto fail = [&](const std::string& why) {
        if (out_error) *out_error = "sweep=" + std::string(text) + ": " + why;
        return false;
    };
    const size_t eq = text.find('=');
    if (eq == std::string_view::npos) return fail("expected name=from:to:step");
    const ParamInfo* param = FindParam(text.substr(0, eq));
    if (!param) return fail("unknown parameter (see --list-params)");
    if (!std::holds_alternative<double Settings::*>(param->field)) return fail("only a continuous parameter can be swept");
    const std::string_view range = text.substr(eq + 1);
    const size_t c1 = range.find(':');
    const size_t c2 = c1 == std::string_view::npos ? c1 : range.find(':', c1 + 1);
    double from = 0, to = 0, step = 0;
    if (c2 == std::string_view::npos || !ParseDouble(range.substr(0, c1), &from) ||
        !ParseDouble(range.substr(c1 + 1, c2 - c1 - 1), &to) || !ParseDouble(range.substr(c2 + 1), &step))
        return fail("expected from:to:step, three numbers");
    if (from < param->min || to > param->max || from > to) {
        char range_text[96];
        std::snprintf(range_text, sizeof range_text, "expected %g <= from <= to <= %g", param->min, param->max);
        return fail(range_text);
    }
    if (!(step > 0.0)) return fail("expected a step above 0");
    if ((to - from) / step >= MaxSweepValues) return fail("more than 1000 values");
    out->param = param;
    out->from = from;
    out->to = to;
    out->step = step;
    return true;
}

double HalfLifeMonths(double weekly_decay) {
    if (weekly_decay <= 0.0) return std::numeric_limits<double>::infinity();
    return std::log(0.5) / std::log(1.0 - weekly_decay) / WeeksPerMonth;
}

bool IsDecayRate(const ParamInfo& param) {
    const std::string_view name = param.name;
    return name == "lambda0" || name == "lambda_weak";
}

Sweep::Sweep(const Settings& base, const SweepSpec& spec) : base_(base), spec_(spec) {
    // Values as from + i·step (no accumulated rounding), the last one within half a step of `to`.
    for (int i = 0; i < MaxSweepValues; ++i) {
        const double v = spec.from + i * spec.step;
        if (v > spec.to + 0.5 * spec.step) break;
        values_.push_back(std::min(v, spec.param->max));
    }
    ratio_.assign(values_.size() * static_cast<size_t>(spec.seeds) * 2, NaN);
}

// Runs are visited seed by seed, then value by value, then strategy, so every value's band fills in at once.
Sweep::Slot Sweep::SlotOf(int run) const {
    Slot slot;
    slot.seed = run / (Points() * 2);
    slot.point = run % (Points() * 2) / 2;
    slot.kind = run % 2;
    return slot;
}

size_t Sweep::Index(int kind, int point, int seed) const {
    return static_cast<size_t>((kind * Points() + point) * spec_.seeds + seed);
}

bool Sweep::Advance(int max_ticks) {
    const int32_t end = spec_.months * WeeksPerMonth;
    for (int done = 0; done < max_ticks && !Done();) {
        const Slot slot = SlotOf(run_);
        if (!started_) {
            Settings s = ScenarioSettings(slot.kind == 0 ? ScenarioKind::Mobilized : ScenarioKind::Integrated, base_);
            SetParam(s, *spec_.param, values_[static_cast<size_t>(slot.point)]);
            current_ = Model(s, spec_.first_seed + static_cast<uint64_t>(slot.seed));
            started_ = true;
        }
        if (current_.tick() < end) {
            current_.Step();
            ++done;
            continue;
        }
        ratio_[Index(slot.kind, slot.point, slot.seed)] = ProbeKnockout(current_).ratio;
        started_ = false;
        ++run_;
    }
    return Done();
}

double Sweep::Progress() const { return TotalRuns() > 0 ? static_cast<double>(run_) / TotalRuns() : 1.0; }

SweepPoint Sweep::At(int point) const {
    SweepPoint p;
    p.value = Value(point);
    for (int kind = 0; kind < 2; ++kind) {
        std::vector<double> values;
        for (int seed = 0; seed < spec_.seeds; ++seed)
            values.push_back(ratio_[Index(kind, point, seed)]);
        Band band;
        band.p10 = Quantile(values, 0.1);
        band.seeds = static_cast<int>(values.size());
        band.p50 = Quantile(values, 0.5);
        band.p90 = Quantile(values, 0.9);
        (kind == 0 ? p.mobilized : p.integrated) = band;
    }
    return p;
}

std::vector<Tipping> Sweep::Crossings(ScenarioKind kind) const {
    const auto median = [&](int point) {
        const SweepPoint p = At(point);
        return (kind == ScenarioKind::Mobilized ? p.mobilized : p.integrated).p50;
    };
    std::vector<Tipping> crossings;
    for (int point = 0; point + 1 < Points(); ++point) {
        const double a = median(point), b = median(point + 1);
        if (a != a || b != b || (a >= PersistsRatio) == (b >= PersistsRatio)) continue;
        Tipping& t = crossings.emplace_back();
        t.found = true;
        t.holds_below = a >= PersistsRatio;
        const double f = (a - PersistsRatio) / (a - b);
        t.value = Value(point) + f * (Value(point + 1) - Value(point));
    }
    return crossings;
}

Tipping Sweep::TippingPoint() const {
    const std::vector<Tipping> crossings = Crossings();
    return crossings.empty() ? Tipping{} : crossings.front();
}

}  // namespace sim

// The seed job's byte format: a tagged header, the parameters in ParamTable order, the schedule; knows no transport.
#include "sim/seed_job.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>

#include "sim/ensemble.h"
#include "sim/model.h"

namespace sim {
namespace {

// 'SEED' and 'ROWS': a message of the other kind, or from another format, is refused at its first bytes.
constexpr uint32_t JobTag = 0x53454544u;
constexpr uint32_t RowsTag = 0x524f5753u;
constexpr uint32_t MaxScheduleLength = 10000;
constexpr int MaxInterventionValue = 10000;

class Writer {
public:
    template <typename T> void Put(T value) {
        const size_t at = bytes.size();
        bytes.resize(at + sizeof value);
        std::memcpy(bytes.data() + at, &value, sizeof value);
    }
    std::vector<uint8_t> bytes;
};

// Reads fields in order; the first that is missing is remembered for the message (Ended).
class Reader {
public:
    explicit Reader(std::span<const uint8_t> bytes) : bytes_(bytes) {}
    template <typename T> bool Get(T* value, const char* what) {
        if (bytes_.size() - at_ < sizeof *value) {
            missing_ = what;
            return false;
        }
        std::memcpy(value, bytes_.data() + at_, sizeof *value);
        at_ += sizeof *value;
        return true;
    }
    bool AtEnd() const { return at_ == bytes_.size(); }
    // Why reading stopped: a field was missing, or bytes were left over after the last one.
    std::string Ended() const {
        return missing_ ? std::string("truncated at ") + missing_ + " (byte " + std::to_string(at_) + ")"
                        : std::to_string(bytes_.size() - at_) + " bytes left over after the last field";
    }

private:
    std::span<const uint8_t> bytes_;
    size_t at_ = 0;
    const char* missing_ = nullptr;
};

// One formatting site for every message, so that each check costs a comparison and a format string.
[[gnu::format(printf, 2, 3)]] bool Fail(std::string* out_error, const char* format, ...) {
    if (out_error == nullptr) return false;
    char buffer[160];
    va_list args;
    va_start(args, format);
    std::vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    *out_error = buffer;
    return false;
}

bool KnownKind(uint8_t kind) { return kind <= static_cast<uint8_t>(InterventionKind::RemoveResidents); }

}  // namespace

std::vector<uint8_t> EncodeSeedJob(const SeedJob& job) {
    Writer w;
    w.Put(JobTag);
    w.Put(static_cast<uint32_t>(ParamTable().size()));
    for (const ParamInfo& p : ParamTable()) w.Put(GetParam(job.settings, p));
    w.Put(job.seed);
    w.Put(static_cast<int32_t>(job.months));
    w.Put(job.metrics);
    w.Put(static_cast<uint32_t>(job.schedule.size()));
    for (const ScheduledIntervention& s : job.schedule) {
        w.Put(s.tick);
        w.Put(static_cast<uint8_t>(s.what.kind));
        w.Put(static_cast<int32_t>(s.what.value));
    }
    return std::move(w.bytes);
}

bool DecodeSeedJob(std::span<const uint8_t> bytes, SeedJob* out, std::string* out_error) {
    Reader r(bytes);
    uint32_t tag = 0, params = 0;
    if (!r.Get(&tag, "the tag") || !r.Get(&params, "the parameter count"))
        return Fail(out_error, "seed job: %s", r.Ended().c_str());
    if (tag != JobTag) return Fail(out_error, "seed job: not a seed job (wrong tag)");
    if (params != ParamTable().size())
        return Fail(out_error, "seed job: %u parameters, this build has %zu", params, ParamTable().size());
    SeedJob job;
    for (const ParamInfo& p : ParamTable()) {
        double value = 0.0;
        if (!r.Get(&value, p.name)) return Fail(out_error, "seed job: %s", r.Ended().c_str());
        // Checked before SetParam, whose rounding of an integer parameter needs a value in range (NaN fails too).
        if (!(value >= p.min && value <= p.max))
            return Fail(out_error, "seed job: %s=%g is outside its range [%g, %g]", p.name, value, p.min, p.max);
        SetParam(job.settings, p, value);
    }
    if (std::string problem = ValidateSettings(job.settings); !problem.empty())
        return Fail(out_error, "seed job: %s", problem.c_str());
    int32_t months = 0;
    uint32_t count = 0;
    if (!r.Get(&job.seed, "the seed") || !r.Get(&months, "the months") || !r.Get(&job.metrics, "the metrics") ||
        !r.Get(&count, "the schedule's length"))
        return Fail(out_error, "seed job: %s", r.Ended().c_str());
    if (months < 0 || months > MaxSeedJobMonths)
        return Fail(out_error, "seed job: %d months (0 to %d)", int(months), MaxSeedJobMonths);
    if (job.metrics >> MetricCount != 0)
        return Fail(out_error, "seed job: metric mask 0x%x names metrics this build does not have (it has %d)",
                    unsigned(job.metrics), MetricCount);
    if (count > MaxScheduleLength) return Fail(out_error, "seed job: a schedule of %u entries", count);
    job.months = months;
    job.schedule.resize(count);
    for (ScheduledIntervention& s : job.schedule) {
        uint8_t kind = 0;
        int32_t value = 0;
        if (!r.Get(&s.tick, "a schedule's tick") || !r.Get(&kind, "a schedule's kind") ||
            !r.Get(&value, "a schedule's value"))
            return Fail(out_error, "seed job: %s", r.Ended().c_str());
        if (!KnownKind(kind)) return Fail(out_error, "seed job: unknown intervention kind %d", int(kind));
        if (value < 0 || value > MaxInterventionValue)
            return Fail(out_error, "seed job: intervention value %d (0 to %d)", int(value), MaxInterventionValue);
        s.what = {static_cast<InterventionKind>(kind), value};
    }
    if (!r.AtEnd()) return Fail(out_error, "seed job: %s", r.Ended().c_str());
    *out = std::move(job);
    return true;
}

std::vector<uint8_t> EncodeRows(std::span<const Metrics> rows) {
    Writer w;
    w.Put(RowsTag);
    w.Put(static_cast<uint32_t>(MetricCount));
    w.Put(static_cast<uint32_t>(rows.size()));
    for (const Metrics& m : rows) {
        w.Put(m.tick);
        for (const double v : m.values) w.Put(v);
    }
    return std::move(w.bytes);
}

bool DecodeRows(std::span<const uint8_t> bytes, int months, std::vector<Metrics>* out, std::string* out_error) {
    Reader r(bytes);
    uint32_t tag = 0, metrics = 0, count = 0;
    if (!r.Get(&tag, "the tag") || !r.Get(&metrics, "the metric count") || !r.Get(&count, "the row count"))
        return Fail(out_error, "seed rows: %s", r.Ended().c_str());
    if (tag != RowsTag) return Fail(out_error, "seed rows: not a seed's rows (wrong tag)");
    if (metrics != static_cast<uint32_t>(MetricCount))
        return Fail(out_error, "seed rows: %u metrics, this build has %d", metrics, MetricCount);
    if (months < 0 || count != static_cast<uint32_t>(months) + 1)
        return Fail(out_error, "seed rows: %u rows, where %d months need %d", count, months, months + 1);
    std::vector<Metrics> rows(count);
    for (Metrics& m : rows) {
        if (!r.Get(&m.tick, "a row's tick")) return Fail(out_error, "seed rows: %s", r.Ended().c_str());
        for (double& v : m.values)
            if (!r.Get(&v, "a metric")) return Fail(out_error, "seed rows: %s", r.Ended().c_str());
    }
    if (!r.AtEnd()) return Fail(out_error, "seed rows: %s", r.Ended().c_str());
    *out = std::move(rows);
    return true;
}

bool RunSeedJob(std::span<const uint8_t> bytes, std::vector<uint8_t>* out_rows, std::string* out_error) {
    SeedJob job;
    if (!DecodeSeedJob(bytes, &job, out_error)) return false;
    Model model(job.settings, job.seed);
    *out_rows = EncodeRows(RunMonths(model, job.schedule, job.months, job.metrics));
    return true;
}

}  // namespace sim

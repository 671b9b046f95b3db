// The seed job's byte format: a tagged header, the parameters in ParamTable order, the schedule; knows no transport.
#include "sim/seed_job.h"

#include <cmath>
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

class Reader {
public:
    explicit Reader(std::span<const uint8_t> bytes) : bytes_(bytes) {}
    // False once the bytes run out; `what` names the field for the error.
    template <typename T> bool Get(T* value, const char* what) {
        if (bytes_.size() - at_ < sizeof *value) {
            error = std::string("truncated at ") + what + " (byte " + std::to_string(at_) + " of " +
                    std::to_string(bytes_.size()) + ")";
            return false;
        }
        std::memcpy(value, bytes_.data() + at_, sizeof *value);
        at_ += sizeof *value;
        return true;
    }
    bool AtEnd() {
        if (at_ == bytes_.size()) return true;
        error = std::to_string(bytes_.size() - at_) + " bytes left over after the last field";
        return false;
    }
    std::string error;

private:
    std::span<const uint8_t> bytes_;
    size_t at_ = 0;
};

bool Fail(std::string* out_error, std::string message) {
    if (out_error) *out_error = std::move(message);
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
    if (!r.Get(&tag, "the tag") || !r.Get(&params, "the parameter count")) return Fail(out_error, "seed job: " + r.error);
    if (tag != JobTag) return Fail(out_error, "seed job: not a seed job (wrong tag)");
    if (params != ParamTable().size())
        return Fail(out_error, "seed job: " + std::to_string(params) + " parameters, this build has " +
                                   std::to_string(ParamTable().size()));
    SeedJob job;
    for (const ParamInfo& p : ParamTable()) {
        double value = 0.0;
        if (!r.Get(&value, p.name)) return Fail(out_error, "seed job: " + r.error);
        // ValidateSettings checks the ranges; a value that is not even a number must not reach SetParam's rounding.
        if (!std::isfinite(value)) return Fail(out_error, std::string("seed job: ") + p.name + " is not a finite number");
        if (value < p.min || value > p.max)
            return Fail(out_error, std::string("seed job: ") + p.name + "=" + std::to_string(value) +
                                       " is outside its range");
        SetParam(job.settings, p, value);
    }
    if (std::string problem = ValidateSettings(job.settings); !problem.empty())
        return Fail(out_error, "seed job: " + problem);
    int32_t months = 0;
    uint32_t count = 0;
    if (!r.Get(&job.seed, "the seed") || !r.Get(&months, "the months") || !r.Get(&count, "the schedule's length"))
        return Fail(out_error, "seed job: " + r.error);
    if (months < 0 || months > MaxSeedJobMonths)
        return Fail(out_error, "seed job: " + std::to_string(months) + " months (0 to " +
                                   std::to_string(MaxSeedJobMonths) + ")");
    if (count > MaxScheduleLength) return Fail(out_error, "seed job: a schedule of " + std::to_string(count) + " entries");
    job.months = months;
    job.schedule.resize(count);
    for (ScheduledIntervention& s : job.schedule) {
        uint8_t kind = 0;
        int32_t value = 0;
        if (!r.Get(&s.tick, "a schedule's tick") || !r.Get(&kind, "a schedule's kind") ||
            !r.Get(&value, "a schedule's value"))
            return Fail(out_error, "seed job: " + r.error);
        if (!KnownKind(kind)) return Fail(out_error, "seed job: unknown intervention kind " + std::to_string(kind));
        if (value < 0 || value > MaxInterventionValue)
            return Fail(out_error, "seed job: intervention value " + std::to_string(value) + " (0 to " +
                                       std::to_string(MaxInterventionValue) + ")");
        s.what = {static_cast<InterventionKind>(kind), value};
    }
    if (!r.AtEnd()) return Fail(out_error, "seed job: " + r.error);
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
        return Fail(out_error, "seed rows: " + r.error);
    if (tag != RowsTag) return Fail(out_error, "seed rows: not a seed's rows (wrong tag)");
    if (metrics != static_cast<uint32_t>(MetricCount))
        return Fail(out_error, "seed rows: " + std::to_string(metrics) + " metrics, this build has " +
                                   std::to_string(MetricCount));
    if (months < 0 || count != static_cast<uint32_t>(months) + 1)
        return Fail(out_error, "seed rows: " + std::to_string(count) + " rows, where " + std::to_string(months) +
                                   " months need " + std::to_string(months + 1));
    std::vector<Metrics> rows(count);
    for (Metrics& m : rows) {
        if (!r.Get(&m.tick, "a row's tick")) return Fail(out_error, "seed rows: " + r.error);
        for (double& v : m.values)
            if (!r.Get(&v, "a metric")) return Fail(out_error, "seed rows: " + r.error);
    }
    if (!r.AtEnd()) return Fail(out_error, "seed rows: " + r.error);
    *out = std::move(rows);
    return true;
}

bool RunSeedJob(std::span<const uint8_t> bytes, std::vector<uint8_t>* out_rows, std::string* out_error) {
    SeedJob job;
    if (!DecodeSeedJob(bytes, &job, out_error)) return false;
    Model model(job.settings, job.seed);
    *out_rows = EncodeRows(RunMonths(model, job.schedule, job.months));
    return true;
}

}  // namespace sim

#!/usr/bin/env bash
# Where a sim-bench tick row's time goes, by phase of the tick: perf record (DWARF call graphs) over the timed ticks
# only, each sample given to the innermost phase function on its stack ("other": the bench restoring its snapshot
# between samples, and stacks that did not unwind). Knows the tick's phase functions, nothing of the model.
# Usage: bench/sim_bench/phases.sh [path/to/sim-bench] N MONTHS SAMPLES mobilized|integrated
set -euo pipefail
bench=build/native/bin/sim-bench
if [[ $# -eq 5 ]]; then bench=$1; shift; fi
[[ $# -eq 4 ]] || { echo "usage: $0 [sim-bench] N MONTHS SAMPLES mobilized|integrated" >&2; exit 2; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkfifo "$dir/ctl"
SIM_BENCH_PERF_CTL="$dir/ctl" perf record -q -F 1999 --call-graph dwarf,16384 -D -1 --control "fifo:$dir/ctl" \
  -o "$dir/perf.data" "$bench" --tick "$@" | grep '^tick'
perf script -i "$dir/perf.data" -F ip,sym 2>/dev/null | awk '
  BEGIN {
    n = split("SocialTime=social time|OrganizerWork=organizer work|NeedsAndAid=needs and aid|Attend=attending|" \
              "SimulateCall=call set-up and cascade|SimulateCallInto=call set-up and cascade|" \
              "RealCall=call set-up and cascade|RunCall=call set-up and cascade|StrikeWeek=call set-up and cascade|" \
              "DivisiveShock=divisive issue|" \
              "DecayAndPrune=decay|Energy=energy|Network::Compact=compaction|Network::CompactFew=compaction", p, "|")
    for (i = 1; i <= n; ++i) { split(p[i], kv, "="); fn[i] = kv[1]; name[i] = kv[2] }
  }
  function flush() { if (inside) { total++; counts[found == "" ? "other" : found]++ } inside = 0; found = "" }
  /^$/ { flush(); next }
  {
    inside = 1
    if (found != "") next
    sym = $2  # the frame: address, symbol, maybe "(inlined)"
    for (i = 1; i <= n; ++i)
      if (sym == (index(fn[i], "::") ? "sim::" : "sim::Model::") fn[i]) { found = name[i]; break }
  }
  END {
    flush()
    order = "social time|organizer work|needs and aid|call set-up and cascade|attending|divisive issue|decay|energy|compaction|other"
    m = split(order, o, "|")
    printf "%d samples:", total
    for (i = 1; i <= m; ++i) printf " %s %.1f%%%s", o[i], 100 * counts[o[i]] / total, i < m ? "," : "\n"
  }'

// essay-sim --sweep: runs a sensitivity sweep and prints its bands and tipping point; knows no other option.
#pragma once

#include "sim/settings.h"
#include "sim/sweep.h"

// Prints the knockout-ratio bands of both strategies at every swept value, then the tipping point, as CSV or JSON.
// Returns the process exit code.
int RunSweepCommand(const sim::Settings& base, const sim::SweepSpec& spec, bool json);

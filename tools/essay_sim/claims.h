// essay-sim --claims: measures every claim of sim::Claims() and prints one line each; knows nothing of the app.
#pragma once

#include <span>

// Prints, tab-separated, one line per claim: id, sentence, measured figures, threshold, PASS or FAIL, where the
// sentence is shown, how it is measured, seeds. ids, if any, choose claims. Returns 1 if any claim fails, 2 for an
// unknown id, else 0.
int RunClaims(std::span<char*> ids);

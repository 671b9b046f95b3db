// essay-sim --claims: runs each claim of the claims table over its seeds and prints a line per claim, PASS or FAIL;
// scripts/calibration turns the output into docs/simulation-calibration.md. Knows nothing of the app.
#include "claims.h"

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "sim/claims.h"

int RunClaims(std::span<char*> ids) {
    std::vector<const sim::Claim*> chosen;
    for (const char* id : ids) {
        const sim::Claim* claim = sim::FindClaim(id);
        if (claim == nullptr) {
            std::fprintf(stderr, "essay-sim: claim=%s: unknown claim; the ids are:", id);
            for (const sim::Claim& c : sim::Claims()) std::fprintf(stderr, " %s", c.id);
            std::fprintf(stderr, "\n");
            return 2;
        }
        chosen.push_back(claim);
    }
    if (chosen.empty())
        for (const sim::Claim& c : sim::Claims()) chosen.push_back(&c);
    std::printf("id\tsentence\tmeasured\tthreshold\tresult\tshown\tmeasure\tseeds\n");
    sim::ClaimRunner runner;
    int failed = 0;
    for (const sim::Claim* c : chosen) {
        const sim::ClaimResult result = runner.Run(*c);
        failed += !result.pass;
        std::printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", c->id, c->sentence, result.measured.c_str(), c->threshold,
                    result.pass ? "PASS" : "FAIL", c->shown, c->measure, c->seeds);
        std::fflush(stdout);
    }
    std::fprintf(stderr, "essay-sim: %zu claims, %d failed\n", chosen.size(), failed);
    return failed ? 1 : 0;
}

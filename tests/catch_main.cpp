// The one Catch2 main shared by every native test executable; knows no test.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

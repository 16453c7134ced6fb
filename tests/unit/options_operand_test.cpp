// parse_options and its operand (runtime.md §1.1, §1.2): cases the option
// parser's fuzz target (tests/fuzz/options_fuzz.cpp) found.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "runtime/options.hpp"

namespace nmh {
namespace {

// An empty operand would read as "no operand" while ARGs follow it.
TEST(OptionsOperand, EmptyOperandIsAUsageError) {
  for (const std::vector<std::string>& argv : std::vector<std::vector<std::string>>{
           {""}, {"", "x"}, {"-i", ""}, {"-i", "", "x"}, {"--", ""}}) {
    ParseResult r = parse_options(argv);
    EXPECT_NE(r.error.find("empty SCRIPT or DIR operand"), std::string::npos)
        << ::testing::PrintToString(argv) << ": " << r.error;
  }
}

TEST(OptionsOperand, OneCharacterOperandIsStillAnOperand) {
  ParseResult r = parse_options({"-i", "x", ""});
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.options.operand, "x");
  EXPECT_EQ(r.options.args, (std::vector<std::string>{""}));
}

}  // namespace
}  // namespace nmh

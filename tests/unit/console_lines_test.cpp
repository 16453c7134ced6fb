// The console line assembler (runtime.md §4.9.2, §4.9.3): line ends on the
// interpreter path, the interpreter's line queue and uart.on("data") records.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "modules/uart/rx_records.hpp"
#include "runtime/console_lines.hpp"

namespace nmh {
namespace {

TEST(LineEnds, CrLfAndLfCrPairsEndOneLine) {
  LineEnds ends;
  EXPECT_EQ(ends.normalise("a\r\nb\n\rc\rd\n\ne"), "a\nb\nc\nd\n\ne");
}

TEST(LineEnds, PairSplitAcrossReadsStillFolds) {
  LineEnds ends;
  EXPECT_EQ(ends.normalise("a\r"), "a\n");
  EXPECT_EQ(ends.normalise("\nb"), "b");
  EXPECT_EQ(ends.normalise("\n"), "\n");
  EXPECT_EQ(ends.normalise("\r\r"), "\n");  // LF CR folds, then a CR of its own
}

TEST(LineQueue, CompleteLinesOnlyThenTheLastAtEnd) {
  LineQueue q;
  q.append("one\ntw");
  EXPECT_EQ(q.take_line(), "one");
  EXPECT_FALSE(q.take_line());
  q.append("o\n\nthree");
  EXPECT_EQ(q.take_line(), "two");
  EXPECT_EQ(q.take_line(), "");  // empty lines run too
  EXPECT_FALSE(q.has_line());
  EXPECT_EQ(q.buffered(), "three");
  q.end();
  EXPECT_EQ(q.take_line(), "three");
  EXPECT_EQ(q.buffered(), "");
}

TEST(RxRecords, CountedRecordsDoNotDependOnReads) {
  RxRecords r(4, -1);
  std::vector<std::string> out;
  r.cut("01", out);
  r.cut("2345678", out);
  EXPECT_EQ(out, (std::vector<std::string>{"0123", "4567"}));
  EXPECT_EQ(r.rest(), "8");
  EXPECT_FALSE(r.rest());
}

TEST(RxRecords, DelimitedRecordEndsAtTheDelimiterOr255Bytes) {
  RxRecords r(0, ';');
  std::vector<std::string> out;
  r.cut("a;" + std::string(300, 'x') + ";", out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0], "a;");
  EXPECT_EQ(out[1], std::string(255, 'x'));
  EXPECT_EQ(out[2], std::string(45, 'x') + ";");
}

TEST(RxRecords, WithoutCountOrDelimiterEachReadIsARecord) {
  RxRecords r(0, -1);
  std::vector<std::string> out;
  r.cut("ab", out);
  r.cut("c", out);
  EXPECT_EQ(out, (std::vector<std::string>{"ab", "c"}));
}

}  // namespace
}  // namespace nmh

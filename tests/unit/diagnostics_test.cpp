// Diagnostics: the line format of runtime.md §1.4 and the once-per-location
// rule, --quiet and N-SUMMARY of §5.5.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "runtime/diagnostics.hpp"

namespace nmh {
namespace {

constexpr Code kWarn{"W-TEST", Level::warning, "value {} and {}"};
constexpr Code kOther{"W-OTHER", Level::warning, "other"};
constexpr Code kNote{"N-TEST", Level::note, "noted {}"};
constexpr Code kErr{"E-TEST", Level::error, "failed: {}"};

// Captures what Diagnostics writes.
class Sink {
 public:
  Sink() : file_(std::tmpfile()) {}
  ~Sink() { std::fclose(file_); }
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;
  std::FILE* file() { return file_; }
  std::string text() {
    std::fflush(file_);
    std::rewind(file_);
    std::string out;
    char buf[512];
    size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, file_)) > 0) out.append(buf, n);
    return out;
  }

 private:
  std::FILE* file_;
};

TEST(Diagnostics, FormatTextFillsPlaceholdersInOrder) {
  EXPECT_EQ(format_text("a {} b {} c", {"1", "2"}), "a 1 b 2 c");
  EXPECT_EQ(format_text("{}{}", {"x"}), "x{}");  // missing values leave the placeholder
  EXPECT_EQ(format_text("none", {"x"}), "none");
  EXPECT_EQ(format_text("{", {}), "{");
}

TEST(Diagnostics, LineNamesProgramSeverityCodeAndLocation) {
  Sink sink;
  Diagnostics d(sink.file(), false);
  d.report(kWarn, {"1", "2"}, "init.lua:3");
  d.report(kNote, {"x"});
  d.report(kErr, {"boom"});
  EXPECT_EQ(sink.text(),
            "nodemcu-host: warning: W-TEST: value 1 and 2 (at init.lua:3)\n"
            "nodemcu-host: note: N-TEST: noted x\n"
            "nodemcu-host: error: E-TEST: failed: boom\n");
}

TEST(Diagnostics, WarningsAndNotesOncePerCodeAndLocation) {
  Sink sink;
  Diagnostics d(sink.file(), false);
  EXPECT_TRUE(d.report(kWarn, {"1", "2"}, "a.lua:1"));
  EXPECT_FALSE(d.report(kWarn, {"3", "4"}, "a.lua:1"));  // same place, other values
  EXPECT_TRUE(d.report(kWarn, {"5", "6"}, "a.lua:2"));
  EXPECT_TRUE(d.report(kOther, {}, "a.lua:1"));  // other code, same place
  EXPECT_TRUE(d.report(kNote, {"n"}));
  EXPECT_FALSE(d.report(kNote, {"n"}));
  EXPECT_EQ(d.warning_count(), 3u);
  EXPECT_EQ(sink.text(),
            "nodemcu-host: warning: W-TEST: value 1 and 2 (at a.lua:1)\n"
            "nodemcu-host: warning: W-TEST: value 5 and 6 (at a.lua:2)\n"
            "nodemcu-host: warning: W-OTHER: other (at a.lua:1)\n"
            "nodemcu-host: note: N-TEST: noted n\n");
}

TEST(Diagnostics, ErrorsArePrintedEveryTime) {
  Sink sink;
  Diagnostics d(sink.file(), false);
  EXPECT_TRUE(d.report(kErr, {"x"}, "a.lua:1"));
  EXPECT_TRUE(d.report(kErr, {"x"}, "a.lua:1"));
  EXPECT_EQ(sink.text(),
            "nodemcu-host: error: E-TEST: failed: x (at a.lua:1)\n"
            "nodemcu-host: error: E-TEST: failed: x (at a.lua:1)\n");
}

TEST(Diagnostics, KeyedReportsDeduplicateByKeyNotLocation) {
  Sink sink;
  Diagnostics d(sink.file(), false);
  EXPECT_TRUE(d.report_keyed(kOther, "boot 1"));
  EXPECT_FALSE(d.report_keyed(kOther, "boot 1"));
  EXPECT_TRUE(d.report_keyed(kOther, "boot 2"));
  EXPECT_EQ(sink.text(),
            "nodemcu-host: warning: W-OTHER: other\n"
            "nodemcu-host: warning: W-OTHER: other\n");
}

TEST(Diagnostics, QuietHidesWarningsAndNotesNeverErrors) {
  Sink sink;
  Diagnostics d(sink.file(), true);
  EXPECT_TRUE(d.report(kWarn, {"1", "2"}));  // new, hidden only by --quiet
  EXPECT_TRUE(d.report(kNote, {"n"}));
  EXPECT_TRUE(d.report(kErr, {"e"}));
  d.summary(10, 20);
  EXPECT_EQ(d.warning_count(), 1u);
  EXPECT_EQ(sink.text(), "nodemcu-host: error: E-TEST: failed: e\n");
}

TEST(Diagnostics, SummaryCountsWarningsPerCodeInOrderOfFirstOccurrence) {
  Sink sink;
  Diagnostics d(sink.file(), false);
  d.report(kOther, {}, "x:1");
  d.report(kWarn, {"1", "2"}, "x:1");
  d.report(kOther, {}, "x:2");
  d.report(kOther, {}, "x:2");  // a repeat is not counted
  d.report(kNote, {"n"});       // notes are not warnings
  d.report(kErr, {"e"});
  std::string before = sink.text();
  d.summary(1234, 43368);
  EXPECT_EQ(sink.text().substr(before.size()),
            "nodemcu-host: note: N-SUMMARY: 3 warnings (W-OTHER x2, W-TEST x1); heap high-water "
            "1234 of 43368\n");
}

TEST(Diagnostics, NoSummaryWithoutWarnings) {
  Sink sink;
  Diagnostics d(sink.file(), false);
  d.report(kNote, {"n"});
  d.report(kErr, {"e"});
  std::string before = sink.text();
  d.summary(1, 2);
  EXPECT_EQ(sink.text(), before);
}

// stdout is flushed before any stderr line (§1.4): the hook runs before each line.
TEST(Diagnostics, BeforeWriteRunsBeforeEveryPrintedLine) {
  Sink sink;
  int calls = 0;
  std::string seen_at_call;
  Diagnostics d(sink.file(), false, [&] {
    ++calls;
    seen_at_call = sink.text();
  });
  d.report(kErr, {"a"});
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(seen_at_call, "");  // called before the line was written
  d.report(kWarn, {"1", "2"});
  d.report(kWarn, {"1", "2"});  // not printed: no call
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace nmh

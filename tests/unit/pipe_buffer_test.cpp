// A pipe's bytes (runtime.md §4.10): 256-byte records and the delimiter argument.
#include <gtest/gtest.h>

#include <string>

#include "modules/pipe/pipe_buffer.hpp"

namespace nmh {
namespace {

TEST(PipeBuffer, DelimiterIsOneCharacterWithAnOptionalPlus) {
  auto d = PipeBuffer::delimiter(",");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->delim, ',');
  EXPECT_FALSE(d->keep);
  auto k = PipeBuffer::delimiter("\n+");
  ASSERT_TRUE(k);
  EXPECT_EQ(k->delim, '\n');
  EXPECT_TRUE(k->keep);
  EXPECT_FALSE(PipeBuffer::delimiter(""));
  EXPECT_FALSE(PipeBuffer::delimiter("ab"));
  EXPECT_FALSE(PipeBuffer::delimiter(",++"));
}

TEST(PipeBuffer, UnreadBeforeWrittenBytesKeepsOrderAndRecords) {
  PipeBuffer p;
  p.write(std::string(10, 'w'));
  p.unread(std::string(300, 'u'));
  EXPECT_EQ(p.nrec(), 2u);
  EXPECT_EQ(p.read({310, '\n', true}), std::string(300, 'u') + std::string(10, 'w'));
  EXPECT_TRUE(p.empty());
  EXPECT_FALSE(p.read({1, '\n', true}));
}

}  // namespace
}  // namespace nmh

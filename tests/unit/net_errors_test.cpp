// net.md §9: the lwIP codes, their messages, and the host's errno mapping.
#include <gtest/gtest.h>
#include <uv.h>

#include "modules/net/errors.hpp"

namespace nmh::net {
namespace {

TEST(NetErrors, MessagesAreTheFirmwaresTable) {
  EXPECT_STREQ(err_message(kMem), "out of memory");
  EXPECT_STREQ(err_message(kBuf), "buffer error");
  EXPECT_STREQ(err_message(kTimeout), "timeout");
  EXPECT_STREQ(err_message(kRte), "routing problem");
  EXPECT_STREQ(err_message(kInProgress), "in progress");
  EXPECT_STREQ(err_message(kVal), "illegal value");
  EXPECT_STREQ(err_message(kWouldBlock), "would block");
  EXPECT_STREQ(err_message(kAbrt), "connection aborted");
  EXPECT_STREQ(err_message(kRst), "connection reset");
  EXPECT_STREQ(err_message(kClsd), "connection closed");
  EXPECT_STREQ(err_message(kConn), "not connected");
  EXPECT_STREQ(err_message(kArg), "illegal argument");
  EXPECT_STREQ(err_message(kUse), "address in use");
  EXPECT_STREQ(err_message(kIf), "netif error");
  EXPECT_STREQ(err_message(kIsConn), "already connected");
  EXPECT_STREQ(err_message(-16), "unknown error");
  EXPECT_STREQ(err_message(1), "unknown error");
}

TEST(NetErrors, CodesAreTheEsp8266Values) {
  EXPECT_EQ(kAbrt, -8);
  EXPECT_EQ(kRst, -9);
  EXPECT_EQ(kClsd, -10);
  EXPECT_EQ(kConn, -11);
  EXPECT_EQ(kIsConn, -15);
}

TEST(NetErrors, EofIsAnOrderlyEnd) {
  bool noted = true;
  EXPECT_EQ(err_from_uv(UV_EOF, &noted), kOk);
  EXPECT_FALSE(noted);
  EXPECT_EQ(err_from_uv(0), kOk);
}

TEST(NetErrors, RefusedResetAndBrokenPipeAreResets) {
  for (int status : {UV_ECONNREFUSED, UV_ECONNRESET, UV_EPIPE}) {
    bool noted = true;
    EXPECT_EQ(err_from_uv(status, &noted), kRst) << uv_err_name(status);
    EXPECT_FALSE(noted);
  }
}

TEST(NetErrors, TimeoutsAndUnreachableAreAborts) {
  for (int status : {UV_ETIMEDOUT, UV_EHOSTUNREACH, UV_ENETUNREACH, UV_EHOSTDOWN, UV_ENETDOWN,
                     UV_ECONNABORTED}) {
    bool noted = true;
    EXPECT_EQ(err_from_uv(status, &noted), kAbrt) << uv_err_name(status);
    EXPECT_FALSE(noted);
  }
}

TEST(NetErrors, OtherErrorsAreAbortsWithANotice) {
  for (int status : {UV_EIO, UV_ENOBUFS, UV_EPROTO}) {
    bool noted = false;
    EXPECT_EQ(err_from_uv(status, &noted), kAbrt) << uv_err_name(status);
    EXPECT_TRUE(noted);
  }
  EXPECT_EQ(err_from_uv(UV_EIO), kAbrt);  // the notice flag is optional
}

}  // namespace
}  // namespace nmh::net

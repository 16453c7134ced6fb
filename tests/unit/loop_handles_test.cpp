// The leak check at exit (runtime/loop_handles.hpp): what it names for a
// handle left in the loop, and that a loop whose handles all closed passes.
#include "runtime/loop_handles.hpp"

#include <gtest/gtest.h>

namespace nmh {
namespace {

TEST(OpenHandlesReport, NamesATimerLeftInTheLoop) {
  uv_loop_t loop;
  ASSERT_EQ(uv_loop_init(&loop), 0);
  uv_timer_t timer;
  uv_timer_init(&loop, &timer);
  EXPECT_EQ(open_handles_report(&loop), "1 libuv handle still open at exit: timer");
  uv_timer_start(
      &timer, [](uv_timer_t*) {}, 60000, 0);
  EXPECT_EQ(open_handles_report(&loop), "1 libuv handle still open at exit: timer (active)");

  uv_close(reinterpret_cast<uv_handle_t*>(&timer), nullptr);
  EXPECT_EQ(open_handles_report(&loop), "1 libuv handle still open at exit: timer (closing)");
  finish_closing(&loop);
  EXPECT_EQ(open_handles_report(&loop), "");
  EXPECT_EQ(uv_loop_close(&loop), 0);
}

TEST(OpenHandlesReport, ListsEveryHandleOfTheLoop) {
  uv_loop_t loop;
  ASSERT_EQ(uv_loop_init(&loop), 0);
  uv_tcp_t tcp;
  uv_idle_t idle;
  uv_tcp_init(&loop, &tcp);
  uv_idle_init(&loop, &idle);
  uv_idle_start(&idle, [](uv_idle_t*) {});
  std::string report = open_handles_report(&loop);
  EXPECT_EQ(report.rfind("2 libuv handles still open at exit: ", 0), 0u) << report;
  EXPECT_NE(report.find("tcp"), std::string::npos) << report;
  EXPECT_NE(report.find("idle (active)"), std::string::npos) << report;

  uv_close(reinterpret_cast<uv_handle_t*>(&tcp), nullptr);
  uv_close(reinterpret_cast<uv_handle_t*>(&idle), nullptr);
  finish_closing(&loop);
  EXPECT_EQ(open_handles_report(&loop), "");
  EXPECT_EQ(uv_loop_close(&loop), 0);
}

}  // namespace
}  // namespace nmh

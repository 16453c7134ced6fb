// Profiles are the numbers of runtime.md §5.1, nothing else.
#include <gtest/gtest.h>

#include "runtime/profile.hpp"

namespace nmh {
namespace {

TEST(Profile, Esp8266HasTheDeviceLimits) {
  const Profile* p = find_profile("esp8266");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->name, "esp8266");
  EXPECT_TRUE(p->device);
  EXPECT_EQ(p->heap_budget, 43368u);
  EXPECT_DOUBLE_EQ(p->heap_scale, 0.6);
  EXPECT_EQ(p->task_queue, 8u);
  EXPECT_EQ(p->open_files, 4u);
  EXPECT_EQ(p->fs_total, 3000000u);
  EXPECT_TRUE(p->absent_warnings);
  EXPECT_DOUBLE_EQ(p->block_ms, 500.0);  // W-BLOCK, §2.8
  EXPECT_EQ(p->egc_threshold, 4096u);    // EGC emulation, §3.3
}

TEST(Profile, HostHasNoLimits) {
  const Profile* p = find_profile("host");
  ASSERT_NE(p, nullptr);
  EXPECT_FALSE(p->device);
  EXPECT_EQ(p->heap_budget, 2147483647u);
  EXPECT_DOUBLE_EQ(p->heap_scale, 1.0);
  EXPECT_EQ(p->task_queue, 0u);
  EXPECT_EQ(p->open_files, 0u);
  EXPECT_EQ(p->fs_total, 0u);
  EXPECT_FALSE(p->absent_warnings);
  EXPECT_EQ(p->block_ms, 0.0);
  EXPECT_EQ(p->egc_threshold, 0u);
}

// esp32 is planned, not yet required (§1.2): until it exists it is unknown.
TEST(Profile, UnknownNamesAreNotFound) {
  EXPECT_EQ(find_profile("esp32"), nullptr);
  EXPECT_EQ(find_profile(""), nullptr);
  EXPECT_EQ(find_profile("ESP8266"), nullptr);
}

TEST(Profile, NamesListsTheSupportedProfiles) {
  EXPECT_EQ(profile_names(), "esp8266, host");
}

}  // namespace
}  // namespace nmh

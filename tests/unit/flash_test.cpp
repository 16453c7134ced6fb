// The flash root (runtime.md §4.3): name checks and resolution beneath the root.
#include "runtime/flash.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using nmh::flash::Fault;

namespace {

void write(const fs::path& p, const std::string& data) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << data;
}

std::string contents(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// A temporary tree: base/root is the flash root, base/outside.txt lies beyond it.
class FlashRoot : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    nmh::flash::testing::force_walk(GetParam());
    char templ[] = "/tmp/flash_test-XXXXXX";
    ASSERT_NE(mkdtemp(templ), nullptr);
    base_ = templ;
    root_ = base_ / "root";
    fs::create_directories(root_);
    write(base_ / "outside.txt", "secret");
    root_fd_ = ::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    ASSERT_GE(root_fd_, 0);
  }
  void TearDown() override {
    nmh::flash::testing::force_walk(false);
    ::close(root_fd_);
    fs::remove_all(base_);
  }

  fs::path base_;
  fs::path root_;
  int root_fd_ = -1;
};

}  // namespace

TEST(FlashName, BaseNameCheckCountsOnlyTheLastComponent) {
  EXPECT_TRUE(nmh::flash::base_name_valid(std::string(31, 'a')));
  EXPECT_FALSE(nmh::flash::base_name_valid(std::string(32, 'a')));
  EXPECT_TRUE(nmh::flash::base_name_valid("dir/" + std::string(31, 'a')));
  EXPECT_FALSE(nmh::flash::base_name_valid(std::string("a\0b", 3)));
  EXPECT_FALSE(nmh::flash::base_name_valid(std::string("d\0ir/b", 6)));
}

TEST(FlashName, WholeNameCheckCountsEverything) {
  EXPECT_TRUE(nmh::flash::whole_name_valid(std::string(31, 'a')));
  EXPECT_FALSE(nmh::flash::whole_name_valid("d/" + std::string(30, 'a')));
}

TEST(FlashName, RelativePathStripsFlashDriveAndRefusesEscapes) {
  EXPECT_EQ(nmh::flash::relative_path("a/b.txt"), "a/b.txt");
  EXPECT_EQ(nmh::flash::relative_path("/FLASH/init.lua"), "init.lua");
  for (const char* bad : {"", "/etc/passwd", "../x", "a/../../x", "./x", "a//b", "dir/", "x/.",
                          "/FLASH/../x", "/FLASH/", "/FLASH"}) {
    EXPECT_FALSE(nmh::flash::relative_path(bad)) << bad;
    EXPECT_FALSE(nmh::flash::name_problem(bad).empty()) << bad;
  }
  EXPECT_EQ(nmh::flash::reason(Fault::missing, "x"), "");
  EXPECT_NE(nmh::flash::reason(Fault::outside, "x"), "");
}

TEST(FlashName, SizesRoundUpToWhole256BytePages) {
  EXPECT_EQ(nmh::flash::page_rounded(0), 0u);
  EXPECT_EQ(nmh::flash::page_rounded(1), 256u);
  EXPECT_EQ(nmh::flash::page_rounded(256), 256u);
  EXPECT_EQ(nmh::flash::page_rounded(257), 512u);
}

TEST_P(FlashRoot, OpenCreatesDirectoriesWhenWriting) {
  auto opened = nmh::flash::open_file(root_fd_, "a/b/c.txt", O_WRONLY | O_CREAT | O_TRUNC);
  ASSERT_GE(opened.fd, 0);
  ASSERT_EQ(::write(opened.fd, "hi", 2), 2);
  ::close(opened.fd);
  EXPECT_EQ(contents(root_ / "a/b/c.txt"), "hi");
  EXPECT_EQ(nmh::flash::open_file(root_fd_, "q/r.txt", O_RDONLY).fault, Fault::missing);
  EXPECT_FALSE(fs::exists(root_ / "q"));
}

TEST_P(FlashRoot, TruncationReportsTheOldSizeAndAppendStandsAtTheEnd) {
  write(root_ / "f", "12345");
  auto app = nmh::flash::open_file(root_fd_, "f", O_RDWR | O_APPEND);
  ASSERT_GE(app.fd, 0);
  EXPECT_EQ(::lseek(app.fd, 0, SEEK_CUR), 5);
  ::close(app.fd);
  auto tr = nmh::flash::open_file(root_fd_, "f", O_WRONLY | O_CREAT | O_TRUNC);
  ASSERT_GE(tr.fd, 0);
  EXPECT_EQ(tr.truncated, 5u);
  ::close(tr.fd);
  EXPECT_EQ(fs::file_size(root_ / "f"), 0u);
}

TEST_P(FlashRoot, SymlinksOutOfTheRootActAsMissing) {
  fs::create_symlink(base_ / "outside.txt", root_ / "abs");
  fs::create_symlink("../outside.txt", root_ / "rel");
  fs::create_symlink(base_, root_ / "dirlink");
  for (const char* name : {"abs", "rel", "dirlink/outside.txt"}) {
    EXPECT_EQ(nmh::flash::open_file(root_fd_, name, O_RDONLY).fault, Fault::outside) << name;
    EXPECT_EQ(nmh::flash::open_file(root_fd_, name, O_RDWR | O_CREAT | O_TRUNC).fault,
              Fault::outside)
        << name;
    uint64_t size = 0;
    EXPECT_EQ(nmh::flash::stat_file(root_fd_, name, size), Fault::outside) << name;
    EXPECT_EQ(nmh::flash::remove_file(root_fd_, name, size), Fault::outside) << name;
    EXPECT_EQ(nmh::flash::rename_file(root_fd_, name, "moved"), Fault::outside) << name;
    std::string data;
    EXPECT_FALSE(nmh::flash::read_file(root_fd_, name, data)) << name;
  }
  EXPECT_EQ(nmh::flash::open_file(root_fd_, "dirlink/new.txt", O_WRONLY | O_CREAT).fault,
            Fault::outside);
  EXPECT_EQ(contents(base_ / "outside.txt"), "secret");
  EXPECT_FALSE(fs::exists(base_ / "new.txt"));
  EXPECT_FALSE(fs::exists(root_ / "moved"));
}

TEST_P(FlashRoot, DanglingSymlinkOutOfTheRootIsNotCreated) {
  fs::create_symlink("../created.txt", root_ / "dangling");
  fs::create_symlink(base_ / "created2.txt", root_ / "dangling2");
  EXPECT_EQ(nmh::flash::open_file(root_fd_, "dangling", O_WRONLY | O_CREAT).fault, Fault::outside);
  EXPECT_EQ(nmh::flash::open_file(root_fd_, "dangling2", O_WRONLY | O_CREAT).fault, Fault::outside);
  EXPECT_FALSE(fs::exists(base_ / "created.txt"));
  EXPECT_FALSE(fs::exists(base_ / "created2.txt"));
}

TEST_P(FlashRoot, DirectoriesAndFifosActAsMissing) {
  fs::create_directories(root_ / "dir");
  ASSERT_EQ(::mkfifo((root_ / "fifo").c_str(), 0644), 0);
  for (const char* name : {"dir", "fifo"}) {
    EXPECT_EQ(nmh::flash::open_file(root_fd_, name, O_RDONLY).fault, Fault::missing) << name;
    EXPECT_EQ(nmh::flash::open_file(root_fd_, name, O_WRONLY).fault, Fault::missing) << name;
    uint64_t size = 0;
    EXPECT_EQ(nmh::flash::stat_file(root_fd_, name, size), Fault::missing) << name;
  }
  std::string data;
  EXPECT_FALSE(nmh::flash::read_file(root_fd_, "dir", data));
}

TEST_P(FlashRoot, RenameNeverOverwrites) {
  write(root_ / "a", "A");
  write(root_ / "b", "B");
  EXPECT_EQ(nmh::flash::rename_file(root_fd_, "a", "b"), Fault::exists);
  EXPECT_EQ(contents(root_ / "b"), "B");
  EXPECT_EQ(nmh::flash::rename_file(root_fd_, "a", "sub/c"), Fault::none);
  EXPECT_EQ(contents(root_ / "sub/c"), "A");
  EXPECT_EQ(nmh::flash::rename_file(root_fd_, "a", "d"), Fault::missing);
  EXPECT_EQ(nmh::flash::rename_file(root_fd_, "b", "../escaped"), Fault::unrepresentable);
  EXPECT_FALSE(fs::exists(base_ / "escaped"));
}

TEST_P(FlashRoot, ListWalksRecursivelySkippingDotNamesAndForeignLinks) {
  write(root_ / "top", "123");
  write(root_ / "a/b/deep", "1");
  write(root_ / ".hidden", "x");
  write(root_ / "a/.dot/x", "x");
  fs::create_symlink(base_ / "outside.txt", root_ / "abs");
  fs::create_symlink("top", root_ / "inner");
  fs::create_symlink(base_, root_ / "dirlink");
  fs::create_symlink(".", root_ / "a/loop");
  auto entries = nmh::flash::list(root_fd_);
  std::sort(entries.begin(), entries.end(),
            [](const auto& x, const auto& y) { return x.name < y.name; });
  // A symlink to a file beneath the root counts, except under the no-symlink walk.
  ASSERT_EQ(entries.size(), GetParam() ? 2u : 3u);
  EXPECT_EQ(entries[0].name, "a/b/deep");
  size_t top = GetParam() ? 1 : 2;
  EXPECT_EQ(entries[top].name, "top");
  EXPECT_EQ(entries[top].size, 3u);
  if (!GetParam()) {
    EXPECT_EQ(entries[1].name, "inner");
    EXPECT_EQ(entries[1].size, 3u);
  }
}

TEST_P(FlashRoot, UsedBytesRoundEachFileToPages) {
  write(root_ / "one", "x");
  write(root_ / "d/two", std::string(257, 'y'));
  EXPECT_EQ(nmh::flash::used_bytes(root_fd_), 256u + 512u);
}

TEST_P(FlashRoot, FormatEmptiesTheRootOnly) {
  write(root_ / "a/b/c", "x");
  write(root_ / ".git/config", "x");
  fs::create_symlink(base_, root_ / "dirlink");
  EXPECT_TRUE(nmh::flash::format(root_fd_));
  EXPECT_TRUE(fs::is_empty(root_));
  EXPECT_EQ(contents(base_ / "outside.txt"), "secret");
}

TEST_P(FlashRoot, ReadFileReadsRegularFiles) {
  write(root_ / "init.lua", "print(1)");
  std::string data;
  EXPECT_TRUE(nmh::flash::read_file(root_fd_, "/FLASH/init.lua", data));
  EXPECT_EQ(data, "print(1)");
  EXPECT_FALSE(nmh::flash::read_file(root_fd_, "../outside.txt", data));
}

// true: the O_NOFOLLOW walk of kernels without openat2.
INSTANTIATE_TEST_SUITE_P(Resolution, FlashRoot, ::testing::Values(false, true));

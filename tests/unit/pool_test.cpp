// Slab pools (runtime/pool.hpp) and the Heap's moves of a Lua block between
// its pool size classes and malloc (design.md hot path). In sanitizer builds the pools
// are bypassed; these tests then check that the plain path keeps the bytes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <set>
#include <vector>

#include "runtime/heap.hpp"
#include "runtime/pool.hpp"

namespace nmh {
namespace {

void fill(void* p, size_t n, int seed) {
  auto* bytes = static_cast<unsigned char*>(p);
  for (size_t i = 0; i < n; ++i) bytes[i] = static_cast<unsigned char>(seed + i);
}

bool holds(const void* p, size_t n, int seed) {
  const auto* bytes = static_cast<const unsigned char*>(p);
  for (size_t i = 0; i < n; ++i) {
    if (bytes[i] != static_cast<unsigned char>(seed + i)) return false;
  }
  return true;
}

TEST(Slabs, CarvesDistinctAlignedBlocksAcrossSlabs) {
  Slabs slabs;
  std::set<char*> seen;
  // 3,000 blocks of 40 bytes span two 64 KB slabs.
  for (int i = 0; i < 3000; ++i) {
    auto* p = static_cast<char*>(slabs.carve(40));
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % 8, 0u);
    for (char* q : {p, p + 39}) {
      auto next = seen.upper_bound(q);
      // No earlier block covers this one.
      if (next != seen.begin()) EXPECT_GE(q - *std::prev(next), 40);
    }
    seen.insert(p);
    std::memset(p, i & 0xFF, 40);
  }
  EXPECT_EQ(seen.size(), 3000u);
}

TEST(FreeList, ReturnsTheLastBlockPushedFirst) {
  FreeList list;
  EXPECT_EQ(list.pop(), nullptr);
  alignas(8) char a[16];
  alignas(8) char b[16];
  list.push(a);
  list.push(b);
  EXPECT_EQ(list.pop(), b);
  EXPECT_EQ(list.pop(), a);
  EXPECT_EQ(list.pop(), nullptr);
}

struct Probe {
  char bytes[72];
  static void* operator new(size_t /*size*/) { return ObjectPool<Probe>::get(); }
  static void operator delete(void* p) { ObjectPool<Probe>::put(p); }
};

TEST(ObjectPool, ReusesFreedObjects) {
  auto* a = new Probe;
  fill(a->bytes, sizeof a->bytes, 1);
  auto* b = new Probe;
  fill(b->bytes, sizeof b->bytes, 2);
  EXPECT_NE(a, b);
  EXPECT_TRUE(holds(a->bytes, sizeof a->bytes, 1));  // b did not overlap a
  delete a;
  auto* c = new Probe;
  if (kPoolsEnabled) EXPECT_EQ(c, a);  // the free list's block comes back first
  EXPECT_TRUE(holds(b->bytes, sizeof b->bytes, 2));
  delete b;
  delete c;
}

void* make(Heap& heap, size_t n) {
  return Heap::alloc(&heap, nullptr, 4 /* LUA_TSTRING */, n);
}

// Every move a Lua block can make: within a size class, to another class,
// from a class to malloc and back. The bytes kept are the smaller size's.
TEST(HeapPool, GrowAndShrinkKeepTheBytesAcrossClassesAndMalloc) {
  Heap heap(1 << 20, 1.0, false);
  const size_t sizes[] = {8, 13, 16, 17, 64, 120, 128, 129, 300, 128, 40, 8, 1000, 24};
  void* p = make(heap, sizes[0]);
  ASSERT_NE(p, nullptr);
  fill(p, sizes[0], 7);
  size_t size = sizes[0];
  for (size_t next : sizes) {
    if (next == size) continue;
    p = Heap::alloc(&heap, p, size, next);
    ASSERT_NE(p, nullptr);
    ASSERT_TRUE(holds(p, std::min(size, next), 7)) << size << " -> " << next;
    fill(p, next, 7);
    size = next;
    EXPECT_EQ(heap.in_use(), size);
  }
  EXPECT_EQ(Heap::alloc(&heap, p, size, 0), nullptr);
  EXPECT_EQ(heap.in_use(), 0u);
}

TEST(HeapPool, ManySmallBlocksStayDistinct) {
  Heap heap(1 << 24, 1.0, false);
  std::vector<void*> blocks;
  for (int i = 0; i < 5000; ++i) {
    size_t n = 1 + static_cast<size_t>(i % 128);
    void* p = make(heap, n);
    ASSERT_NE(p, nullptr);
    fill(p, n, i);
    blocks.push_back(p);
  }
  for (int i = 0; i < 5000; ++i) {
    size_t n = 1 + static_cast<size_t>(i % 128);
    ASSERT_TRUE(holds(blocks[static_cast<size_t>(i)], n, i)) << i;
  }
  for (int i = 0; i < 5000; ++i) {
    Heap::alloc(&heap, blocks[static_cast<size_t>(i)], 1 + static_cast<size_t>(i % 128), 0);
  }
  EXPECT_EQ(heap.in_use(), 0u);
}

// The high-water mark is computed only when in_use passes its peak since
// the base or the charges last changed; the result must be the same as
// computing it on every allocation.
TEST(HeapPool, HighWaterFollowsChargesAfterThePeak) {
  Heap heap(100000, 1.0, false);
  heap.set_base();
  void* a = make(heap, 1000);
  Heap::alloc(&heap, a, 1000, 0);  // peak 1000
  EXPECT_EQ(heap.high_water(), 1000u);
  heap.charge(5000);  // 5000 now in use, by charges
  EXPECT_EQ(heap.high_water(), 5000u);
  void* b = make(heap, 800);  // below the old raw peak, above the device figure
  EXPECT_EQ(heap.high_water(), 5800u);
  Heap::alloc(&heap, b, 800, 0);
}

}  // namespace
}  // namespace nmh

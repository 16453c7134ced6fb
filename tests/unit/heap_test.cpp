// Heap, the counting allocator behind node.heap() (runtime.md §5.2, §5.3).
#include <gtest/gtest.h>

#include <cmath>

#include "runtime/heap.hpp"

namespace nmh {
namespace {

// The lua_Alloc protocol: a null ptr with osize = the Lua type tag for new objects.
void* grow(Heap& heap, void* ptr, size_t from, size_t to) {
  return Heap::alloc(&heap, ptr, from, to);
}
void* make(Heap& heap, size_t n) {
  return Heap::alloc(&heap, nullptr, 4 /* LUA_TSTRING */, n);
}
void drop(Heap& heap, void* ptr, size_t n) {
  EXPECT_EQ(Heap::alloc(&heap, ptr, n, 0), nullptr);
}

TEST(Heap, CountsBytesInUse) {
  Heap heap(43368, 0.6, false);
  void* a = make(heap, 100);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(heap.in_use(), 100u);
  a = grow(heap, a, 100, 250);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(heap.in_use(), 250u);
  a = grow(heap, a, 250, 50);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(heap.in_use(), 50u);
  drop(heap, a, 50);
  EXPECT_EQ(heap.in_use(), 0u);
}

TEST(Heap, FreeingNullIsANoOp) {
  Heap heap(1000, 1.0, false);
  EXPECT_EQ(Heap::alloc(&heap, nullptr, 0, 0), nullptr);
  EXPECT_EQ(heap.in_use(), 0u);
}

// Before the main chunk starts, what is in use is the firmware's own: the budget is whole.
TEST(Heap, BudgetIsWholeUntilTheBaseIsSet) {
  Heap heap(43368, 0.6, false);
  void* a = make(heap, 5000);
  EXPECT_EQ(heap.device_used(), 0u);
  EXPECT_EQ(heap.free_bytes(), 43368u);
  heap.set_base();
  EXPECT_EQ(heap.device_used(), 0u);
  EXPECT_EQ(heap.free_bytes(), 43368u);
  drop(heap, a, 5000);
  // Freeing below the base never gives more than the budget.
  EXPECT_EQ(heap.free_bytes(), 43368u);
}

// device_used = ceil((in_use - base) * scale) + charges (§5.2).
TEST(Heap, ScalesGrowthAndRoundsUp) {
  Heap heap(43368, 0.6, false);
  void* base = make(heap, 777);
  heap.set_base();
  void* a = make(heap, 1001);
  EXPECT_EQ(heap.device_used(), static_cast<size_t>(std::ceil(1001 * 0.6)));  // 601
  EXPECT_EQ(heap.free_bytes(), 43368u - 601u);
  drop(heap, a, 1001);
  drop(heap, base, 777);
}

TEST(Heap, ChargesAddToTheUsedBytesAndReleasesStopAtZero) {
  Heap heap(10000, 1.0, false);
  heap.set_base();
  heap.charge(2500);
  EXPECT_EQ(heap.device_used(), 2500u);
  EXPECT_EQ(heap.free_bytes(), 7500u);
  void* a = make(heap, 500);
  EXPECT_EQ(heap.device_used(), 3000u);
  heap.charge(-2500);
  EXPECT_EQ(heap.device_used(), 500u);
  drop(heap, a, 500);
  heap.charge(-100);  // more released than used: never below zero
  EXPECT_EQ(heap.device_used(), 0u);
}

TEST(Heap, FreeBytesNeverBelowZero) {
  Heap heap(1000, 1.0, false);
  heap.set_base();
  void* a = make(heap, 1500);
  ASSERT_NE(a, nullptr);  // not strict: the host allocates past the budget
  EXPECT_TRUE(heap.over_budget());
  EXPECT_EQ(heap.free_bytes(), 0u);
  drop(heap, a, 1500);
  EXPECT_FALSE(heap.over_budget());
  EXPECT_EQ(heap.free_bytes(), 1000u);
}

TEST(Heap, ExactlyTheBudgetIsNotOver) {
  Heap heap(1000, 1.0, false);
  heap.set_base();
  void* a = make(heap, 1000);
  EXPECT_FALSE(heap.over_budget());
  EXPECT_EQ(heap.free_bytes(), 0u);
  drop(heap, a, 1000);
}

TEST(Heap, HighWaterKeepsThePeak) {
  Heap heap(100000, 0.5, false);
  heap.set_base();
  void* a = make(heap, 4000);
  void* b = make(heap, 2000);
  drop(heap, a, 4000);
  EXPECT_EQ(heap.device_used(), 1000u);
  EXPECT_EQ(heap.high_water(), 3000u);
  heap.charge(5000);
  EXPECT_EQ(heap.high_water(), 6000u);
  heap.charge(-5000);
  drop(heap, b, 2000);
}

// --strict: past the budget the allocator fails, as the device's (§5.3), but
// only while Lua runs under a protected call (Heap::Enforce).
TEST(Heap, StrictRefusesPastTheBudgetWhileEnforced) {
  Heap heap(1000, 0.5, true);
  heap.set_base();
  Heap::Enforce enforce(heap);
  void* a = make(heap, 2000);  // 1000 device bytes: exactly the budget
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(make(heap, 2), nullptr);  // one device byte more
  EXPECT_EQ(heap.in_use(), 2000u);    // a refusal counts nothing
  EXPECT_EQ(grow(heap, a, 2000, 2010), nullptr);
  EXPECT_EQ(heap.in_use(), 2000u);
  // Shrinking and freeing are always allowed.
  a = grow(heap, a, 2000, 1000);
  ASSERT_NE(a, nullptr);
  void* b = make(heap, 1000);
  EXPECT_NE(b, nullptr);
  drop(heap, a, 1000);
  drop(heap, b, 1000);
}

TEST(Heap, StrictRefusalCountsChargesAsUsed) {
  Heap heap(1000, 1.0, true);
  heap.set_base();
  heap.charge(900);
  Heap::Enforce enforce(heap);
  EXPECT_EQ(make(heap, 101), nullptr);
  void* a = make(heap, 100);
  EXPECT_NE(a, nullptr);
  drop(heap, a, 100);
}

TEST(Heap, StrictDoesNotRefuseOutsideLuaCalls) {
  Heap heap(1000, 1.0, true);
  heap.set_base();
  void* a = make(heap, 5000);  // runtime bookkeeping between calls
  EXPECT_NE(a, nullptr);
  {
    Heap::Enforce outer(heap);
    {
      Heap::Enforce inner(heap);  // nested calls
      EXPECT_EQ(make(heap, 1), nullptr);
    }
    EXPECT_EQ(make(heap, 1), nullptr);
  }
  void* b = make(heap, 1);
  EXPECT_NE(b, nullptr);
  drop(heap, a, 5000);
  drop(heap, b, 1);
}

TEST(Heap, StrictDoesNotRefuseBeforeTheBase) {
  Heap heap(10, 1.0, true);
  Heap::Enforce enforce(heap);
  void* a = make(heap, 5000);  // the firmware's own start-up
  EXPECT_NE(a, nullptr);
  drop(heap, a, 5000);
}

TEST(Heap, WithoutStrictNothingIsRefused) {
  Heap heap(10, 1.0, false);
  heap.set_base();
  Heap::Enforce enforce(heap);
  void* a = make(heap, 5000);
  EXPECT_NE(a, nullptr);
  EXPECT_TRUE(heap.over_budget());
  drop(heap, a, 5000);
}

// over_budget() answers from a precomputed bound below it (Boot::safe_point
// asks after every callback); near the bound it must agree with the scaled
// figure, whatever the scale and charges.
TEST(Heap, OverBudgetAgreesWithTheScaledFigure) {
  for (double scale : {0.6, 1.0, 1.7}) {
    for (long long charge : {0LL, 700LL, 1200LL}) {
      Heap heap(1000, scale, false);
      heap.set_base();
      heap.charge(charge);
      for (size_t n = 8; n <= 2000; n += 8) {
        void* a = make(heap, n);
        ASSERT_NE(a, nullptr);
        EXPECT_EQ(heap.over_budget(), heap.device_used() > heap.budget())
            << "scale " << scale << " charge " << charge << " bytes " << n;
        drop(heap, a, n);
      }
    }
  }
}

}  // namespace
}  // namespace nmh

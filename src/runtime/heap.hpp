// The counting allocator behind node.heap() and the device heap budget
// (runtime.md §5.2, §5.3).
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

namespace nmh {

// Lua's small blocks (strings, closures, tables, userdata, upvalues: most of
// what a callback allocates) come from size classes of 16 bytes carved from
// 64 KB slabs: exact sizes, no per-block header, a free list push or pop
// instead of malloc's bins (issue 5: CPU per request, memory per connection).
// Slabs go back to the system with the pool. Sanitizer builds use malloc for
// everything, so that AddressSanitizer still sees every block.
class SmallPool {
 public:
  static constexpr size_t kMax = 128;  // larger blocks go to malloc
#if defined(__SANITIZE_ADDRESS__)
  static bool fits(size_t /*n*/) {
    return false;
  }
#else
  static bool fits(size_t n) {
    return n <= kMax;
  }
#endif
  SmallPool() = default;
  ~SmallPool();
  SmallPool(const SmallPool&) = delete;
  SmallPool& operator=(const SmallPool&) = delete;

  void* get(size_t n) {
    Block*& head = free_[index(n)];
    if (head == nullptr) return carve(n);
    Block* b = head;
    head = b->next;
    return b;
  }
  void put(void* p, size_t n) {
    auto* b = static_cast<Block*>(p);
    b->next = free_[index(n)];
    free_[index(n)] = b;
  }
  static bool same_class(size_t a, size_t b) {
    return index(a) == index(b);
  }

 private:
  struct Block {
    Block* next;
  };
  static constexpr size_t kSlab = 64 * 1024;
  static size_t index(size_t n) {
    return n == 0 ? 0 : (n - 1) / 16;
  }
  void* carve(size_t n);

  Block* free_[kMax / 16] = {};
  char* cursor_ = nullptr;  // the unused rest of the newest slab
  char* end_ = nullptr;
  std::vector<void*> slabs_;
};

class Heap {
 public:
  Heap(size_t budget, double scale, bool strict)
      : budget_(budget), scale_(scale), strict_(strict) {}

  // The lua_Alloc of every Lua state; ud is the Heap.
  static void* alloc(void* ud, void* ptr, size_t osize, size_t nsize);

  // Called when the main chunk starts: what is in use now is the firmware's own.
  void set_base() {
    base_ = in_use_;
    based_ = true;
    peak_in_use_ = in_use_;
  }
  // Fixed device costs (sockets, TLS: net.md); may be negative to release.
  void charge(long long bytes) {
    charges_ += bytes;
    peak_in_use_ = in_use_;
    note_high_water();
  }

  size_t in_use() const { return in_use_; }
  size_t budget() const { return budget_; }
  // Device bytes used since the main chunk started, scaled, plus charges.
  size_t device_used() const;
  // node.heap(): what the device would report, never below 0.
  size_t free_bytes() const {
    size_t used = device_used();
    return used >= budget_ ? 0 : budget_ - used;
  }
  bool over_budget() const { return device_used() > budget_; }
  size_t high_water() const { return high_water_; }

  // --strict refuses allocations past the budget only while Lua runs under a
  // protected call, where Lua turns the refusal into "not enough memory"
  // (§5.3). The runtime's own bookkeeping between calls (error reports,
  // references) is never refused: an unprotected failure would be a Lua panic.
  class Enforce {
   public:
    explicit Enforce(Heap& heap) : heap_(heap) { ++heap_.enforcing_; }
    ~Enforce() { --heap_.enforcing_; }
    Enforce(const Enforce&) = delete;
    Enforce& operator=(const Enforce&) = delete;

   private:
    Heap& heap_;
  };

 private:
  void note_high_water() {
    size_t used = device_used();
    if (used > high_water_) high_water_ = used;
  }

  size_t budget_;
  double scale_;
  bool strict_;
  size_t in_use_ = 0;
  size_t base_ = 0;
  bool based_ = false;
  long long charges_ = 0;
  size_t high_water_ = 0;
  // The device figure can only pass its high-water mark when in_use_ passes
  // its own peak since the last change of base or charges: the scaled figure
  // is computed then, not on every allocation.
  size_t peak_in_use_ = 0;
  int enforcing_ = 0;
  SmallPool pool_;
};

}  // namespace nmh

// The counting allocator behind node.heap() and the device heap budget
// (runtime.md §5.2, §5.3).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

#include "runtime/pool.hpp"

namespace nmh {

// Lua's small blocks (strings, closures, tables, userdata, upvalues: most of
// what a callback allocates) come from size classes 8 bytes apart, carved
// from slabs (pool.hpp): exact sizes, no per-block header, a free list push
// or pop instead of malloc's bins (design.md hot path; memory per
// connection: bench/README.md targets).
class SmallPool {
 public:
  static constexpr size_t kMax = 128;  // larger blocks go to malloc
  static bool fits(size_t n) { return kPoolsEnabled && n <= kMax; }
  static bool same_class(size_t a, size_t b) { return index(a) == index(b); }
  void* get(size_t n) {
    void* p = free_[index(n)].pop();
    return p != nullptr ? p : slabs_.carve((index(n) + 1) * 8);
  }
  void put(void* p, size_t n) { free_[index(n)].push(p); }

 private:
  static size_t index(size_t n) { return n == 0 ? 0 : (n - 1) / 8; }
  FreeList free_[kMax / 8];
  Slabs slabs_;
};

class Heap {
 public:
  Heap(size_t budget, double scale, bool strict) : budget_(budget), scale_(scale), strict_(strict) {
    refresh_safe();
  }

  // The lua_Alloc of every Lua state; ud is the Heap.
  static void* alloc(void* ud, void* ptr, size_t osize, size_t nsize);

  // Called when the main chunk starts: what is in use now is the firmware's own.
  void set_base() {
    base_ = in_use_;
    based_ = true;
    peak_in_use_ = in_use_;
    refresh_safe();
  }
  // Fixed device costs (sockets, TLS: net.md); may be negative to release.
  void charge(long long bytes) {
    charges_ += bytes;
    peak_in_use_ = in_use_;
    refresh_safe();
    note_high_water();
  }

  size_t in_use() const { return in_use_; }
  size_t budget() const { return budget_; }
  // Device bytes used since the main chunk started, scaled, plus charges.
  size_t device_used() const { return device_used_at(in_use_); }
  // node.heap(): what the device would report, never below 0.
  size_t free_bytes() const {
    size_t used = device_used();
    return used >= budget_ ? 0 : budget_ - used;
  }
  // Asked after every callback (Boot::safe_point): below safe_in_use_ the
  // answer is known without the scaled figure (design.md hot path).
  bool over_budget() const { return in_use_ > safe_in_use_ && device_used() > budget_; }
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
  // device_used() if in_use bytes were in use (§5.2), never below 0.
  size_t device_used_at(size_t in_use) const;
  // The largest in_use_ whose device figure cannot pass the budget, one byte
  // short of the exact bound so that rounding never makes it too large.
  void refresh_safe() {
    double room = static_cast<double>(budget_) - static_cast<double>(charges_);
    if (!based_ || (scale_ <= 0 && room >= 0)) {
      safe_in_use_ = SIZE_MAX;
    } else if (room < 0 || scale_ <= 0) {
      safe_in_use_ = 0;
    } else {
      double grown = std::floor(room / scale_) - 1;
      safe_in_use_ = grown <= 0 ? base_ : base_ + static_cast<size_t>(grown);
    }
  }
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
  size_t safe_in_use_ = 0;
  int enforcing_ = 0;
  SmallPool pool_;
};

}  // namespace nmh

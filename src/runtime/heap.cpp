#include "runtime/heap.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace nmh {

size_t Heap::device_used_at(size_t in_use) const {
  if (!based_) return 0;
  double grown = in_use > base_ ? static_cast<double>(in_use - base_) : 0.0;
  long long used = static_cast<long long>(std::ceil(grown * scale_)) + charges_;
  return used < 0 ? 0 : static_cast<size_t>(used);
}

void* Heap::alloc(void* ud, void* ptr, size_t osize, size_t nsize) {
  auto* heap = static_cast<Heap*>(ud);
  // When ptr is null, osize encodes the object type, not a size. Otherwise
  // it is the block's exact size, which also tells which allocator owns it.
  size_t old = ptr != nullptr ? osize : 0;
  if (nsize == 0) {
    if (ptr != nullptr) {
      if (SmallPool::fits(old)) {
        heap->pool_.put(ptr, old);
      } else {
        std::free(ptr);
      }
    }
    heap->in_use_ -= old;
    return nullptr;
  }
  // --strict: the device's allocator fails past the budget; Lua then runs an
  // emergency collection and retries before raising "not enough memory" (§5.3).
  if (heap->strict_ && heap->based_ && heap->enforcing_ > 0 && nsize > old) {
    if (heap->device_used_at(heap->in_use_ + (nsize - old)) > heap->budget_) return nullptr;
  }
  void* p = nullptr;
  bool small_old = ptr != nullptr && SmallPool::fits(old);
  if (SmallPool::fits(nsize)) {
    if (small_old && SmallPool::same_class(old, nsize)) {
      p = ptr;
    } else {
      p = heap->pool_.get(nsize);
      if (p == nullptr) return nullptr;
      if (ptr != nullptr) {
        std::memcpy(p, ptr, std::min(old, nsize));
        if (small_old) {
          heap->pool_.put(ptr, old);
        } else {
          std::free(ptr);
        }
      }
    }
  } else if (small_old) {
    p = std::malloc(nsize);
    if (p == nullptr) return nullptr;
    std::memcpy(p, ptr, old);
    heap->pool_.put(ptr, old);
  } else {
    p = std::realloc(ptr, nsize);
    if (p == nullptr) return nullptr;
  }
  heap->in_use_ = heap->in_use_ - old + nsize;
  if (heap->in_use_ > heap->peak_in_use_) {
    heap->peak_in_use_ = heap->in_use_;
    heap->note_high_water();
  }
  return p;
}

}  // namespace nmh

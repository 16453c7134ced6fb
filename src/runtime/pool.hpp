// Slab pools: blocks of a few fixed sizes carved from 64 KB slabs and
// recycled through free lists, with no per-block header. Lua's small blocks
// (heap.hpp) and the per-connection C++ objects of net use them (design.md
// hot path; memory per connection: bench/README.md targets). Sanitizer builds bypass them,
// so that AddressSanitizer still sees every block.
#pragma once

#include <cstddef>
#include <new>
#include <vector>

namespace nmh {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kPoolsEnabled = false;
#else
inline constexpr bool kPoolsEnabled = true;
#endif

// Fresh blocks, cut one after the other from slabs that live as long as this.
class Slabs {
 public:
  Slabs() = default;
  ~Slabs();
  Slabs(const Slabs&) = delete;
  Slabs& operator=(const Slabs&) = delete;
  // size: a multiple of 8, the alignment Lua's blocks and net's objects need.
  void* carve(size_t size);

 private:
  static constexpr size_t kSlab = size_t{64} * 1024;
  char* cursor_ = nullptr;  // the unused rest of the newest slab
  char* end_ = nullptr;
  std::vector<void*> slabs_;
};

// Freed blocks of one size, linked through their first word.
class FreeList {
 public:
  void* pop() {
    Node* n = head_;
    if (n != nullptr) head_ = n->next;
    return n;
  }
  void push(void* p) {
    auto* n = static_cast<Node*>(p);
    n->next = head_;
    head_ = n;
  }

 private:
  struct Node {
    Node* next;
  };
  Node* head_ = nullptr;
};

// Class-wide pool for objects of type T, for its operator new and delete.
template <class T>
class ObjectPool {
 public:
  static void* get() {
    if constexpr (!kPoolsEnabled) return ::operator new(sizeof(T));
    Pool& p = pool();
    void* block = p.free.pop();
    if (block == nullptr) block = p.slabs.carve(kSize);
    if (block == nullptr) throw std::bad_alloc();
    return block;
  }
  static void put(void* block) {
    if constexpr (!kPoolsEnabled) return ::operator delete(block);
    pool().free.push(block);
  }

 private:
  static_assert(alignof(T) <= 8);
  static constexpr size_t kSize = (sizeof(T) + 7) / 8 * 8;  // exact: no header, no rounding to 16
  struct Pool {
    Slabs slabs;
    FreeList free;
  };
  static Pool& pool() {
    static Pool p;
    return p;
  }
};

}  // namespace nmh

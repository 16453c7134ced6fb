#include "runtime/pool.hpp"

#include <cstdlib>

namespace nmh {

Slabs::~Slabs() {
  for (void* slab : slabs_) std::free(slab);
}

void* Slabs::carve(size_t size) {
  if (cursor_ == nullptr || static_cast<size_t>(end_ - cursor_) < size) {
    void* slab = std::malloc(kSlab);
    if (slab == nullptr) return nullptr;
    slabs_.push_back(slab);
    cursor_ = static_cast<char*>(slab);
    end_ = cursor_ + kSlab;
  }
  void* p = cursor_;
  cursor_ += size;
  return p;
}

}  // namespace nmh

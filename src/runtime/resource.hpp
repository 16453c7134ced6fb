// Resource: anything a boot owns that must end with it (timers, sockets,
// lookups, files, pipes). Each links itself into its Boot's list, so teardown
// on restart, signal or --timeout is one loop over that list (design.md).
#pragma once

namespace nmh {

class Boot;

class Resource {
 public:
  explicit Resource(Boot& boot);
  virtual ~Resource();
  Resource(const Resource&) = delete;
  Resource& operator=(const Resource&) = delete;

  // Teardown: stop, release every Lua reference, detach from the userdata and
  // start closing. The object is freed when its handle is closed (possibly
  // before this returns); it must not touch Lua afterwards. graceful: FIN for
  // sockets (shutdown, runtime.md §2.7); otherwise abort (restart, §2.5).
  virtual void shutdown(bool graceful) = 0;

  Boot& boot() const { return boot_; }

 private:
  friend class Boot;
  Boot& boot_;
  Resource* prev_ = nullptr;
  Resource* next_ = nullptr;
};

}  // namespace nmh

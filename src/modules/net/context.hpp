// Per-boot state of the net module: the established-connection count that
// the esp8266 profile caps (net.md §13), servers waiting to accept, the
// loop-wide read buffer (design.md hot path), the deferred "sent" events and
// frees, and the Links that no socket owns any more (reached at teardown).
#pragma once

#include <uv.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "runtime/boot.hpp"

namespace nmh::net {

class Link;
class TcpServer;
class TcpSocket;

class NetContext final : public ModuleState {
 public:
  explicit NetContext(Boot& boot);
  ~NetContext() override;
  NetContext(const NetContext&) = delete;
  NetContext& operator=(const NetContext&) = delete;

  static NetContext& of(Boot& boot) { return boot.state<NetContext>(); }
  // While it exists, the context is also the loop's data (one boot, and so one
  // context, at a time): a Link finds it from its handle without a field.
  static NetContext& of_loop(uv_loop_t* loop) { return *static_cast<NetContext*>(loop->data); }

  Boot& boot() const { return boot_; }

  // One buffer for every read of the loop: libuv reads into it and the
  // receive strings are made straight from it.
  char* read_buffer() { return buffer_.get(); }
  size_t read_buffer_size() const { return buffer_size_; }

  // Established TCP connections, accepted and outgoing (net.md §13).
  size_t established() const { return established_; }
  void connection_up() { ++established_; }
  void connection_down();
  // While exactly the profile's number are established, accepts wait (net.md §13).
  bool accept_blocked() const;
  void defer_accept(TcpServer* server);
  void forget_server(TcpServer* server);

  // Sockets whose finished sends still owe "sent" events: they fire later in
  // the loop, never inside send() (net.md §4.3). The caller lists a socket
  // once per batch (when its owed count leaves zero); a socket listed twice
  // only finds nothing owed the second time.
  void owe_sent(TcpSocket* socket);
  void forget_socket(TcpSocket* socket);
  // Frees a resource once the current events are done: a socket collected inside one of
  // its own events must outlive the C++ frames still running for it.
  void bury(Resource* resource);

  // Servers listening now, for the device's same-port, same-IP rule (net.md §3.1 step 7).
  std::vector<TcpServer*>& servers() { return servers_; }

  // Links: the boot waits for every one to be freed; those without a socket
  // (still flushing after close(), or refused) are listed here so teardown
  // reaches them, and one orphaned during teardown is shut down at once.
  void link_opened() { boot_.hold(); }
  void link_freed() { boot_.release(); }
  void add_orphan(Link* link);
  void remove_orphan(Link* link);

 private:
  // Deferred work runs in the check phase, right after the I/O callbacks
  // that queued it, so the loop polls once per turn as it would without it;
  // the idle handle only keeps the next poll from blocking while work queued
  // outside I/O (timers, tasks) or during the last run is still waiting.
  static void on_check(uv_check_t* check);
  static void on_idle(uv_idle_t* idle);
  void wake();
  void run_deferred();
  void fire_owed_sent();
  bool has_work() const;

  Boot& boot_;
  std::unique_ptr<char[]> buffer_;
  size_t buffer_size_;
  size_t established_ = 0;
  std::vector<TcpServer*> deferred_;
  std::vector<TcpServer*> servers_;
  std::vector<TcpSocket*> owing_;
  std::vector<Resource*> graveyard_;
  bool firing_ = false;
  struct Handles {
    uv_idle_t idle;
    uv_check_t check;
    int open = 0;  // handles still to close, once closing starts
  };
  Handles* handles_;  // heap-allocated: they close after this state is gone
  class Keeper;
  void teardown_links(bool graceful);
  Keeper* keeper_;  // the orphans' teardown hook in the boot's resource list
  // Once teardown has begun, how an orphan is shut down the moment it is
  // listed (runtime.md §2.5, §2.7).
  enum class Teardown : uint8_t { none, graceful, abortive };
  Teardown teardown_;
  std::vector<Link*> orphans_;
};

}  // namespace nmh::net

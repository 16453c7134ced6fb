// The c-ares resolver behind Resolver (net.md §7.3, §7.4): one per boot, a
// Resource of it, driven by the boot's libuv loop.
#pragma once

#include <ares.h>
#include <uv.h>

#include <list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "modules/net/dns.hpp"

namespace nmh {
class Device;
}

namespace nmh::net {

// DNS_MAX_SERVERS (net.md §7.2).
inline constexpr int kDnsSlots = 2;

// The text of server slot 0 or 1 (net.md §7.3): what setdnsserver stored,
// else the --dns-server values, else the first two nameservers of
// /etc/resolv.conf (IPv4 only without profile.dns_ipv6), else 208.67.222.222
// in slot 0. Empty: the slot is not set.
std::string dns_server_text(Device& device, int slot);

// A server text as setdnsserver accepts it (net.md §7.2): an IPv4 literal of
// at most 16 characters other than 0.0.0.0 and 255.255.255.255; with
// extensions also an IPv6 literal other than "::" and "a.b.c.d:port" or
// "[v6]:port". The port defaults to 53.
std::optional<Address> parse_dns_server(std::string_view text, bool extensions);

class CaresResolver;
// The boot's resolver if one was made, else nullptr.
CaresResolver* find_resolver(Boot& boot);

class CaresResolver final : public Resolver, public Resource {
 public:
  explicit CaresResolver(Boot& boot);
  ~CaresResolver() override;

  int lookup(std::string_view name, Done done) override;
  // Teardown: pending lookups end without calling back (net.md §10; resource.hpp).
  void shutdown(bool graceful) override;
  // setdnsserver changed a slot: lookups from now on use the new server;
  // those in flight finish with the one they started with.
  void server_changed(int slot);

 private:
  struct Channel;
  struct Lookup {
    CaresResolver* owner;
    Done done;
    std::string name;
    int slot = 0;
    bool aaaa = false;  // the host profile's AAAA fallback is running (§7.3)
    bool counted = false;
    Channel* channel = nullptr;
    std::optional<Address> result;
    std::list<Lookup>::iterator self;
  };
  struct Channel {
    CaresResolver* owner;
    ares_channel ares = nullptr;
    size_t queries = 0;
    bool retired = false;  // its slot changed: destroyed once its queries end
  };
  struct Poll {
    uv_poll_t handle{};
    CaresResolver* owner = nullptr;
    Channel* channel = nullptr;
    ares_socket_t fd = ARES_SOCKET_BAD;
  };

  Channel* channel_for(int slot);
  void query(Lookup& lookup);
  void finish(Lookup& lookup, std::optional<Address> result);
  void schedule();
  void reap();
  void deliver();
  void close_poll(Poll* poll);
  void handle_closed();

  static void on_sock_state(void* data, ares_socket_t fd, int readable, int writable);
  static void on_answer(void* arg, int status, int timeouts, unsigned char* abuf, int alen);
  static void on_poll(uv_poll_t* handle, int status, int events);

  std::list<Lookup> lookups_;
  std::vector<Lookup*> ready_;  // answered, delivered from the loop (dns.hpp contract)
  std::vector<std::unique_ptr<Channel>> channels_;
  Channel* slots_[kDnsSlots] = {nullptr, nullptr};
  std::unordered_map<ares_socket_t, Poll*> polls_;
  ares_channel hosts_ = nullptr;  // only for ares_gethostbyname_file; never sends
  uv_timer_t timer_{};            // c-ares timeouts; active (and so work) while queries are out
  uv_idle_t idle_{};              // delivery of ready lookups; active while any is ready
  size_t in_flight_ = 0;
  int open_handles_ = 0;
  bool dead_ = false;
};

}  // namespace nmh::net

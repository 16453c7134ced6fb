#include "modules/net/resolver.hpp"

#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <netdb.h>

#include <algorithm>
#include <cstring>

#include "modules/net/errors.hpp"
#include "runtime/boot.hpp"
#include "runtime/device.hpp"
#include "runtime/lualib.hpp"

namespace nmh::net {

namespace {

// The device's compiled-in server (net.md §7.2, §7.3).
constexpr const char* kDefaultServer = "208.67.222.222";
// DNS_MAX_NAME_LENGTH (net.md §13): a name must be shorter.
constexpr size_t kMaxName = 256;
// lwIP sends to a server at 0, 1, 2 and 4 s and gives up at 7 s (net.md
// §7.3). c-ares doubles its timeout on each try, so with one server per
// channel, 1000 ms and 3 tries it sends at 0, 1 and 3 s and gives up at 7 s:
// the same deadline with one send fewer, the closest it allows.
constexpr int kTimeoutMs = 1000;
constexpr int kTries = 3;

std::unordered_map<Boot*, CaresResolver*>& registry() {
  static std::unordered_map<Boot*, CaresResolver*> resolvers;
  return resolvers;
}

void init_library() {
  static const int status = ares_library_init(ARES_LIB_INIT_ALL);
  (void)status;
}

// The nameservers of /etc/resolv.conf, normalized (§12.1), read once: the
// slots "start as" these (net.md §7.3).
struct ConfServer {
  std::string text;
  bool v6;
};
const std::vector<ConfServer>& resolv_conf_servers() {
  static const std::vector<ConfServer> servers = [] {
    // Plain reads and splits: iostreams would bring their locale machinery
    // into the static image, which costs page faults at every start
    // (bench/README.md targets: startup).
    std::vector<ConfServer> out;
    std::string text;
    if (!read_host_file("/etc/resolv.conf", text)) return out;
    constexpr std::string_view kSpace = " \t\n\v\f\r";
    std::string_view rest = text;
    while (!rest.empty()) {
      size_t end = rest.find('\n');
      std::string_view line = rest.substr(0, end);
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      line = line.substr(0, line.find_first_of("#;"));
      std::string_view words[2];
      for (std::string_view& word : words) {
        size_t start = std::min(line.find_first_not_of(kSpace), line.size());
        line.remove_prefix(start);
        word = line.substr(0, line.find_first_of(kSpace));
        line.remove_prefix(word.size());
      }
      if (words[1].empty() || words[0] != "nameserver") continue;
      if (auto a = parse_ip(words[1])) out.push_back({format_ip(a->sa()), a->v6()});
    }
    return out;
  }();
  return servers;
}

bool parse_port(std::string_view text, uint16_t& port) {
  if (text.empty() || text.size() > 5 ||
      text.find_first_not_of("0123456789") != std::string_view::npos) {
    return false;
  }
  unsigned long n = std::stoul(std::string(text));
  if (n == 0 || n > 65535) return false;
  port = static_cast<uint16_t>(n);
  return true;
}

// An IPv4 server as the device's setdnsserver takes it: at most 16
// characters, neither IPADDR_ANY nor IPADDR_NONE (net.md §7.2).
std::optional<Address> parse_v4_server(std::string_view text, uint16_t port) {
  if (text.size() > 16) return std::nullopt;
  auto a = parse_ipv4(text, port);
  if (!a) return std::nullopt;
  in_addr_t v = reinterpret_cast<const sockaddr_in*>(a->sa())->sin_addr.s_addr;
  if (v == htonl(INADDR_ANY) || v == htonl(INADDR_NONE)) return std::nullopt;
  return a;
}

std::optional<Address> parse_v6_server(std::string_view text, uint16_t port) {
  auto a = parse_ipv6(text, port);
  if (!a) return std::nullopt;
  if (IN6_IS_ADDR_UNSPECIFIED(&reinterpret_cast<const sockaddr_in6*>(a->sa())->sin6_addr)) {
    return std::nullopt;
  }
  return a;
}

// The first A (or AAAA) record of an answer, in answer-section order (net.md §7.3).
std::optional<Address> first_address(const unsigned char* abuf, int alen, bool aaaa) {
  Address out;
  if (!aaaa) {
    ares_addrttl records[8];
    int n = 8;
    if (ares_parse_a_reply(abuf, alen, nullptr, records, &n) != ARES_SUCCESS || n < 1) {
      return std::nullopt;
    }
    auto* sin = reinterpret_cast<sockaddr_in*>(&out.storage);
    sin->sin_family = AF_INET;
    sin->sin_addr = records[0].ipaddr;
    return out;
  }
  ares_addr6ttl records[8];
  int n = 8;
  if (ares_parse_aaaa_reply(abuf, alen, nullptr, records, &n) != ARES_SUCCESS || n < 1) {
    return std::nullopt;
  }
  auto* sin6 = reinterpret_cast<sockaddr_in6*>(&out.storage);
  sin6->sin6_family = AF_INET6;
  std::memcpy(&sin6->sin6_addr, &records[0].ip6addr, sizeof sin6->sin6_addr);
  return out;
}

// An entry of /etc/hosts, consulted first in both profiles (net.md §7.3).
std::optional<Address> hosts_entry(ares_channel channel, const std::string& name, int family) {
  hostent* host = nullptr;
  if (ares_gethostbyname_file(channel, name.c_str(), family, &host) != ARES_SUCCESS ||
      host == nullptr) {
    return std::nullopt;
  }
  std::optional<Address> out;
  if (host->h_addr_list[0] != nullptr && host->h_addrtype == family) {
    out.emplace();
    if (family == AF_INET) {
      auto* sin = reinterpret_cast<sockaddr_in*>(&out->storage);
      sin->sin_family = AF_INET;
      std::memcpy(&sin->sin_addr, host->h_addr_list[0], sizeof sin->sin_addr);
    } else {
      auto* sin6 = reinterpret_cast<sockaddr_in6*>(&out->storage);
      sin6->sin6_family = AF_INET6;
      std::memcpy(&sin6->sin6_addr, host->h_addr_list[0], sizeof sin6->sin6_addr);
    }
  }
  ares_free_hostent(host);
  return out;
}

}  // namespace

std::string dns_server_text(Device& device, int slot) {
  if (slot < 0 || slot >= kDnsSlots) return {};
  const Persistent& state = device.persistent();
  if (!state.dns_servers[slot].empty()) return state.dns_servers[slot];
  // --dns-server replaces the initial values of both slots (net.md §7.3).
  const std::vector<std::string>& given = device.options().dns_servers;
  if (!given.empty()) return static_cast<size_t>(slot) < given.size() ? given[slot] : "";
  // The first two entries; esp8266 skips IPv6 ones. None: the device's default.
  int index = 0;
  for (const ConfServer& server : resolv_conf_servers()) {
    if (server.v6 && !device.profile().dns_ipv6) continue;
    if (index++ == slot) return server.text;
  }
  return slot == 0 && index == 0 ? kDefaultServer : "";
}

std::optional<Address> parse_dns_server(std::string_view text, bool extensions) {
  constexpr uint16_t kDnsPort = 53;
  if (!extensions) return parse_v4_server(text, kDnsPort);
  uint16_t port = kDnsPort;
  if (!text.empty() && text[0] == '[') {
    size_t close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':' ||
        !parse_port(text.substr(close + 2), port)) {
      return std::nullopt;
    }
    return parse_v6_server(text.substr(1, close - 1), port);
  }
  size_t colons = std::count(text.begin(), text.end(), ':');
  if (colons == 1) {
    size_t colon = text.find(':');
    if (!parse_port(text.substr(colon + 1), port)) return std::nullopt;
    return parse_v4_server(text.substr(0, colon), port);
  }
  if (colons > 1) return parse_v6_server(text, port);
  return parse_v4_server(text, port);
}

CaresResolver* find_resolver(Boot& boot) {
  auto it = registry().find(&boot);
  return it == registry().end() ? nullptr : it->second;
}

Resolver& Resolver::of(Boot& boot) {
  if (CaresResolver* r = find_resolver(boot)) return *r;
  return *new CaresResolver(boot);  // freed when its handles close after shutdown()
}

CaresResolver::CaresResolver(Boot& boot) : Resource(boot) {
  init_library();
  registry()[&boot] = this;
  uv_timer_init(boot.loop(), &timer_);
  timer_.data = this;
  uv_idle_init(boot.loop(), &idle_);
  idle_.data = this;
  open_handles_ = 2;
}

CaresResolver::~CaresResolver() {
  if (hosts_ != nullptr) ares_destroy(hosts_);
}

int CaresResolver::lookup(std::string_view name, Done done) {
  // The device reads the name as a C string.
  name = name.substr(0, name.find('\0'));
  if (name.empty() || name.size() >= kMaxName) return kArg;
  // lwIP answers a literal at once without taking a table entry (net.md §4.9, §7.1).
  if (auto v4 = parse_ipv4(name)) {
    done(&*v4);
    return kOk;
  }
  if (dead_) return kOk;
  const size_t limit = boot().profile().dns_lookups;
  if (limit != 0 && in_flight_ >= limit) return kMem;

  Lookup& l = lookups_.emplace_back();
  l.self = std::prev(lookups_.end());
  l.owner = this;
  l.done = std::move(done);
  l.name = name;
  l.counted = true;
  ++in_flight_;

  // IPv6 literals are a host extension (§12.1): answered from the loop,
  // never inside the call (§4.9 lists only IPv4 literals as synchronous).
  if (auto v6 = parse_ipv6(name)) {
    finish(l, v6);
    return kOk;
  }
  if (hosts_ == nullptr) {
    // A channel that never sends: ares_gethostbyname_file needs one.
    ares_options options{};
    options.flags = ARES_FLAG_NOCHECKRESP;
    if (ares_init_options(&hosts_, &options, ARES_OPT_FLAGS) != ARES_SUCCESS) hosts_ = nullptr;
  }
  if (hosts_ != nullptr) {
    auto entry = hosts_entry(hosts_, l.name, AF_INET);
    if (!entry && boot().profile().dns_ipv6) entry = hosts_entry(hosts_, l.name, AF_INET6);
    if (entry) {
      finish(l, entry);
      return kOk;
    }
  }
  query(l);
  return kOk;
}

CaresResolver::Channel* CaresResolver::channel_for(int slot) {
  if (slots_[slot] != nullptr) return slots_[slot];
  // Texts from --dns-server or resolv.conf may carry a port or be IPv6 in
  // either profile; setdnsserver has already applied the profile's rules.
  auto server = parse_dns_server(dns_server_text(boot().device(), slot), true);
  if (!server) return nullptr;

  auto channel = std::make_unique<Channel>();
  channel->owner = this;
  ares_options options{};
  // NOCHECKRESP: a SERVFAIL or REFUSED answer ends the lookup at once instead
  // of moving on to another try (net.md §7.3).
  options.flags = ARES_FLAG_NOCHECKRESP;
  options.timeout = kTimeoutMs;
  options.tries = kTries;
  options.sock_state_cb = on_sock_state;
  options.sock_state_cb_data = channel.get();
  const int mask = ARES_OPT_FLAGS | ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES | ARES_OPT_SOCK_STATE_CB;
  if (ares_init_options(&channel->ares, &options, mask) != ARES_SUCCESS) return nullptr;

  ares_addr_port_node node{};
  node.family = server->storage.ss_family;
  if (server->v6()) {
    std::memcpy(&node.addr.addr6, &reinterpret_cast<const sockaddr_in6*>(server->sa())->sin6_addr,
                sizeof node.addr.addr6);
  } else {
    node.addr.addr4 = reinterpret_cast<const sockaddr_in*>(server->sa())->sin_addr;
  }
  node.udp_port = server->port();
  node.tcp_port = server->port();
  if (ares_set_servers_ports(channel->ares, &node) != ARES_SUCCESS) {
    ares_destroy(channel->ares);
    return nullptr;
  }
  slots_[slot] = channel.get();
  channels_.push_back(std::move(channel));
  return slots_[slot];
}

void CaresResolver::query(Lookup& l) {
  Channel* channel = channel_for(l.slot);
  if (channel == nullptr) {
    // An empty or unusable slot: the next one, if any (net.md §7.3).
    if (l.slot + 1 < kDnsSlots) {
      ++l.slot;
      query(l);
    } else {
      finish(l, std::nullopt);
    }
    return;
  }
  l.channel = channel;
  ++channel->queries;
  // ares_query, not ares_search: the device appends no search domains.
  ares_query(channel->ares, l.name.c_str(), ns_c_in, l.aaaa ? ns_t_aaaa : ns_t_a, on_answer, &l);
  schedule();
}

void CaresResolver::on_answer(void* arg, int status, int /*timeouts*/, unsigned char* abuf,
                              int alen) {
  Lookup& l = *static_cast<Lookup*>(arg);
  CaresResolver& self = *l.owner;
  if (l.channel != nullptr) {
    --l.channel->queries;
    l.channel = nullptr;
  }
  // Teardown destroys the channels: the lookups go with them, uncalled.
  if (self.dead_ || status == ARES_EDESTRUCTION || status == ARES_ECANCELLED) return;
  switch (status) {
    case ARES_SUCCESS:
      if (auto a = first_address(abuf, alen, l.aaaa)) {
        self.finish(l, a);
        return;
      }
      break;  // no record of the type asked: as ENODATA
    case ARES_ENODATA:
      break;
    case ARES_ETIMEOUT:
    case ARES_ECONNREFUSED:
      // This server never answered: slot 1 next, if set (net.md §7.3).
      if (l.slot + 1 < kDnsSlots) {
        ++l.slot;
        self.query(l);
      } else {
        self.finish(l, std::nullopt);
      }
      return;
    default:
      // NXDOMAIN, SERVFAIL, REFUSED, a bad name or answer: nil at once (§7.3).
      self.finish(l, std::nullopt);
      return;
  }
  // No A record: the host profile asks for AAAA on the same server (§7.3).
  if (!l.aaaa && self.boot().profile().dns_ipv6) {
    l.aaaa = true;
    self.query(l);
    return;
  }
  self.finish(l, std::nullopt);
}

void CaresResolver::finish(Lookup& l, std::optional<Address> result) {
  l.result = result;
  ready_.push_back(&l);
  uv_idle_start(&idle_, [](uv_idle_t* h) { static_cast<CaresResolver*>(h->data)->deliver(); });
}

void CaresResolver::deliver() {
  uv_idle_stop(&idle_);
  std::vector<Lookup*> batch;
  batch.swap(ready_);
  for (Lookup* l : batch) {
    if (dead_) return;  // teardown freed the rest
    Done done = std::move(l->done);
    std::optional<Address> result = l->result;
    // The table entry is free before the callback runs, as lwIP marks it
    // DONE first: the callback may start the next lookup (net.md §7.4).
    if (l->counted) --in_flight_;
    lookups_.erase(l->self);
    if (done) done(result ? &*result : nullptr);
  }
  reap();
}

void CaresResolver::schedule() {
  if (dead_) return;
  std::optional<uint64_t> best;
  for (const auto& channel : channels_) {
    timeval tv{};
    if (ares_timeout(channel->ares, nullptr, &tv) == nullptr) continue;
    const auto ms =
        static_cast<uint64_t>(tv.tv_sec) * 1000 + (static_cast<uint64_t>(tv.tv_usec) + 999) / 1000;
    if (!best || ms < *best) best = ms;
  }
  if (!best) {
    uv_timer_stop(&timer_);
    return;
  }
  const uint64_t ms = *best;
  uv_update_time(boot().loop());
  uv_timer_start(
      &timer_,
      [](uv_timer_t* h) {
        auto* self = static_cast<CaresResolver*>(h->data);
        // Indexes: an answer may add a channel (slot 1) while this runs.
        for (size_t i = 0; i < self->channels_.size(); ++i) {
          ares_process_fd(self->channels_[i]->ares, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
        }
        self->schedule();
        self->reap();
      },
      ms, 0);
}

void CaresResolver::reap() {
  // Never from inside a c-ares callback: the channel is still in use there.
  if (dead_) return;
  for (size_t i = 0; i < channels_.size();) {
    Channel* channel = channels_[i].get();
    if (channel->retired && channel->queries == 0) {
      ares_destroy(channel->ares);  // closes its sockets through on_sock_state
      channels_.erase(channels_.begin() + static_cast<long>(i));
    } else {
      ++i;
    }
  }
}

void CaresResolver::server_changed(int slot) {
  if (slot < 0 || slot >= kDnsSlots || slots_[slot] == nullptr) return;
  slots_[slot]->retired = true;
  slots_[slot] = nullptr;
  reap();
}

void CaresResolver::on_sock_state(void* data, ares_socket_t fd, int readable, int writable) {
  auto* channel = static_cast<Channel*>(data);
  CaresResolver& self = *channel->owner;
  auto it = self.polls_.find(fd);
  if (readable == 0 && writable == 0) {
    if (it != self.polls_.end()) {
      self.close_poll(it->second);
      self.polls_.erase(it);
    }
    return;
  }
  Poll* poll = nullptr;
  if (it == self.polls_.end()) {
    poll = new Poll{};
    poll->owner = &self;
    poll->fd = fd;
    if (uv_poll_init_socket(self.boot().loop(), &poll->handle, fd) != 0) {
      delete poll;  // c-ares times the query out
      return;
    }
    poll->handle.data = poll;
    // Not work by itself: the timer is, while a query is out (runtime.md §2.2).
    uv_unref(reinterpret_cast<uv_handle_t*>(&poll->handle));
    ++self.open_handles_;
    self.polls_[fd] = poll;
  } else {
    poll = it->second;
  }
  poll->channel = channel;
  uv_poll_start(&poll->handle,
                (readable != 0 ? UV_READABLE : 0) | (writable != 0 ? UV_WRITABLE : 0), on_poll);
}

void CaresResolver::on_poll(uv_poll_t* handle, int status, int events) {
  auto* poll = static_cast<Poll*>(handle->data);
  CaresResolver& self = *poll->owner;
  ares_socket_t rfd = ARES_SOCKET_BAD;
  ares_socket_t wfd = ARES_SOCKET_BAD;
  if (status < 0) {
    // Let c-ares read the error and move on.
    rfd = wfd = poll->fd;
  } else {
    if ((events & UV_READABLE) != 0) rfd = poll->fd;
    if ((events & UV_WRITABLE) != 0) wfd = poll->fd;
  }
  ares_process_fd(poll->channel->ares, rfd, wfd);
  self.schedule();
  self.reap();
}

void CaresResolver::close_poll(Poll* poll) {
  uv_close(reinterpret_cast<uv_handle_t*>(&poll->handle), [](uv_handle_t* h) {
    auto* p = static_cast<Poll*>(h->data);
    CaresResolver* self = p->owner;
    delete p;
    self->handle_closed();
  });
}

void CaresResolver::handle_closed() {
  if (--open_handles_ == 0 && dead_) delete this;
}

void CaresResolver::shutdown(bool /*graceful*/) {
  if (dead_) return;
  dead_ = true;
  registry().erase(&boot());
  // Drop the Lua references now, while the state still exists (resource.hpp).
  for (Lookup& l : lookups_) l.done = nullptr;
  ready_.clear();
  for (const auto& channel : channels_) ares_destroy(channel->ares);
  channels_.clear();
  std::fill(std::begin(slots_), std::end(slots_), nullptr);
  lookups_.clear();
  in_flight_ = 0;
  for (auto& [fd, poll] : polls_) close_poll(poll);
  polls_.clear();
  auto closed = [](uv_handle_t* h) { static_cast<CaresResolver*>(h->data)->handle_closed(); };
  uv_close(reinterpret_cast<uv_handle_t*>(&timer_), closed);
  uv_close(reinterpret_cast<uv_handle_t*>(&idle_), closed);
}

}  // namespace nmh::net

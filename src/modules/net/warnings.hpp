// The pitfall warnings of net.md §14, printed in the esp8266 profile only,
// once per location, as `W-NET<n>` (net.md §0.5). Each text stands beside its code.
#pragma once

#include "runtime/diagnostics.hpp"

namespace nmh::net::warn {

inline constexpr Code kSendQueued{
    "W-NET1", Level::warning,
    "send() before the previous send() completed: on the ESP8266 this raises \"out of memory\" "
    "once 2920 bytes are unacknowledged (TLS sockets silently drop the data); send the next part "
    "from the \"sent\" callback"};
inline constexpr Code kSendTooBig{
    "W-NET2", Level::warning,
    "send() of {} bytes exceeds the ESP8266 TCP send buffer (TCP_SND_BUF = 2920 bytes): raised "
    "\"out of memory\" as the device does"};
inline constexpr Code kTlsEarlySend{
    "W-NET3", Level::warning,
    "tls send() before the \"connection\" event: the ESP8266 silently discards this data"};
inline constexpr Code kReceiveHoards{
    "W-NET4", Level::warning,
    "receive handler appears to keep received data in memory (Lua heap +{} bytes after {} bytes "
    "received); the ESP8266 has about 40 KB of free heap: process data as it arrives or use "
    "hold()"};
inline constexpr Code kSelfCapture{
    "W-NET5", Level::warning,
    "callback for \"{}\" captures its own socket as an upvalue: on the ESP8266 the socket and its "
    "callbacks are never freed; use the callback's first argument instead"};
inline constexpr Code kServerArgs{
    "W-NET6", Level::warning,
    "net.createServer() takes only the idle timeout: {} is used as the timeout in seconds and "
    "the remaining arguments are ignored"};
inline constexpr Code kConnectionArgs{
    "W-NET7", Level::warning,
    "net.createConnection() ignores its arguments on the ESP8266 and returns a TCP socket; use "
    "net.createUDPSocket() or tls.createConnection()"};
inline constexpr Code kAcceptDeferred{
    "W-NET8", Level::warning,
    "incoming connection deferred: 5 TCP connections are established (ESP8266 limit "
    "MEMP_NUM_TCP_PCB = 5); the device ignores new connection requests until one closes"};
inline constexpr Code kUdpTooBig{
    "W-NET9", Level::warning,
    "UDP datagram of {} bytes exceeds the ESP8266 limit of 1472 bytes (no IP fragmentation): "
    "dropped as on the device"};
inline constexpr Code kDnsTableFull{
    "W-NET10", Level::warning,
    "more than 4 concurrent DNS lookups (ESP8266 DNS_TABLE_SIZE = 4): raised \"out of memory\" "
    "as the device does"};
inline constexpr Code kIpv6{"W-NET11", Level::warning,
                            "IPv6 address used: the ESP8266 firmware supports IPv4 only"};
inline constexpr Code kSecondTls{
    "W-NET12", Level::warning,
    "second TLS connection: each TLS handshake needs 25-30 KB of heap on the ESP8266, which "
    "rarely fits twice"};
inline constexpr Code kTlsRecord{
    "W-NET13", Level::warning,
    "TLS server sent {} bytes in one message/record; the ESP8266 TLS buffer is 4096 bytes "
    "(SSL_BUFFER_SIZE)"};
inline constexpr Code kServerTimeout{
    "W-NET14", Level::warning,
    "server idle timeout {} is outside the documented range 1-28800 seconds"};

// Host notices of net.md §9.3 and §12 (both profiles).
inline constexpr Code kErrnoNotice{"N-NET", Level::note, "{}: {} ({}), reported as -8"};
inline constexpr Code kPort{"N-PORT", Level::note, "{}"};
inline constexpr Code kLocalAddress{
    "N-ADDR", Level::note, "{} is not an address of this host: listening on all interfaces"};
// runtime.md §5.5: printed in both profiles just before the EACCES error of net.md §3.1 and
// §12.3, so the fix shows up even when the script catches the error with pcall.
inline constexpr Code kPrivilegedPort{"W-PORT", Level::warning,
                                      "privileged port {} refused, try --port-map {}=<port>"};

}  // namespace nmh::net::warn

#include "runtime/bytecode.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace nmh::bytecode {

namespace {

// "NMH" and the trailer's format version, then the CRC-32 (little-endian) of
// every byte before the trailer.
constexpr std::string_view kMagic{"NMH\x01", 4};
constexpr size_t kTrailer = kMagic.size() + 4;

constexpr std::array<uint32_t, 256> make_crc_table() {
  std::array<uint32_t, 256> table{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1U) != 0 ? 0xEDB88320U ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  return table;
}

constexpr std::array<uint32_t, 256> kCrcTable = make_crc_table();

// CRC-32 (IEEE 802.3): any one burst of up to 32 changed bits is always
// caught, so are one to three flipped bits anywhere.
uint32_t crc32(std::string_view data) {
  uint32_t c = 0xFFFFFFFFU;
  for (char ch : data) c = kCrcTable[(c ^ static_cast<unsigned char>(ch)) & 0xFFU] ^ (c >> 8);
  return c ^ 0xFFFFFFFFU;
}

// The header this Lua writes, from a dump of an empty function; the same
// for every chunk of this build.
const std::string& host_header() {
  static const std::string header = [] {
    std::string out;
    lua_State* L = luaL_newstate();
    if (L != nullptr) {
      if (luaL_loadstring(L, "") == LUA_OK) {
        (void)lua_dump(
            L,
            [](lua_State*, const void* p, size_t size, void* ud) {
              static_cast<std::string*>(ud)->append(static_cast<const char*>(p), size);
              return 0;
            },
            &out, 1);
      }
      lua_close(L);
    }
    // Signature, version, format, check data, five sizes, an integer and a
    // float (lundump.c checkHeader); the function's own bytes follow.
    size_t size = 4 + 1 + 1 + 6 + 5 + sizeof(lua_Integer) + sizeof(lua_Number);
    out.resize(std::min(out.size(), size));
    return out;
  }();
  return header;
}

// lundump.c's name for a chunk in its messages.
const char* display_name(const char* chunkname) {
  if (*chunkname == '@' || *chunkname == '=') return chunkname + 1;
  if (*chunkname == LUA_SIGNATURE[0]) return "binary string";
  return chunkname;
}

int append_writer(lua_State* /*L*/, const void* p, size_t size, void* ud) {
  static_cast<std::string*>(ud)->append(static_cast<const char*>(p), size);
  return 0;
}

}  // namespace

bool is_binary(std::string_view data) {
  return !data.empty() && data[0] == LUA_SIGNATURE[0];
}

void seal(std::string& chunk) {
  uint32_t crc = crc32(chunk);
  chunk.append(kMagic);
  for (int i = 0; i < 4; ++i) chunk += static_cast<char>((crc >> (8 * i)) & 0xFFU);
}

bool unseal(std::string_view data, std::string_view& body) {
  if (data.size() < kTrailer) return false;
  std::string_view chunk = data.substr(0, data.size() - kTrailer);
  std::string_view trailer = data.substr(chunk.size());
  if (trailer.substr(0, kMagic.size()) != kMagic) return false;
  uint32_t stored = 0;
  for (size_t i = 0; i < 4; ++i) {
    stored |= static_cast<uint32_t>(static_cast<unsigned char>(trailer[kMagic.size() + i]))
              << (8 * i);
  }
  if (stored != crc32(chunk)) return false;
  body = chunk;
  return true;
}

int dump(lua_State* L, bool strip, std::string& out) {
  out.clear();
  int rc = lua_dump(L, append_writer, &out, strip ? 1 : 0);
  if (rc == 0) seal(out);
  return rc;
}

int load(lua_State* L, std::string_view data, const char* chunkname, const char* mode) {
  bool binary_allowed = mode == nullptr || std::strchr(mode, 'b') != nullptr;
  if (!is_binary(data) || !binary_allowed) {
    // Text, or a binary chunk that mode refuses: Lua's own answer.
    return luaL_loadbufferx(L, data.data(), data.size(), chunkname, mode);
  }
  std::string_view body;
  if (unseal(data, body)) return luaL_loadbufferx(L, body.data(), body.size(), chunkname, mode);
  const std::string& header = host_header();
  if (!header.empty() && data.substr(0, header.size()) != header) {
    // Not this build's header (luac.cross output, another Lua) or shorter
    // than one: Lua's header check says which, reading nothing past it.
    int rc =
        luaL_loadbufferx(L, data.data(), std::min(data.size(), header.size()), chunkname, mode);
    if (rc != LUA_OK) return rc;
    lua_pop(L, 1);  // not reached: a header alone is no function
  }
  lua_pushfstring(L, "%s: corrupted precompiled chunk", display_name(chunkname));
  return LUA_ERRSYNTAX;
}

}  // namespace nmh::bytecode

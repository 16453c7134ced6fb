// The bit module (runtime.md §4.8). The device computes on 32-bit lua_Integer;
// the host has 64-bit integers, so every operand is taken modulo 2^32 and every
// result is returned as a signed 32-bit value, reproducing the device's numbers
// (runtime.md §3.1): bit.bnot(0) = -1, bit.bor(0x80000000, 0) = -2147483648.
#include <cstdint>

#include "lua/lua.hpp"
#include "runtime/modules.hpp"

namespace nmh {

namespace {

// luaL_checkinteger raises Lua's own "number has no integer representation"
// for 1.5, as the 5.3 firmware does (§4.8).
uint32_t check_bits(lua_State* L, int idx) {
  return static_cast<uint32_t>(static_cast<uint64_t>(luaL_checkinteger(L, idx)));
}

// A shift amount or bit position. Negative amounts become huge unsigned ones,
// so they land with the amounts of 32 and more (device: undefined; runtime.md §8.4).
uint64_t check_amount(lua_State* L, int idx) {
  return static_cast<uint64_t>(luaL_checkinteger(L, idx));
}

// Shifts of 32 or more give 0 (a host choice: C leaves them undefined, §8.4).
uint32_t shift_left(uint32_t v, uint64_t n) {
  return n >= 32 ? 0 : v << n;
}
uint32_t shift_right(uint32_t v, uint64_t n) {
  return n >= 32 ? 0 : v >> n;
}
uint32_t mask(uint64_t pos) {
  return shift_left(1, pos);
}

void push_bits(lua_State* L, uint32_t v) {
  lua_pushinteger(L, static_cast<lua_Integer>(static_cast<int32_t>(v)));
}

int bit_bnot(lua_State* L) {
  push_bits(L, ~check_bits(L, 1));
  return 1;
}

template <class Op>
int fold(lua_State* L, Op op) {
  uint32_t r = check_bits(L, 1);
  int n = lua_gettop(L);
  for (int i = 2; i <= n; ++i) r = op(r, check_bits(L, i));
  push_bits(L, r);
  return 1;
}

int bit_band(lua_State* L) {
  return fold(L, [](uint32_t a, uint32_t b) { return a & b; });
}
int bit_bor(lua_State* L) {
  return fold(L, [](uint32_t a, uint32_t b) { return a | b; });
}
int bit_bxor(lua_State* L) {
  return fold(L, [](uint32_t a, uint32_t b) { return a ^ b; });
}

int bit_lshift(lua_State* L) {
  uint32_t v = check_bits(L, 1);
  push_bits(L, shift_left(v, check_amount(L, 2)));
  return 1;
}

int bit_rshift(lua_State* L) {
  uint32_t v = check_bits(L, 1);
  push_bits(L, shift_right(v, check_amount(L, 2)));
  return 1;
}

// Arithmetic shift: the sign bit fills in. By 32 or more the result is 0 like
// the other shifts (runtime.md §4.8 says so for every shift).
int bit_arshift(lua_State* L) {
  auto v = static_cast<int32_t>(check_bits(L, 1));
  uint64_t n = check_amount(L, 2);
  lua_pushinteger(L, n >= 32 ? 0 : static_cast<lua_Integer>(v >> n));
  return 1;
}

int bit_bit(lua_State* L) {
  push_bits(L, mask(check_amount(L, 1)));
  return 1;
}

int bit_set(lua_State* L) {
  uint32_t v = check_bits(L, 1);
  int n = lua_gettop(L);
  for (int i = 2; i <= n; ++i) v |= mask(check_amount(L, i));
  push_bits(L, v);
  return 1;
}

int bit_clear(lua_State* L) {
  uint32_t v = check_bits(L, 1);
  int n = lua_gettop(L);
  for (int i = 2; i <= n; ++i) v &= ~mask(check_amount(L, i));
  push_bits(L, v);
  return 1;
}

int bit_isset(lua_State* L) {
  uint32_t v = check_bits(L, 1);
  lua_pushboolean(L, (v & mask(check_amount(L, 2))) != 0 ? 1 : 0);
  return 1;
}

int bit_isclear(lua_State* L) {
  uint32_t v = check_bits(L, 1);
  lua_pushboolean(L, (v & mask(check_amount(L, 2))) == 0 ? 1 : 0);
  return 1;
}

constexpr luaL_Reg kBit[] = {
    {"bnot", bit_bnot},       {"band", bit_band},     {"bor", bit_bor},
    {"bxor", bit_bxor},       {"lshift", bit_lshift}, {"rshift", bit_rshift},
    {"arshift", bit_arshift}, {"bit", bit_bit},       {"set", bit_set},
    {"clear", bit_clear},     {"isset", bit_isset},   {"isclear", bit_isclear},
    {nullptr, nullptr},
};

}  // namespace

int open_bit(lua_State* L) {
  luaL_newlib(L, kBit);
  return 1;
}

}  // namespace nmh

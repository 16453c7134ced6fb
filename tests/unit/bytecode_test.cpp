// The trailer of binary chunks (runtime.md §3.3).
#include "runtime/bytecode.hpp"

#include <gtest/gtest.h>

#include <string>

namespace nmh::bytecode {
namespace {

std::string dumped(const char* source) {
  lua_State* L = luaL_newstate();
  std::string out;
  EXPECT_EQ(luaL_loadstring(L, source), LUA_OK);
  EXPECT_EQ(dump(L, false, out), 0);
  lua_close(L);
  return out;
}

TEST(BytecodeTest, SealedChunkUnsealsToTheDump) {
  std::string chunk = dumped("return 1 + 2");
  std::string_view body;
  ASSERT_TRUE(unseal(chunk, body));
  EXPECT_EQ(body.size() + 8, chunk.size());
  EXPECT_EQ(chunk.substr(0, body.size()), body);
}

TEST(BytecodeTest, EveryFlippedBitIsCaught) {
  std::string chunk = dumped("local t = {} for i = 1, 3 do t[i] = i * 2 end return t");
  for (size_t i = 0; i < chunk.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string bad = chunk;
      bad[i] = static_cast<char>(bad[i] ^ (1 << bit));
      std::string_view body;
      EXPECT_FALSE(unseal(bad, body)) << "byte " << i << " bit " << bit;
    }
  }
}

TEST(BytecodeTest, CutOrLengthenedChunkIsCaught) {
  std::string chunk = dumped("return 'x'");
  std::string_view body;
  for (size_t n = 0; n < chunk.size(); ++n) EXPECT_FALSE(unseal(chunk.substr(0, n), body)) << n;
  EXPECT_FALSE(unseal(chunk + "x", body));
}

TEST(BytecodeTest, LoadRefusesADamagedChunkWithLuasMessage) {
  std::string chunk = dumped("return 42");
  chunk[chunk.size() / 2] = static_cast<char>(chunk[chunk.size() / 2] ^ 0x40);
  lua_State* L = luaL_newstate();
  EXPECT_EQ(load(L, chunk, "@bad.lc", nullptr), LUA_ERRSYNTAX);
  EXPECT_STREQ(lua_tostring(L, -1), "bad.lc: corrupted precompiled chunk");
  lua_close(L);
}

}  // namespace
}  // namespace nmh::bytecode

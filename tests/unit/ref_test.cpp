// lua::Ref, the owned registry reference (src/lua/ref.hpp), on a plain state
// bound and closed the way Boot binds and closes the runtime's state.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

#include "lua/ref.hpp"

namespace nmh::lua {
namespace {

// A Lua allocator that keeps what Lua frees, overwritten with 0xff, until it
// is destroyed: a use of a closed state then follows garbage pointers and
// crashes in any build (Debian's liblua is not instrumented by the sanitizers).
struct Graveyard {
  std::vector<void*> freed;
  Graveyard() = default;
  Graveyard(const Graveyard&) = delete;
  Graveyard& operator=(const Graveyard&) = delete;
  ~Graveyard() {
    for (void* p : freed) std::free(p);  // NOLINT(cppcoreguidelines-no-malloc)
  }
  static void* alloc(void* ud, void* ptr, size_t osize, size_t nsize) {
    if (nsize != 0) return std::realloc(ptr, nsize);  // NOLINT(cppcoreguidelines-no-malloc)
    if (ptr != nullptr) {
      std::memset(ptr, 0xff, osize);
      static_cast<Graveyard*>(ud)->freed.push_back(ptr);
    }
    return nullptr;
  }
};

class RefTest : public ::testing::Test {
 protected:
  void SetUp() override {
    L = luaL_newstate();
    ASSERT_NE(L, nullptr);
    Ref::bind(L);
  }
  void TearDown() override {
    if (L == nullptr) return;
    lua_close(L);
    Ref::unbind(L);
  }
  // The registry slot the newest Ref took: slots are handed out upwards.
  int newest_slot() const { return static_cast<int>(lua_rawlen(L, LUA_REGISTRYINDEX)); }
  int registry_type(int slot) const { return lua_rawgeti(L, LUA_REGISTRYINDEX, slot); }

  lua_State* L = nullptr;
};

TEST_F(RefTest, PushGivesBackTheReferencedValue) {
  lua_newtable(L);
  Ref ref(L, 1);
  EXPECT_TRUE(ref);
  EXPECT_EQ(lua_gettop(L), 1);  // the stack is left as it was
  ref.push(L);
  EXPECT_TRUE(lua_rawequal(L, 1, -1));
}

TEST_F(RefTest, PopTakesTheTopOfTheStack) {
  lua_pushstring(L, "callback");
  Ref ref = Ref::pop(L);
  EXPECT_EQ(lua_gettop(L), 0);
  ref.push(L);
  EXPECT_STREQ(lua_tostring(L, -1), "callback");
}

TEST_F(RefTest, EmptyRefPushesNil) {
  Ref empty;
  EXPECT_FALSE(empty);
  empty.push(L);
  EXPECT_EQ(lua_type(L, -1), LUA_TNIL);
  lua_pushnil(L);
  Ref of_nil(L, -1);
  EXPECT_FALSE(of_nil);
}

TEST_F(RefTest, ReleasedSlotHoldsFalseNotNil) {
  lua_pushstring(L, "value");
  Ref ref(L, -1);
  int slot = newest_slot();
  ref.reset();
  EXPECT_FALSE(ref);
  EXPECT_EQ(registry_type(slot), LUA_TBOOLEAN);
  EXPECT_FALSE(lua_toboolean(L, -1));
}

TEST_F(RefTest, ReleaseFreesTheSlotForReuse) {
  lua_pushstring(L, "first");
  auto first = std::make_unique<Ref>(L, -1);
  int slot = newest_slot();
  first.reset();
  lua_pushstring(L, "second");
  Ref second(L, -1);
  EXPECT_EQ(newest_slot(), slot);  // no new slot was taken
  lua_rawgeti(L, LUA_REGISTRYINDEX, slot);
  EXPECT_STREQ(lua_tostring(L, -1), "second");
}

TEST_F(RefTest, MoveLeavesTheSourceEmpty) {
  lua_pushstring(L, "value");
  Ref source(L, -1);
  Ref moved(std::move(source));
  EXPECT_FALSE(source);  // NOLINT(bugprone-use-after-move): the state after a move is the point
  EXPECT_TRUE(moved);
  moved.push(L);
  EXPECT_STREQ(lua_tostring(L, -1), "value");

  Ref assigned;
  assigned = std::move(moved);
  EXPECT_FALSE(moved);  // NOLINT(bugprone-use-after-move)
  assigned.push(L);
  EXPECT_STREQ(lua_tostring(L, -1), "value");
}

// Boot closes the state before unbinding it; a Ref that outlives the state
// (held by a C++ object freed later) must then not touch the closed state.
TEST_F(RefTest, UnbindMakesReleaseANoOpForAClosedState) {
  lua_close(L);
  Ref::unbind(L);
  Graveyard graveyard;
  L = lua_newstate(Graveyard::alloc, &graveyard);
  ASSERT_NE(L, nullptr);
  Ref::bind(L);
  lua_pushstring(L, "value");
  Ref outlives(L, -1);
  lua_close(L);
  Ref::unbind(L);
  L = nullptr;
  outlives.reset();  // touching the closed state would crash here
  EXPECT_FALSE(outlives);
}

// Only Ref uses the registry's integer keys: keep() refuses a slot that
// someone else wrote (an assert, so debug and sanitizer builds only).
TEST_F(RefTest, KeepAssertsThatTheSlotItTakesIsFree) {
  int next = newest_slot() + 1;
  lua_pushstring(L, "not Ref's");
  lua_rawseti(L, LUA_REGISTRYINDEX, next);
  lua_pushstring(L, "value");
  EXPECT_DEBUG_DEATH(Ref::keep(L, -1), "slot_is_free");
}

}  // namespace
}  // namespace nmh::lua

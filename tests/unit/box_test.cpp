// Userdata boxes (src/lua/box.hpp): a class made with new_class, boxes made
// with new_box and found again with test_box and check_box, on a plain state
// bound, closed and restarted the way Boot does it.
#include <gtest/gtest.h>

#include <string>

#include "lua/box.hpp"
#include "lua/ref.hpp"

namespace nmh::lua {
namespace {

struct Thing {
  int id = 0;
};
struct Other {};

// Class names are compared by address, like each class's kMetatable.
constexpr char kThing[] = "test.Thing";
constexpr char kOther[] = "test.Other";
constexpr luaL_Reg kNoMethods[] = {{nullptr, nullptr}};

// check(value): check_box on its first argument, as a method checks self.
int check_thing(lua_State* L) {
  Thing* thing = *check_box<Thing>(L, 1, kThing);
  lua_pushinteger(L, thing != nullptr ? thing->id : -1);
  return 1;
}

class BoxTest : public ::testing::Test {
 protected:
  void SetUp() override { start(); }
  void TearDown() override { stop(); }

  // As Boot: a new state bound for Ref, the classes registered into it.
  void start() {
    L = luaL_newstate();
    ASSERT_NE(L, nullptr);
    Ref::bind(L);
    new_class(L, kThing, kNoMethods, nullptr);
    new_class(L, kOther, kNoMethods, nullptr);
    lua_pop(L, 2);
    lua_register(L, "check", check_thing);
  }
  // As Boot's teardown: close, unbind, forget the classes.
  void stop() {
    if (L == nullptr) return;
    lua_close(L);
    Ref::unbind(L);
    forget_classes();
    L = nullptr;
  }

  // Runs `check(value)` under lua_pcall with value the top of the stack;
  // returns the error message without its "chunk:line: " prefix, or "" if
  // it did not raise.
  std::string check_error() {
    lua_setglobal(L, "value");
    if (luaL_loadstring(L, "return check(value)") != LUA_OK) return "load failed";
    if (lua_pcall(L, 0, 1, 0) == LUA_OK) {
      lua_pop(L, 1);
      return "";
    }
    std::string message = lua_tostring(L, -1);
    lua_pop(L, 1);
    const std::string where = "[string \"return check(value)\"]:1: ";
    return message.starts_with(where) ? message.substr(where.size()) : message;
  }

  lua_State* L = nullptr;
};

TEST_F(BoxTest, CheckBoxGivesBackTheObject) {
  Thing thing{7};
  Thing** box = new_box(L, &thing, kThing);
  EXPECT_EQ(check_box<Thing>(L, -1, kThing), box);
  EXPECT_EQ(*check_box<Thing>(L, -1, kThing), &thing);
  EXPECT_EQ(*test_box<Thing>(L, -1, kThing), &thing);
  EXPECT_EQ(check_error(), "");
}

TEST_F(BoxTest, CheckBoxRefusesABoxOfAnotherClassWithTheTypedError) {
  Other other;
  new_box(L, &other, kOther);
  EXPECT_EQ(check_error(), "bad argument #1 to 'check' (test.Thing expected, got userdata)");
}

TEST_F(BoxTest, CheckBoxRefusesANonUserdataWithTheTypedError) {
  lua_newtable(L);
  EXPECT_EQ(check_error(), "bad argument #1 to 'check' (test.Thing expected, got table)");
  lua_pushinteger(L, 1);
  EXPECT_EQ(check_error(), "bad argument #1 to 'check' (test.Thing expected, got number)");
}

TEST_F(BoxTest, TestBoxReturnsNullForAnotherClassOrANonUserdata) {
  Other other;
  new_box(L, &other, kOther);
  EXPECT_EQ(test_box<Thing>(L, -1, kThing), nullptr);
  lua_newtable(L);
  EXPECT_EQ(test_box<Thing>(L, -1, kThing), nullptr);
  lua_pushlightuserdata(L, &other);
  EXPECT_EQ(test_box<Thing>(L, -1, kThing), nullptr);
  lua_newuserdata(L, sizeof(Thing*));  // a userdata without a metatable
  EXPECT_EQ(test_box<Thing>(L, -1, kThing), nullptr);
}

// An object clears its box when it detaches (design.md, object lifetime):
// the box is still of its class, and what it holds is nullptr.
TEST_F(BoxTest, ABoxWhoseObjectWasClearedGivesNull) {
  Thing thing{7};
  Thing** box = new_box(L, &thing, kThing);
  *box = nullptr;
  EXPECT_EQ(*check_box<Thing>(L, -1, kThing), nullptr);
  EXPECT_EQ(*test_box<Thing>(L, -1, kThing), nullptr);
  lua_pushvalue(L, -1);
  EXPECT_EQ(check_error(), "");
}

TEST_F(BoxTest, ARestartForgetsTheOldStatesClasses) {
  stop();
  EXPECT_EQ(find_class(kThing), nullptr);
  EXPECT_EQ(find_class(kOther), nullptr);

  // A new state before its classes are registered: no box matches.
  L = luaL_newstate();
  ASSERT_NE(L, nullptr);
  Ref::bind(L);
  Thing thing{8};
  auto** stray = static_cast<Thing**>(lua_newuserdata(L, sizeof(Thing*)));
  *stray = &thing;
  lua_newtable(L);
  lua_setmetatable(L, -2);
  EXPECT_EQ(test_box<Thing>(L, -1, kThing), nullptr);
  stop();

  // A restart: the classes of the new state work, boxes and errors alike.
  start();
  Thing** box = new_box(L, &thing, kThing);
  EXPECT_EQ(check_box<Thing>(L, -1, kThing), box);
  lua_getmetatable(L, -1);
  luaL_getmetatable(L, kThing);
  EXPECT_TRUE(lua_rawequal(L, -1, -2));  // new_box used the new state's metatable
  lua_pop(L, 2);
  Other other;
  new_box(L, &other, kOther);
  EXPECT_EQ(test_box<Thing>(L, -1, kThing), nullptr);
  EXPECT_EQ(check_error(), "bad argument #1 to 'check' (test.Thing expected, got userdata)");
}

}  // namespace
}  // namespace nmh::lua

# Every test is registered with CTest; `ctest` is the one runner (design.md).

# Debian's python3 carries python3-pytest (scripts/install-deps); a python3
# earlier on PATH (pyenv, a venv) may not, so prefer the system one.
find_program(TEST_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT TEST_PYTHON)
  find_program(TEST_PYTHON python3 REQUIRED)
endif()

# Unit tests: GoogleTest for the C++ pieces that stand alone.
file(GLOB unit_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/tests/unit/*.cpp)
if(unit_sources)
  add_executable(unit_tests ${unit_sources})
  target_link_libraries(unit_tests PRIVATE nodemcu_core GTest::gtest GTest::gtest_main)
  include(GoogleTest)
  gtest_discover_tests(unit_tests DISCOVERY_MODE PRE_TEST PROPERTIES LABELS unit)
endif()

# Behaviour tests: each tests/lua/*.lua is a NodeMCU script whose exit status is
# the verdict (runtime.md §6.1). A first line `-- args: ...` adds options, and
# `-- status: N` / `-- stderr: REGEX` / `-- no-stderr: REGEX` / `-- stdin: TEXT`
# lines and a SCRIPT.stdout file beside it state what else must hold;
# tests/run_lua_test.py checks them.
file(GLOB lua_tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/tests/lua/*.lua)
foreach(script ${lua_tests})
  get_filename_component(name ${script} NAME_WE)
  add_test(NAME lua.${name}
           COMMAND ${TEST_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/tests/run_lua_test.py
                   $<TARGET_FILE:nodemcu-host> ${script})
  set_tests_properties(lua.${name} PROPERTIES TIMEOUT 60 LABELS lua)
endforeach()

# Peer and command-line tests: pytest files, one per peer and scenario.
file(GLOB py_tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/tests/peers/test_*.py)
foreach(test ${py_tests})
  get_filename_component(name ${test} NAME_WE)
  add_test(NAME peers.${name}
           COMMAND ${TEST_PYTHON} -m pytest -q -p no:cacheprovider ${test})
  set_tests_properties(peers.${name} PROPERTIES TIMEOUT 300 LABELS peers
                       ENVIRONMENT "NODEMCU_HOST=$<TARGET_FILE:nodemcu-host>")
endforeach()

# The raise-rule checker (scripts/check-raise, src/lua/error.hpp) on a fixture
# with one forbidden raise and one allowed shape: it must report exactly the
# forbidden one. It reads this build's compile_commands.json for the flags.
add_test(NAME raise_check.reports_only_the_raise_with_a_string_alive
         COMMAND ${TEST_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/tests/raise_check/run.py
                 ${CMAKE_BINARY_DIR})
set_tests_properties(raise_check.reports_only_the_raise_with_a_string_alive
                     PROPERTIES TIMEOUT 120 LABELS style)

# Lua API fuzzer (tests/luafuzz/README.md): a bounded run of fixed seeds, two
# per profile, 8 s each, in both the release and the sanitizer passes. The
# verdict is the exit status plus no sanitizer report.
foreach(run "1;esp8266" "2;esp8266" "3;host" "4;host")
  list(GET run 0 seed)
  list(GET run 1 profile)
  add_test(NAME luafuzz.seed_${seed}_${profile}
           COMMAND $<TARGET_FILE:nodemcu-host> --profile ${profile} --scratch --timeout 60
                   --dns-server 127.0.0.1:1 ${CMAKE_CURRENT_SOURCE_DIR}/tests/luafuzz/fuzz.lua
                   seed=${seed} seconds=8)
  set_tests_properties(luafuzz.seed_${seed}_${profile} PROPERTIES TIMEOUT 90 LABELS luafuzz
                       FAIL_REGULAR_EXPRESSION "Sanitizer|runtime error:|E-INTERNAL")
endforeach()

# Fuzz targets (NODEMCU_FUZZ): each tests/fuzz/NAME_fuzz.cpp is a libFuzzer
# binary NAME_fuzz over the core; scripts/fuzz builds the target fuzz_targets
# and runs each with its seeds from tests/fuzz/corpus/NAME.
if(NODEMCU_FUZZ)
  file(GLOB fuzz_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/tests/fuzz/*_fuzz.cpp)
  add_custom_target(fuzz_targets)
  foreach(source ${fuzz_sources})
    get_filename_component(name ${source} NAME_WE)
    add_executable(${name} ${source})
    target_compile_options(${name} PRIVATE ${warnings})
    target_link_libraries(${name} PRIVATE nodemcu_core)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
    add_dependencies(fuzz_targets ${name})
  endforeach()
endif()

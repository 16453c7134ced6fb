-- args: --scratch
-- runtime.md §4.3: file.list() maps every file beneath the root, '/' between
-- directories, to its size; names starting with '.' are skipped at every level.
local check = require "lib.check"
file.putcontents("top.txt", "12345")
file.putcontents("a/b/deep.txt", "1")
file.putcontents(".hidden", "x")
file.putcontents("a/.secret", "x")
file.putcontents(".dir/inside.txt", "x")
local l = file.list()
check.eq(l["top.txt"], 5, "top.txt")
check.eq(l["a/b/deep.txt"], 1, "a/b/deep.txt")
check.eq(l["lib/check.lua"] ~= nil, true, "the test library")
check.eq(l[".hidden"], nil, ".hidden")
check.eq(l["a/.secret"], nil, "a/.secret")
check.eq(l[".dir/inside.txt"], nil, ".dir/inside.txt")
check.eq(l["a"], nil, "directories are not files")
check.eq(l["a/b"], nil, "nor nested ones")

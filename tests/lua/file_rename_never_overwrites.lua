-- args: --scratch
-- runtime.md §4.3: rename is true, or false if old is missing or new exists
-- (RENAME_NOREPLACE: never overwrites).
local check = require "lib.check"
file.putcontents("testfile", "one")
check.eq(file.rename("testfile", "testfile2"), true, "rename")
check.eq(file.exists("testfile"), false, "old gone")
check.eq(file.getcontents("testfile2"), "one", "new holds the data")
check.eq(file.rename("testfile", "testfile3"), false, "missing old")
check.eq(file.exists("testfile3"), false, "nothing created")
file.putcontents("testfile", "two")
check.eq(file.rename("testfile", "testfile2"), false, "new exists")
check.eq(file.getcontents("testfile"), "two", "old kept")
check.eq(file.getcontents("testfile2"), "one", "new not overwritten")
check.eq(file.rename("testfile", "sub/dir/moved"), true, "into new directories")
check.eq(file.getcontents("sub/dir/moved"), "two", "moved")

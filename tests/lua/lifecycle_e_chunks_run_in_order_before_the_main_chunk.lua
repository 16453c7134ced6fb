-- runtime.md §1.2, §4.9.3: -e chunks are console lines run before the main
-- chunk, in order; "=expr" prints its value.
-- args: -e "x = 40" -e "=x + 2" -e "print('third')"
print("main", x)

-- runtime.md §4.2.1: node.info() prints the deprecation warning, then returns the 8 legacy values.
print(node.info())
print(node.info("legacy"))

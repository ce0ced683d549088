# Without -I, .include opens NAME as written (no "./"); two files named p.s in two directories
# each get their own .debug_line_str copy of the name.
	.include "inc/a/p.s"
	.include "inc/b/p.s"
	hlt

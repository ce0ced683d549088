	.text
	.globl foo_v1
foo_v1:	ret
	.globl foo_v2
foo_v2:	ret
	.symver foo_v1, foo@VERS_1
	.symver foo_v2, foo@@VERS_2
	.symver bar, bar@VERS_1
	.symver baz_impl, baz@@@VERS_3
baz_impl: ret
	.globl qux
qux: ret
	.symver qux, qux@VERS_4, remove
	call bar

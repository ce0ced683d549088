/* Symbols equated to other symbols (5.15's Xen hypercall page in head_64.S and xen-asm.S):
   - `.equ stub_N, page + N*32` then `.type stub_N, @function`: the stub keeps its own type even
     though the page is closed with `.type page, @notype` afterwards (only a bare `a = b` copies);
   - `.set a, b` copies b's type and size as they are at that line, a forward one at the end;
   - `jmp name` with `name = ext_page + 3*32` and ext_page undefined: GNU picks R_X86_64_PLT32
     (it saw an undefined symbol with no addend), addend and all. */
	.pushsection .text
	.balign 64
	.globl stub_page
stub_page:
	.rept 4
	.skip 32, 0xcc
	.endr
	.equ stub_zero, stub_page + 0 * 32
	.type stub_zero, @function; .size stub_zero, 32
	.equ stub_two, stub_page + 2 * 32
	.type stub_two, @function; .size stub_two, 32
	.type stub_page, @notype
	.size stub_page, . - stub_page
	.popsection

	.data
table:
	.quad 1, 2
	.type table, @object
	.size table, 16
	.set table_alias, table
	.set early_alias, table_late
	.set offset_alias, table + 8
	.type table, @notype
table_late:
	.quad 3
	.type table_late, @object
	.size table_late, 8

	.text
ext_iret = ext_page + 3 * 32
	.globl leave_via_page
leave_via_page:
	jmp ext_iret
	call ext_iret
	jmp ext_iret + 4
	call later_iret
later_iret = ext_page + 5 * 32

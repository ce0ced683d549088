# Every data/space/alignment directive, compared byte for byte with GNU as.
	.text
	.byte 1, 2, 0xff, -1, 'a, '\n
	.word 0x1234, -2
	.short 7
	.value 8, 9
	.hword 10
	.2byte 11
	.long 0x12345678, -1, lok - lok
lok:
	.int 5
	.4byte 6
	.quad 0x123456789abcdef0, -3
	.8byte 12
	.octa 0x0102030405060708, -1
	.ascii "abc", "d\te\\f\"g\101\x42"
	.asciz "zero"
	.string "str", ""
	.zero 3
	.skip 2
	.skip 3, 0x41
	.space 2, 0x42
	.fill 3
	.fill 2, 2, 0x1234
	.fill 2, 4, 0x12345678
	.fill 1, 8, -1
	.fill 1, 3, 0xabcdef
	.balign 8
	.balign 8, 0xcc
	.word 1
	.balignw 4, 0x1122
	.long 2
	.balignl 8, 0x11223344
	.p2align 3
	.byte 3
	.p2align 4, 0x55
	.byte 4
	.p2align 4,,3
	.byte 5
	.p2align 4,0xee,15
	.align 4
	.word 6
	.p2alignw 2, 0x7788
	.uleb128 0, 127, 128, 624485
	.sleb128 0, -1, 63, 64, -64, -65, -123456
	.nops 5
	.nops 12
	.nops 20, 4
	.org . + 3
	.org 0x100, 0x99
	.byte 0x77
	.data
	.byte 1
	.align 16
	.long 2
	.p2align 3, 0xab
	.byte 3
	.section .rodata
	.asciz "ro"
	.bss
	.zero 10
	.skip 6

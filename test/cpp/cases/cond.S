// cpp-opts: -DFOO=3 -DBAR -UUNDEF_ME -DUNDEF_ME=1
#if defined(FOO) && FOO == 3 && defined BAR && BAR == 1
	.byte 1
#endif
#ifdef UNDEF_ME
	.byte 0xee
#else
	.byte 2
#endif
#if 1UL << 63 > 0 && -1 < 0 && -1 > 0u && 0x7fffffffffffffff + 0 > 0
	.byte 3
#endif
#if 'a' == 97 && '\n' == 10 && '\377' < 0 && '\x41' == 65
	.byte 4
#endif
#if (2 || 1/0) && !(0 && 1/0) && (1 ? 2 : 1/0) == 2
	.byte 5
#endif
#if 10 / 3 == 3 && -7 / 2 == -3 && -7 % 2 == -1 && (7 >> 1) == 3 && (1 << 4) == 16
	.byte 6
#endif
#if ~0 == -1 && (5 & 3) == 1 && (5 | 3) == 7 && (5 ^ 3) == 6 && !0 == 1
	.byte 7
#endif
#if UNDEFINED_IDENT == 0 && (1, 2) == 2
	.byte 8
#endif
#if 0
	.byte 0xee
#elif 0
	.byte 0xee
#elif FOO > 2
	.byte 9
#else
	.byte 0xee
#endif
#if 0
#error not reached
#bogus directive in skipped block
' unterminated in skipped block
#else
	.byte 10
#endif
#ifndef __ASSEMBLER__
	.byte 0xee
#endif
#if defined(__x86_64__) && defined(__linux__) && !defined(__i386__) && __SIZEOF_LONG__ == 8
	.byte 11
#endif
#if 0x10 == 16 && 010 == 8 && 0b101 == 5 && 100000000000LL > 0
	.byte 12
#endif
#define ZERO 0
#if ZERO
	.byte 0xee
#elif ZERO + 1
	.byte 13
#endif
#if 1
# if 0
	.byte 0xee
# else
	.byte 14
# endif
#endif
	.byte linux, unix

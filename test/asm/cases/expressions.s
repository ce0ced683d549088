# GNU as operator precedence and arithmetic: * / % << >> bind tightest, then | & ^ !, then + -,
# then comparisons (true = -1), then &&, then ||.
	.long 1+2==3, 1|2+4, 2*3+4&5, 1<2, !0, !5, 5!3
	.long 1&&2, 0||3, 1 == 1 && 2, 0 && 1 || 1
	.long 7%3, 7/2, -7/2, -7%3, 1<>2, 3<=3, 4>=5, 6>5, 6<5, 3!=3
	.long 'a, '\n, '\\, 0b101, 017, 0x1F, 0X1f, 0B11, 00
	.quad -1>>60, 1<<63, -8>>1, ~0, -(3), - - 4, +5, ~~7
	.long 1+2<<3, 2<<1+1, 8>>1-1, 3*4%5, 12/4*3, 2-1-1, 2-(1-1), 100/10/5
	.long 1|2&4, 6&3|8, 5^3&1, 1!2, 0!0
	.long 1+1<2+2, 3==3==-1, 1<2<3, 2>1>0, (1<2)==-1
	.long 1 || 0 && 0, (1 || 0) && 0, 0 && 0 || 1
	.long 0x7fffffff+1, 0xffffffff, -0x80000000, 4294967295+1
	.quad 0x8000000000000000, 0xffffffffffffffff, 9223372036854775807, -9223372036854775808
	.quad 123456789*987654321, 0x100000000*0x100000000
	.long 'A+1, '0*2, '\t, '\\, 'z-'a
	.byte 255, -128, 0x80, -1
	.word 65535, -32768
a = 5
b = a * 3 + 1
	.long a, b, a*b, b-a, -a, ~a, a<<2, b%a
c = b - a
	.long c, c+c, c == 11
start:
	.long end - start, end - start - 4, (end - start) * 2, (end - start) / 2
	.long . - start, start - .
	.long (end - start) << 1, end - start == 12, end - start > 3
end:
	.long end - start + 0

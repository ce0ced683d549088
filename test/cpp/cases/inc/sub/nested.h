#define NESTED_VALUE (PT_RAX + 8)
	.byte __LINE__	/* line inside nested.h */
	.ascii __FILE__

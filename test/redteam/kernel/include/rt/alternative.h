#ifndef _RT_ALTERNATIVE_H
#define _RT_ALTERNATIVE_H
#ifdef __ASSEMBLY__

#define ALT_FLAG_NOT		(1 << 0)
#define ALT_NOT(feature)	((ALT_FLAG_NOT << 16) | (feature))
#define ALT_FLAGS_SHIFT		16
#define ALT_DIRECT_CALL(feature) ((1 << 1) << ALT_FLAGS_SHIFT | (feature))

#define X86_FEATURE_ALWAYS	( 3*32+21)
#define X86_FEATURE_XSAVES	( 7*32+ 4)
#define X86_FEATURE_SMAP	( 9*32+20)
#define X86_FEATURE_ERMS	( 9*32+ 9)
#define X86_FEATURE_FSRM	(18*32+ 4)
#define X86_FEATURE_XENPV	( 8*32+16)
#define X86_FEATURE_PTI		( 7*32+11)
#define X86_FEATURE_RETPOLINE	( 7*32+12)

.macro altinstr_entry orig alt ft_flags orig_len alt_len
	.long \orig - .
	.long \alt - .
	.4byte \ft_flags
	.byte \orig_len
	.byte \alt_len
.endm

.macro ALTERNATIVE oldinstr, newinstr, ft_flags
140:
	\oldinstr
141:
	.skip -(((144f-143f)-(141b-140b)) > 0) * ((144f-143f)-(141b-140b)),0x90
142:

	.pushsection .altinstructions,"a"
	altinstr_entry 140b,143f,\ft_flags,142b-140b,144f-143f
	.popsection

	.pushsection .altinstr_replacement,"ax"
143:
	\newinstr
144:
	.popsection
.endm

#define old_len			141b-140b
#define new_len1		144f-143f
#define new_len2		145f-144f
#define alt_max_2(a, b)		((a) ^ (((a) ^ (b)) & -(-((a) < (b)))))

.macro ALTERNATIVE_2 oldinstr, newinstr1, ft_flags1, newinstr2, ft_flags2
140:
	\oldinstr
141:
	.skip -((alt_max_2(new_len1, new_len2) - (old_len)) > 0) * \
		(alt_max_2(new_len1, new_len2) - (old_len)),0x90
142:

	.pushsection .altinstructions,"a"
	altinstr_entry 140b,143f,\ft_flags1,142b-140b,144f-143f
	altinstr_entry 140b,144f,\ft_flags2,142b-140b,145f-144f
	.popsection

	.pushsection .altinstr_replacement,"ax"
143:
	\newinstr1
144:
	\newinstr2
145:
	.popsection
.endm

#endif
#endif

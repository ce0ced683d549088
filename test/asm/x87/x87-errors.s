# x87 spellings GNU as 2.40 rejects or warns about; written for x86lab.
.text
fld
fld %eax
fadd %st(1),%st(2)
fcom %st(1),%st
fistpb (%eax)
fld %st(8)
fxch %st(1),%st(2)
fiadd %st(1)
fildll %st(1)
fcomi %st,%st(1)
fcmovb %st,%st(1)
fst %st(1),%st
fldt %st(1)
fsubp %st(2),%st
fdivrp %st(1),%st
fnstsw %eax
fld1 %st
fbld
ffree
fucompp %st(1)
fld %st(10)
fcmovz %st(1),%st
fisttpb (%eax)
fldenvw (%eax)
fcomi %st(1),%eax
fcomi %st(1),%xmm0
fxch %eax

# x87 spellings GNU as 2.40 accepts (AT&T), assembled in --32 and --64; written for x86lab.
.text
fadds (%ecx)
faddl (%ecx)
fiadds 8(%esp)
fiaddl 8(%esp)
fadd -0x10(%ebp,%esi,4)
fiadd 0x1234
fadd %st(1),%st
fadd %st(7),%st(0)
fadd %st,%st(2)
fadd %st(0),%st(5)
fadd %st(4)
fadd
faddp %st,%st(3)
faddp %st(6)
faddp
faddp %st,%st
fmuls (%ecx)
fmull (%ecx)
fimuls 8(%esp)
fimull 8(%esp)
fmul -0x10(%ebp,%esi,4)
fimul 0x1234
fmul %st(1),%st
fmul %st(7),%st(0)
fmul %st,%st(2)
fmul %st(0),%st(5)
fmul %st(4)
fmul
fmulp %st,%st(3)
fmulp %st(6)
fmulp
fmulp %st,%st
fcoms (%ecx)
fcoml (%ecx)
ficoms 8(%esp)
ficoml 8(%esp)
fcom -0x10(%ebp,%esi,4)
ficom 0x1234
fcom %st(3)
fcom
fcom %st
fcomps (%ecx)
fcompl (%ecx)
ficomps 8(%esp)
ficompl 8(%esp)
fcomp -0x10(%ebp,%esi,4)
ficomp 0x1234
fcomp %st(3)
fcomp
fcomp %st
fsubs (%ecx)
fsubl (%ecx)
fisubs 8(%esp)
fisubl 8(%esp)
fsub -0x10(%ebp,%esi,4)
fisub 0x1234
fsub %st(1),%st
fsub %st(7),%st(0)
fsub %st,%st(2)
fsub %st(0),%st(5)
fsub %st(4)
fsub
fsubp %st,%st(3)
fsubp %st(6)
fsubp
fsubp %st,%st
fsubrs (%ecx)
fsubrl (%ecx)
fisubrs 8(%esp)
fisubrl 8(%esp)
fsubr -0x10(%ebp,%esi,4)
fisubr 0x1234
fsubr %st(1),%st
fsubr %st(7),%st(0)
fsubr %st,%st(2)
fsubr %st(0),%st(5)
fsubr %st(4)
fsubr
fsubrp %st,%st(3)
fsubrp %st(6)
fsubrp
fsubrp %st,%st
fdivs (%ecx)
fdivl (%ecx)
fidivs 8(%esp)
fidivl 8(%esp)
fdiv -0x10(%ebp,%esi,4)
fidiv 0x1234
fdiv %st(1),%st
fdiv %st(7),%st(0)
fdiv %st,%st(2)
fdiv %st(0),%st(5)
fdiv %st(4)
fdiv
fdivp %st,%st(3)
fdivp %st(6)
fdivp
fdivp %st,%st
fdivrs (%ecx)
fdivrl (%ecx)
fidivrs 8(%esp)
fidivrl 8(%esp)
fdivr -0x10(%ebp,%esi,4)
fidivr 0x1234
fdivr %st(1),%st
fdivr %st(7),%st(0)
fdivr %st,%st(2)
fdivr %st(0),%st(5)
fdivr %st(4)
fdivr
fdivrp %st,%st(3)
fdivrp %st(6)
fdivrp
fdivrp %st,%st
faddp %st(2),%st
fmulp %st(5),%st
faddp %st(0),%st
flds (%ecx)
fldl (%ecx)
fldt (%ecx)
fld 8(%esp)
fsts (%ecx)
fstl (%ecx)
fst 8(%esp)
fstps (%ecx)
fstpl (%ecx)
fstpt (%ecx)
fstp 8(%esp)
filds (%ecx)
fildl (%ecx)
fildll (%ecx)
fildq (%ecx)
fild 8(%esp)
fists (%ecx)
fistl (%ecx)
fist 8(%esp)
fistps (%ecx)
fistpl (%ecx)
fistpll (%ecx)
fistpq (%ecx)
fistp 8(%esp)
fisttps (%ecx)
fisttpl (%ecx)
fisttpll (%ecx)
fisttpq (%ecx)
fisttp 8(%esp)
fbld (%ebx)
fbstp 10(%ebx)
fld %st(1)
fld %st
fst %st(7)
fstp %st(1)
fxch
fxch %st(3)
fxch %st
ffree %st(2)
ffreep %st(4)
ffree %st
fucom
fucom %st(2)
fucomp
fucomp %st(5)
fcompp
fucompp
fcomi %st(1),%st
fcomi %st(6)
fcomi
fucomi %st(1),%st
fucomi %st(6)
fucomi
fcomip %st(1),%st
fcomip %st(6)
fcomip
fucomip %st(1),%st
fucomip %st(6)
fucomip
fcompi %st(1),%st
fcompi %st(6)
fcompi
fucompi %st(1),%st
fucompi %st(6)
fucompi
fcmovb %st(2),%st
fcmove %st(2),%st
fcmovbe %st(2),%st
fcmovu %st(2),%st
fcmovnb %st(2),%st
fcmovne %st(2),%st
fcmovnbe %st(2),%st
fcmovnu %st(2),%st
fcmovnae %st(2),%st
fcmovna %st(2),%st
fcmovae %st(2),%st
fcmova %st(2),%st
fnop
fchs
fabs
ftst
fxam
fld1
fldl2t
fldl2e
fldpi
fldlg2
fldln2
fldz
f2xm1
fyl2x
fptan
fpatan
fxtract
fprem1
fdecstp
fincstp
fprem
fyl2xp1
fsqrt
fsincos
frndint
fscale
fsin
fcos
fneni
feni
fndisi
fdisi
fnsetpm
fsetpm
frstpm
fninit
finit
fnclex
fclex
fwait
wait
fldenv (%edx)
fldenvs (%edx)
fldenvl (%edx)
fnstenv (%edx)
fnstenvs (%edx)
fnstenvl (%edx)
fstenv (%edx)
fstenvs (%edx)
fstenvl (%edx)
frstor (%edx)
frstors (%edx)
frstorl (%edx)
fnsave (%edx)
fnsaves (%edx)
fnsavel (%edx)
fsave (%edx)
fsaves (%edx)
fsavel (%edx)
fldcw (%eax)
fnstcw (%eax)
fstcw 2(%eax)
fnstsw (%eax)
fstsw (%eax)
fnstsw %ax
fstsw %ax
fnstsw
fstsw
fldcww (%eax)
fxsave (%eax)
fxrstor (%eax)
fld1
flds %fs:4(%eax)
fldl %es:(%edi)
data16 fld1
fld %st( 2 )
fadd %ST(1),%St

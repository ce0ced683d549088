# Intel-syntax x87 spellings (GNU as 2.40 maps them to the AT&T forms); written for x86lab.
.intel_syntax noprefix
.text
fld st(1)
fld st
fadd st, st(1)
fadd st(1), st
fsub st, st(2)
fsub st(2), st
fsubr st(2), st
fsubp st(2), st
fsubrp st(2), st
fdiv st(3), st
fdivr st(3), st
fdivp st(3), st
fdivrp st(3), st
faddp
fmulp st(2), st
fld dword ptr [eax]
fld qword ptr [eax]
fld tbyte ptr [eax]
fild word ptr [eax]
fild dword ptr [eax]
fild qword ptr [eax]
fst dword ptr [ebx+4]
fstp qword ptr [ebx]
fstp tbyte ptr [eax]
fist word ptr [eax]
fistp qword ptr [eax]
fisttp qword ptr [eax]
fisttp word ptr [eax]
fadd dword ptr [eax]
fadd qword ptr [eax]
fiadd word ptr [eax]
fiadd dword ptr [eax]
fidivr dword ptr [eax]
fcom qword ptr [eax]
fcomp dword ptr [eax]
ficomp word ptr [eax]
fbld tbyte ptr [eax]
fbstp tbyte ptr [eax]
fcomi st, st(3)
fucomip st, st(3)
fcmovb st, st(1)
fcmovnu st, st(7)
fxch st(2)
ffree st(3)
fst st(4)
fstp st(5)
fucom st(1)
fcom st(2)
fnstsw ax
fstsw ax
fld1
fldenv [eax]
fnsave [eax]
fxsave [eax]
fldcw word ptr [eax]

// Measured, not written by hand: `npx vite-node scripts/gen-used-note.ts` assembles sample lines of
// every mnemonic x86lab knows with GNU as 2.40 -mx86-used-note=yes and records the ISA level bits
// (GNU_PROPERTY_X86_ISA_1_USED: 1 baseline, 2 v2, 4 v3, 8 v4) and feature bits
// (GNU_PROPERTY_X86_FEATURE_2_USED, besides x86: 2 x87, 4 MMX, 8 XMM, 64 FXSR, 128 XSAVE, ...)
// it gives, by mnemonic (legacy encoding) or mnemonic/vex, /xop, /evex. Those not listed set nothing.

export interface UsedBits { readonly isa: number; readonly feature: number; readonly mnemonics: string }

export const USED_BITS: Readonly<Record<32 | 64, readonly UsedBits[]>> = {
  32: [
    { isa: 4, feature: 0, mnemonics: 'movbe movbew movbel lzcnt lzcntw lzcntl xrstors xsaves andn/vex andnl/vex bextr/vex bextrl/vex blsr/vex blsrl/vex blsmsk/vex blsmskl/vex blsi/vex blsil/vex bzhi/vex bzhil/vex pdep/vex pdepl/vex pext/vex pextl/vex mulx/vex mulxl/vex rorx/vex rorxl/vex sarx/vex sarxl/vex shlx/vex shlxl/vex shrx/vex shrxl/vex' },
    { isa: 1, feature: 0, mnemonics: 'cmovo cmovow cmovol cmovno cmovnow cmovnol cmovb cmovbw cmovc cmovnae cmovbl cmovae cmovaew cmovnb cmovnc cmovael cmove cmovew cmovz cmovel cmovne cmovnew cmovnz cmovnel cmovbe cmovbew cmovna cmovbel cmova cmovaw cmovnbe cmoval cmovs cmovsw cmovsl cmovns cmovnsw cmovnsl cmovp cmovpw cmovpe cmovpl cmovnp cmovnpw cmovpo cmovnpl cmovl cmovlw cmovnge cmovll cmovge cmovgew cmovnl cmovgel cmovle cmovlew cmovng cmovlel cmovg cmovgw cmovnle cmovgl syscall sysret sysretl cmpxchg8b cmpxchg8bq' },
    { isa: 2, feature: 0, mnemonics: 'popcnt popcntw popcntl monitor mwait crc32l crc32 crc32w crc32b' },
    { isa: 5, feature: 128, mnemonics: 'xgetbv xsetbv xsave xrstor' },
    { isa: 1, feature: 64, mnemonics: 'fxsave fxrstor' },
    { isa: 1, feature: 8, mnemonics: 'ldmxcsr stmxcsr aesencwide128kl aesdecwide128kl aesencwide256kl aesdecwide256kl encodekey128 encodekey256' },
    { isa: 5, feature: 256, mnemonics: 'xsaveopt' },
    { isa: 5, feature: 512, mnemonics: 'xsavec' },
    { isa: 1, feature: 2, mnemonics: 'fwait fninit finit fnclex fclex fldcw fldcww fnstcw fnstcww fnstsw fnstsww fldenv fnstenv frstor fnsave flds fld fldl fldt filds fild fildl fildll fildq fists fist fistl fistps fistp fistpl fistpll fistpq fisttps fisttp fisttpl fisttpll fisttpq fbld fbstp fxch ffree ffreep fadds faddl fiaddl fiadds fadd fiadd faddp fmuls fmull fimull fimuls fmul fimul fmulp fcoms fcoml ficoml ficoms fcom ficom fcomps fcompl ficompl ficomps fcomp ficomp fisubl fisubs fisub fisubrl fisubrs fisubr fdivs fdivl fidivl fidivs fdiv fidiv fdivp fdivrs fdivrl fidivrl fidivrs fdivr fidivr fdivrp fucom fucomp fcompp fucompp fucomi fcomi fucomip fucompi fcomip fcompi fcmovb fcmovnae fcmove fcmovbe fcmovna fcmovu fcmovnb fcmovae fcmovne fcmovnbe fcmova fcmovnu fnop fchs fabs ftst fxam fld1 fldl2t fldl2e fldpi fldlg2 fldln2 fldz f2xm1 fyl2x fptan fpatan fxtract fprem1 fdecstp fincstp fprem fyl2xp1 frndint fcos fneni feni fndisi fdisi fnsetpm frstpm fldenvs fldenvl fnstenvs fnstenvl frstors frstorl fnsaves fnsavel' },
    { isa: 5, feature: 8, mnemonics: 'vldmxcsr/vex vstmxcsr/vex' },
    { isa: 5, feature: 24, mnemonics: 'vzeroall/vex vzeroupper/vex' },
    { isa: 1, feature: 4, mnemonics: 'emms' },
  ],
  64: [
    { isa: 4, feature: 0, mnemonics: 'movbe movbew movbel movbeq lzcnt lzcntw lzcntl lzcntq xrstors xsaves xrstors64 xsaves64 andn/vex andnl/vex andnq/vex bextr/vex bextrl/vex bextrq/vex blsr/vex blsrl/vex blsrq/vex blsmsk/vex blsmskl/vex blsmskq/vex blsi/vex blsil/vex blsiq/vex bzhi/vex bzhil/vex bzhiq/vex pdep/vex pdepl/vex pdepq/vex pext/vex pextl/vex pextq/vex mulx/vex mulxl/vex mulxq/vex rorx/vex rorxl/vex rorxq/vex sarx/vex sarxl/vex sarxq/vex shlx/vex shlxl/vex shlxq/vex shrx/vex shrxl/vex shrxq/vex cmpoxadd/vex cmpnoxadd/vex cmpbxadd/vex cmpcxadd/vex cmpnaexadd/vex cmpnbxadd/vex cmpaexadd/vex cmpncxadd/vex cmpzxadd/vex cmpexadd/vex cmpnzxadd/vex cmpnexadd/vex cmpbexadd/vex cmpnaxadd/vex cmpnbexadd/vex cmpaxadd/vex cmpsxadd/vex cmpnsxadd/vex cmppxadd/vex cmppexadd/vex cmpnpxadd/vex cmppoxadd/vex cmplxadd/vex cmpngexadd/vex cmpnlxadd/vex cmpgexadd/vex cmplexadd/vex cmpngxadd/vex cmpnlexadd/vex cmpgxadd/vex' },
    { isa: 1, feature: 0, mnemonics: 'cmovo cmovow cmovol cmovoq cmovno cmovnow cmovnol cmovnoq cmovb cmovbw cmovc cmovnae cmovbl cmovbq cmovae cmovaew cmovnb cmovnc cmovael cmovaeq cmove cmovew cmovz cmovel cmoveq cmovne cmovnew cmovnz cmovnel cmovneq cmovbe cmovbew cmovna cmovbel cmovbeq cmova cmovaw cmovnbe cmoval cmovaq cmovs cmovsw cmovsl cmovsq cmovns cmovnsw cmovnsl cmovnsq cmovp cmovpw cmovpe cmovpl cmovpq cmovnp cmovnpw cmovpo cmovnpl cmovnpq cmovl cmovlw cmovnge cmovll cmovlq cmovge cmovgew cmovnl cmovgel cmovgeq cmovle cmovlew cmovng cmovlel cmovleq cmovg cmovgw cmovnle cmovgl cmovgq syscall sysret sysretl sysretq cmpxchg8b cmpxchg8bq' },
    { isa: 2, feature: 0, mnemonics: 'lahf sahf popcnt popcntw popcntl popcntq monitor mwait crc32q crc32 crc32l crc32w crc32b' },
    { isa: 5, feature: 128, mnemonics: 'xgetbv xsetbv xsave xrstor xsave64 xsaveq xrstor64 xrstorq' },
    { isa: 1, feature: 64, mnemonics: 'fxsave fxrstor fxsave64 fxsaveq fxrstor64 fxrstorq' },
    { isa: 1, feature: 8, mnemonics: 'ldmxcsr stmxcsr aesencwide128kl aesdecwide128kl aesencwide256kl aesdecwide256kl encodekey128 encodekey256' },
    { isa: 5, feature: 256, mnemonics: 'xsaveopt xsaveopt64 xsaveoptq' },
    { isa: 3, feature: 0, mnemonics: 'cmpxchg16b' },
    { isa: 5, feature: 512, mnemonics: 'xsavec xsavec64' },
    { isa: 1, feature: 2, mnemonics: 'fwait fninit finit fnclex fclex fldcw fldcww fnstcw fnstcww fnstsw fnstsww fldenv fnstenv frstor fnsave flds fld fldl fldt filds fild fildl fildll fildq fists fist fistl fistps fistp fistpl fistpll fistpq fisttps fisttp fisttpl fisttpll fisttpq fbld fbstp fxch ffree ffreep fadds faddl fiaddl fiadds fadd fiadd faddp fmuls fmull fimull fimuls fmul fimul fmulp fcoms fcoml ficoml ficoms fcom ficom fcomps fcompl ficompl ficomps fcomp ficomp fisubl fisubs fisub fisubrl fisubrs fisubr fdivs fdivl fidivl fidivs fdiv fidiv fdivp fdivrs fdivrl fidivrl fidivrs fdivr fidivr fdivrp fucom fucomp fcompp fucompp fucomi fcomi fucomip fucompi fcomip fcompi fcmovb fcmovnae fcmove fcmovbe fcmovna fcmovu fcmovnb fcmovae fcmovne fcmovnbe fcmova fcmovnu fnop fchs fabs ftst fxam fld1 fldl2t fldl2e fldpi fldlg2 fldln2 fldz f2xm1 fyl2x fptan fpatan fxtract fprem1 fdecstp fincstp fprem fyl2xp1 frndint fcos fneni feni fndisi fdisi fnsetpm frstpm fldenvs fldenvl fnstenvs fnstenvl frstors frstorl fnsaves fnsavel' },
    { isa: 5, feature: 8, mnemonics: 'vldmxcsr/vex vstmxcsr/vex' },
    { isa: 5, feature: 24, mnemonics: 'vzeroall/vex vzeroupper/vex' },
    { isa: 1, feature: 1024, mnemonics: 'tilerelease/vex' },
    { isa: 1, feature: 4, mnemonics: 'emms' },
  ],
};

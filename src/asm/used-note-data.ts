// Measured, not written by hand: `npx vite-node scripts/gen-used-note.ts` assembles sample lines of
// every mnemonic x86lab knows with GNU as 2.40 -mx86-used-note=yes and records the ISA level bits
// (GNU_PROPERTY_X86_ISA_1_USED: 1 baseline, 2 v2, 4 v3, 8 v4) and feature bits
// (GNU_PROPERTY_X86_FEATURE_2_USED, besides x86: 2 x87, 4 MMX, 8 XMM, 64 FXSR, 128 XSAVE, ...)
// it gives. Mnemonics not listed set nothing.

export interface UsedBits { readonly isa: number; readonly feature: number; readonly mnemonics: string }

export const USED_BITS: Readonly<Record<32 | 64, readonly UsedBits[]>> = {
  32: [
    { isa: 4, feature: 0, mnemonics: 'movbe movbew movbel lzcnt lzcntw lzcntl xrstors xsaves andn andnl bextr bextrl blsr blsrl blsmsk blsmskl blsi blsil bzhi bzhil pdep pdepl pext pextl mulx mulxl rorx rorxl sarx sarxl shlx shlxl shrx shrxl' },
    { isa: 1, feature: 0, mnemonics: 'cmovo cmovow cmovol cmovno cmovnow cmovnol cmovb cmovbw cmovc cmovnae cmovbl cmovae cmovaew cmovnb cmovnc cmovael cmove cmovew cmovz cmovel cmovne cmovnew cmovnz cmovnel cmovbe cmovbew cmovna cmovbel cmova cmovaw cmovnbe cmoval cmovs cmovsw cmovsl cmovns cmovnsw cmovnsl cmovp cmovpw cmovpe cmovpl cmovnp cmovnpw cmovpo cmovnpl cmovl cmovlw cmovnge cmovll cmovge cmovgew cmovnl cmovgel cmovle cmovlew cmovng cmovlel cmovg cmovgw cmovnle cmovgl syscall sysret sysretl cmpxchg8b cmpxchg8bq' },
    { isa: 2, feature: 0, mnemonics: 'popcnt popcntw popcntl monitor mwait' },
    { isa: 5, feature: 128, mnemonics: 'xgetbv xsetbv xsave xrstor' },
    { isa: 1, feature: 64, mnemonics: 'fxsave fxrstor' },
    { isa: 1, feature: 8, mnemonics: 'ldmxcsr stmxcsr' },
    { isa: 5, feature: 256, mnemonics: 'xsaveopt' },
    { isa: 5, feature: 512, mnemonics: 'xsavec' },
    { isa: 1, feature: 2, mnemonics: 'fwait fninit finit fnclex fclex fldcw fldcww fnstcw fnstcww fnstsw fnstsww fldenv fnstenv frstor fnsave' },
  ],
  64: [
    { isa: 4, feature: 0, mnemonics: 'movbe movbew movbel movbeq lzcnt lzcntw lzcntl lzcntq xrstors xsaves xrstors64 xsaves64 andn andnl andnq bextr bextrl bextrq blsr blsrl blsrq blsmsk blsmskl blsmskq blsi blsil blsiq bzhi bzhil bzhiq pdep pdepl pdepq pext pextl pextq mulx mulxl mulxq rorx rorxl rorxq sarx sarxl sarxq shlx shlxl shlxq shrx shrxl shrxq' },
    { isa: 1, feature: 0, mnemonics: 'cmovo cmovow cmovol cmovoq cmovno cmovnow cmovnol cmovnoq cmovb cmovbw cmovc cmovnae cmovbl cmovbq cmovae cmovaew cmovnb cmovnc cmovael cmovaeq cmove cmovew cmovz cmovel cmoveq cmovne cmovnew cmovnz cmovnel cmovneq cmovbe cmovbew cmovna cmovbel cmovbeq cmova cmovaw cmovnbe cmoval cmovaq cmovs cmovsw cmovsl cmovsq cmovns cmovnsw cmovnsl cmovnsq cmovp cmovpw cmovpe cmovpl cmovpq cmovnp cmovnpw cmovpo cmovnpl cmovnpq cmovl cmovlw cmovnge cmovll cmovlq cmovge cmovgew cmovnl cmovgel cmovgeq cmovle cmovlew cmovng cmovlel cmovleq cmovg cmovgw cmovnle cmovgl cmovgq syscall sysret sysretl sysretq cmpxchg8b cmpxchg8bq' },
    { isa: 2, feature: 0, mnemonics: 'lahf sahf popcnt popcntw popcntl popcntq monitor mwait' },
    { isa: 5, feature: 128, mnemonics: 'xgetbv xsetbv xsave xrstor xsave64 xsaveq xrstor64 xrstorq' },
    { isa: 1, feature: 64, mnemonics: 'fxsave fxrstor fxsave64 fxsaveq fxrstor64 fxrstorq' },
    { isa: 1, feature: 8, mnemonics: 'ldmxcsr stmxcsr' },
    { isa: 5, feature: 256, mnemonics: 'xsaveopt xsaveopt64 xsaveoptq' },
    { isa: 3, feature: 0, mnemonics: 'cmpxchg16b' },
    { isa: 5, feature: 512, mnemonics: 'xsavec xsavec64' },
    { isa: 1, feature: 2, mnemonics: 'fwait fninit finit fnclex fclex fldcw fldcww fnstcw fnstcww fnstsw fnstsww fldenv fnstenv frstor fnsave' },
  ],
};

// Data derived from GNU objdump 2.40 by scripts/dis-lengths.mjs (regenerate there; do not edit).
// For opcodes outside the ISA table only: per map and mandatory-prefix context (none, 66, F3, F2),
// 256 codes, one per opcode byte:
//   '.' undefined   'm' ModRM   'i' ModRM + imm8   'n' no ModRM   'j' no ModRM + imm8
//   'M'/'I' ModRM, memory forms only   '1'/'2' ModRM, register forms only (1: no imm, 2: imm8)
export const FOREIGN: readonly (readonly string[])[] = [
  // one-byte
  [
    'mmmmj...mmmmj...mmmmj...mmmmj...mmmmj...mmmmj...mmmmj...mmmmj...................nnnnnnnnnnnnnnnn...m......jinnnnjjjjjjjjjjjjjjjji..immmmmmmmmMmmnnnnnnnnnn.nnnnn....nnnnj.nnnnnnjjjjjjjj........ii.n..i..n.nnj.nmmmm...nmmmmmmmmjjjjjjjj...jnnnn.n..nni.nnnnnnmm',
    'mmmmj...mmmmj...mmmmj...mmmmj...mmmmj...mmmmj...mmmmj...mmmmj...................nnnnnnnnnnnnnnnn...m......jinnnnjjjjjjjjjjjjjjjji..immmmmmmmmMmmnnnnnnnnnn.nnnnn....nnnnj.nnnnnnjjjjjjjj........ii.n..i..n.nnj.nmmmm...nmmmmmmmmjjjjjjjj...jnnnn.n..nni.nnnnnnmm',
    'mmmmj...mmmmj...mmmmj...mmmmj...mmmmj...mmmmj...mmmmj...mmmmj...................nnnnnnnnnnnnnnnn...m......jinnnnjjjjjjjjjjjjjjjji..immmmmmmmmMmmnnnnnnnnnn.nnnnn....nnnnj.nnnnnnjjjjjjjj........ii.n..i..n.nnj.nmmmm...nmmmmmmmmjjjjjjjj...jnnnn.n..nni.nnnnnnmm',
    'mmmmj...mmmmj...mmmmj...mmmmj...mmmmj...mmmmj...mmmmj...mmmmj...................nnnnnnnnnnnnnnnn...m......jinnnnjjjjjjjjjjjjjjjji..immmmmmmmmMmmnnnnnnnnnn.nnnnn....nnnnj.nnnnnnjjjjjjjj........ii.n..i..n.nnj.nmmmm...nmmmmmmmmjjjjjjjj...jnnnn.n..nni.nnnnnnmm',
  ],
  // 0F
  [
    'mmmm.nnnnn.n.Mn.mmmMmmmMmm11mmmmjjjj....mmmMmmmmnnnnnn.n........mmmmmmmmmmmmmmmm1mmmmmmmmmmmmmmmmmmmmmmmmmmm..mmi222mmmnmm....mm................mmmmmmmmmmmmmmmmnnnmim11nnnmimmmmmMmMMmm.mimmmmmmmiMi2imnnnnnnnn.mmmmm.1mmmmmmmmmmmmmm.Mmmmmmmmm.mmmmmm1mmmmmmmm',
    'mmmm.nnnn..n.Mn.mmMMmmMMmmmmmmmmjjjj....mmmMmmmmnnnnnn.n........mmmmmmmmmmmmmmmm1m..mmmmmmmmmmmmmmmmmmmmmmmmmmmmi222mmm..1..mmmm................mmmmmmmmmmmmmmmmnnnmim11nnnmimmmmmMmMMmm.mimmmmmmmi.i2imnnnnnnnnmmmmmmm1mmmmmmmmmmmmmmmMmmmmmmmm.mmmmmm1mmmmmmmm',
    'mmmm.nnnnn.n.Mn.mmm...m.mmm1mmmmjjjj......mMmm..nnnnnn.n........mmmmmmmmmmmmmmmm.mmm....mmmmmmmm...............mi.............mm................mmmmmmmmmmmmmmmmnnnmim11nnnmimmmmmMmMMmmmmimmmmmmmi....mnnnnnnnn......11..............m........................m',
    'mmmm.nnnn..n.Mn.mmm.....mmmmmmmmjjjj......mMmm..nnnnnn.n........mmmmmmmmmmmmmmmm.m......mmm.mmmm................i........1..mm..................mmmmmmmmmmmmmmmmnnnmim11nnnmimmmmmMmMMmm.mim..mmmmi....Mnnnnnnnnm.....11..............m.........M..............m',
  ],
  // 0F 38
  [
    'mmmmmmmmmmmm................mmm.........................................................................................................................................................................mmmmmm..................................MM....M..M..M...',
    'mmmmmmmmmmmm....m...mm.m....mmm.mmmmmm..mmMm....mmmmmm.mmmmmmmmmmm..............................................................MMM............................................................................m...........mmmmm................MM...Mm.M...M...',
    '........................................................................................................................................................................................................................M...mMMM......................m.M.11M...',
    '................................................................................................................................................................................................................................................mm......M...M...',
  ],
  // 0F 3A
  [
    '...............i............................................................................................................................................................................................i...................................................',
    '........iiiiiiii....iiii........iii.............................iii.i...........................iiii..........................................................................................................ii...............i................................',
    '................................................................................................................................................................................................................................................2...............',
    '................................................................................................................................................................................................................................................................',
  ],
];

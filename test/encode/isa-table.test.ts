// The ISA table itself: frozen, complete records; decode-slot validation really rejects clashes.
import { describe, expect, it } from 'vitest';
import { FORMS, BY_MNEMONIC, validateTable, formById } from '../../src/isa/index.js';
import type { Form } from '../../src/isa/types.js';

describe('ISA table', () => {
  it('is frozen and indexed by form id', () => {
    expect(Object.isFrozen(FORMS)).toBe(true);
    expect(Object.isFrozen(FORMS[0])).toBe(true);
    FORMS.forEach((f, i) => expect(f.index).toBe(i));
    expect(new Set(FORMS.map((f) => f.id)).size).toBe(FORMS.length);
  });
  it('every row has a semantic group, flags, a control-flow class and valid modes', () => {
    for (const f of FORMS) {
      expect(f.sem, f.id).toMatch(/\S/);
      expect(f.flags, f.id).toBeDefined();
      expect(f.modes.length, f.id).toBeGreaterThan(0);
      expect(f.opcode.length, f.id).toBeGreaterThan(0);
      if (f.relaxTo) expect(formById(f.relaxTo).relaxTo).toBe(f.id);
    }
  });
  it('covers the families issue 2 lists', () => {
    for (const m of ['mov', 'movabs', 'movzb', 'movsx', 'movsxd', 'xchg', 'cmpxchg', 'cmpxchg8b', 'cmpxchg16b', 'xadd', 'bswap', 'movbe', 'lea',
      'push', 'pop', 'pusha', 'popa', 'add', 'or', 'adc', 'sbb', 'and', 'sub', 'xor', 'cmp', 'test', 'inc', 'dec', 'neg', 'not', 'mul', 'imul',
      'div', 'idiv', 'rol', 'ror', 'rcl', 'rcr', 'shl', 'sal', 'shr', 'sar', 'shld', 'shrd', 'bt', 'bts', 'btr', 'btc', 'bsf', 'bsr', 'popcnt',
      'lzcnt', 'tzcnt', 'sete', 'cmovne', 'jg', 'jmp', 'call', 'loop', 'jcxz', 'jecxz', 'jrcxz', 'ret', 'lret', 'enter', 'leave', 'cbw', 'cwde',
      'cdqe', 'cwd', 'cdq', 'cqo', 'movs', 'cmps', 'stos', 'lods', 'scas', 'ins', 'outs', 'clc', 'stc', 'cmc', 'cld', 'std', 'cli', 'sti',
      'lahf', 'sahf', 'pushf', 'popf', 'int3', 'int', 'into', 'iret', 'iretq', 'hlt', 'nop', 'pause', 'ud2', 'cpuid', 'rdtsc', 'rdtscp',
      'rdmsr', 'wrmsr', 'rdpmc', 'swapgs', 'syscall', 'sysret', 'sysenter', 'sysexit', 'lgdt', 'lidt', 'sgdt', 'sidt', 'lldt', 'ltr', 'sldt',
      'str', 'lmsw', 'smsw', 'invlpg', 'wbinvd', 'invd', 'clts', 'lfence', 'mfence', 'sfence', 'clflush', 'in', 'out', 'xlat', 'lsl', 'lar',
      'verr', 'verw', 'rdfsbase', 'rdgsbase', 'wrfsbase', 'wrgsbase', 'stac', 'clac', 'xsave', 'xrstor', 'xsaveopt', 'xsavec', 'xsaves',
      'xrstors', 'fxsave', 'fxrstor', 'ljmp', 'lcall']) {
      expect(BY_MNEMONIC.has(m), m).toBe(true);
    }
  });
  it('validation fails loudly when two rows claim the same decode slot', () => {
    const clash = { ...FORMS.find((f) => f.id === 'add_rm_r')!, id: 'add_clash', index: FORMS.length } as Form;
    expect(() => validateTable([...FORMS, clash])).toThrow(/same decode slot[\s\S]*add_clash/);
    expect(() => validateTable(FORMS)).not.toThrow();
  });
});

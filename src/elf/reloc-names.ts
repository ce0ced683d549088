// Relocation type names by number (System V x86-64 psABI table 4.9, i386 psABI table 4.8),
// as readelf and objdump print them.

const X86_64 = ['NONE', '64', 'PC32', 'GOT32', 'PLT32', 'COPY', 'GLOB_DAT', 'JUMP_SLOT', 'RELATIVE', 'GOTPCREL', '32', '32S', '16', 'PC16', '8', 'PC8',
  'DTPMOD64', 'DTPOFF64', 'TPOFF64', 'TLSGD', 'TLSLD', 'DTPOFF32', 'GOTTPOFF', 'TPOFF32', 'PC64', 'GOTOFF64', 'GOTPC32', 'GOT64', 'GOTPCREL64',
  'GOTPC64', 'GOTPLT64', 'PLTOFF64', 'SIZE32', 'SIZE64', 'GOTPC32_TLSDESC', 'TLSDESC_CALL', 'TLSDESC', 'IRELATIVE', 'RELATIVE64', '', '',
  'GOTPCRELX', 'REX_GOTPCRELX'];

const I386 = ['NONE', '32', 'PC32', 'GOT32', 'PLT32', 'COPY', 'GLOB_DAT', 'JUMP_SLOT', 'RELATIVE', 'GOTOFF', 'GOTPC', '32PLT', '', '', 'TLS_TPOFF',
  'TLS_IE', 'TLS_GOTIE', 'TLS_LE', 'TLS_GD', 'TLS_LDM', '16', 'PC16', '8', 'PC8', 'TLS_GD_32', 'TLS_GD_PUSH', 'TLS_GD_CALL', 'TLS_GD_POP',
  'TLS_LDM_32', 'TLS_LDM_PUSH', 'TLS_LDM_CALL', 'TLS_LDM_POP', 'TLS_LDO_32', 'TLS_IE_32', 'TLS_LE_32', 'TLS_DTPMOD32', 'TLS_DTPOFF32',
  'TLS_TPOFF32', 'SIZE32', 'TLS_GOTDESC', 'TLS_DESC_CALL', 'TLS_DESC', 'IRELATIVE', 'GOT32X'];

/** The name of relocation `type` for the machine (x86-64 for mode 64, i386 for 32); undefined if unknown. */
export function relocTypeName(type: number, mode: 32 | 64): string | undefined {
  const n = (mode === 64 ? X86_64 : I386)[type];
  return n ? `${mode === 64 ? 'R_X86_64_' : 'R_386_'}${n}` : undefined;
}

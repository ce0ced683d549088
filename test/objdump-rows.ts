import { spawnSync } from 'node:child_process';

/** objdump -dw of an object in AT&T and in Intel syntax: [address, hex, AT&T, Intel] per instruction. */
export function objdumpRows(obj: string): [string, string, string, string][] {
  const dump = (syntax: string): Map<number, [string, string]> => {
    const out = new Map<number, [string, string]>();
    const text = spawnSync('objdump', ['-dw', '-M', syntax, obj], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
    for (const line of text.split('\n')) {
      const m = /^\s*([0-9a-f]+):\t([0-9a-f ]+?)\s*\t(.*)$/.exec(line);
      if (m) out.set(parseInt(m[1], 16), [m[2].replace(/ /g, ''), m[3].trimEnd()]);
    }
    return out;
  };
  const att = dump('att');
  const intel = dump('intel');
  return [...att].map(([a, [hex, t]]) => [a.toString(16), hex, t, intel.get(a)?.[1] ?? '']);
}

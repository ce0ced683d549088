// The vendor of the machine x86lab runs on, for `--cpu host`: /proc/cpuinfo's vendor_id on Linux,
// else the CPU model string node reports. Undefined when neither names Intel or AMD (a browser
// has no such question to ask: the library default, profiles.ts's DEFAULT_PROFILE, applies).

import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { profileNamed, type CpuProfile, type Vendor } from '../cpu/profiles.js';

export function hostVendor(): Vendor | undefined {
  if (process.arch !== 'x64' && process.arch !== 'ia32') return undefined;
  try {
    const m = /^vendor_id\s*:\s*(\S+)/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m?.[1] === 'GenuineIntel') return 'intel';
    if (m?.[1] === 'AuthenticAMD') return 'amd';
  } catch { /* not Linux: fall back to the model string */ }
  const model = cpus()[0]?.model ?? '';
  if (/intel/i.test(model)) return 'intel';
  if (/\bamd\b/i.test(model)) return 'amd';
  return undefined;
}

/**
 * The profile a `--cpu` value names: `intel`, `amd`, or `host` (this machine's vendor; an unknown
 * host gets the library default). Returns an error message for anything else.
 */
export function profileFromOption(v: string): CpuProfile | string {
  if (v === 'host') return profileNamed(hostVendor() ?? 'intel')!;
  return profileNamed(v) ?? `--cpu: expected intel, amd or host, got '${v}'`;
}

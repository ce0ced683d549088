// Types for vectors-lib.mjs (plain ESM so the generator runs under node without a build).
export interface Page { addr: string; perm: number; seed?: number; spans?: [number, string][] }
export interface Rec {
  fam: string; asm: string; mode: 32 | 64; pages: Page[]; regs: Record<string, string>;
  exp: { stop: string; vector?: number; error_code?: number | null; cr2?: string; regs: Record<string, string>; pages: [number, string][][] };
}
export interface Expected { stop: string; regs: Record<string, string>; memory: { addr: string; hex: string; perm: string }[]; vector?: number; error_code?: number | null; cr2?: string }
export function toSpans(hex: string): [number, string][];
export function fromSpans(spans: [number, string][]): string;
export function fillData(seed: number): Uint8Array;
export function diffSpans(a: string, b: string): [number, string][];
export function expand(r: Rec): [Record<string, unknown>, Expected];
export function compare(out: Record<string, unknown>, exp: Expected): string[];

#!/usr/bin/env node
// Full differential run of x86lab's disassembler against GNU objdump -d over whole binaries
// (the vitest suite samples windows; this goes through every executable section).
// Usage: node scripts/dis-diff.mjs [ELF...]   (default: libc, node, valgrind's 32-bit memcheck)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let files = process.argv.slice(2);
if (!files.length) files = ['/lib/x86_64-linux-gnu/libc.so.6', '/usr/bin/node', '/usr/libexec/valgrind/memcheck-x86-linux'].filter(existsSync);
const r = spawnSync(join(root, 'node_modules', '.bin', 'vite-node'), [join(root, 'scripts', 'dis-diff-main.ts'), ...files], { stdio: 'inherit', cwd: root });
process.exitCode = r.status ?? 1;

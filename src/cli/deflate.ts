// The zlib stream GNU as writes into compressed debug sections. pako is a port of the reference
// zlib whose deflate makes the same choices; node's own zlib (Chromium's fork) finds other
// matches and gives other bytes (measured on GNU as 2.40's .debug_line), so it cannot be used.

import type { DebugCompression, DebugCompressor } from '../output/compress-debug.js';

export async function debugCompressor(how: DebugCompression): Promise<DebugCompressor> {
  const { deflate } = await import('pako');
  // zlib's compress(): level 6 (Z_DEFAULT_COMPRESSION), 32 KiB window, memLevel 8, default strategy.
  return { how, deflate: (data) => deflate(data, { level: 6 }) };
}

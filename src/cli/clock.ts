// The clock the command line gives the preprocessor: like gcc, SOURCE_DATE_EPOCH (seconds since
// the epoch) fixes __DATE__/__TIME__ and shows them in UTC; without it, the local time now.

import type { CppClock } from '../asm/cpp/index.js';

export function hostClock(env: NodeJS.ProcessEnv = process.env): CppClock {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return { now: new Date(Number(epoch) * 1000), utc: true };
  return { now: new Date(), utc: false };
}

// Whole sweep of test/cpp/sysheaders.ts over the usual system header folders; prints counts and
// the headers whose preprocessed output differs from gcc -E. Run: npm run test:cpp-sysheaders
import { headersIn, sweep } from '../test/cpp/sysheaders.js';

const multi = '/usr/include/x86_64-linux-gnu';
const headers = [
  ...headersIn('/usr/include', ''),
  ...headersIn('/usr/include/linux', 'linux'),
  ...headersIn(`${multi}/asm`, 'asm'),
  ...headersIn(`${multi}/bits`, 'bits'),
  ...headersIn(`${multi}/sys`, 'sys'),
  ...headersIn('/usr/include/asm-generic', 'asm-generic'),
  ...headersIn('/usr/include/netinet', 'netinet'),
];
const r = sweep(headers);
console.log(`same ${r.same.length}, differ ${r.differ.length}, skipped (gcc fails in asm mode) ${r.skipped.length}`);
for (const h of r.differ) console.log(`differs: ${h}`);
process.exitCode = r.differ.length ? 1 : 0;

// Adds up a callgrind profile of node (--dump-instr=yes --compress-pos=no
// --compress-strings=no) per function of the wasm, naming machine code by
// node's --perf-basic-prof map. Prints the self cost of each wasm function
// per parse, largest first. Used by benches/wasm-profile.sh.
//   node benches/js/wasm-profile.mjs CALLGRIND_OUT PERF_MAP N [TOP]
import { readFileSync } from 'node:fs';

const [out, map, n, top = '40'] = process.argv.slice(2);
if (!out || !map || !n) {
  console.error('usage: node benches/js/wasm-profile.mjs CALLGRIND_OUT PERF_MAP N [TOP]');
  process.exit(2);
}
// Code ranges: "start size name" in hexadecimal; wasm functions end in
// "-<index>-turbofan" (or -liftoff).
const ranges = readFileSync(map, 'utf8').split('\n').filter(Boolean).map((line) => {
  const [start, size, ...name] = line.split(' ');
  return { start: BigInt(`0x${start}`), end: BigInt(`0x${start}`) + BigInt(`0x${size}`), name: name.join(' ') };
}).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
const starts = ranges.map((r) => r.start);
function nameOf(addr) {
  let lo = 0;
  let hi = starts.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= addr) { at = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return at >= 0 && addr < ranges[at].end ? ranges[at].name : null;
}
// Rust's symbol hashes and crate disambiguators only make names long.
const tidy = (name) => name.replace(/^JS:/, '').replace(/::h[0-9a-f]{16}/g, '').replace(/\[[0-9a-f]{16}\]/g, '').replace(/-\d+-(turbofan|liftoff)$/, '');
const wasm = (name) => /-\d+-(turbofan|liftoff)$/.test(name);

const self = new Map();
let total = 0n;
let skipNext = false;
// A cost line is "0xADDRESS LINE COST"; the line after "calls=" is the
// inclusive cost of a call, not self cost.
for (const line of readFileSync(out, 'utf8').split('\n')) {
  if (line.startsWith('calls=')) { skipNext = true; continue; }
  if (!line.startsWith('0x')) continue;
  if (skipNext) { skipNext = false; continue; }
  const parts = line.split(' ');
  if (parts.length < 3) continue;
  const cost = BigInt(parts[parts.length - 1]);
  total += cost;
  const name = nameOf(BigInt(parts[0]));
  if (name && wasm(name)) self.set(name, (self.get(name) ?? 0n) + cost);
}
const per = (c) => Number(c) / Number(n);
const rows = [...self].sort((a, b) => (b[1] > a[1] ? 1 : -1));
const inWasm = rows.reduce((s, [, c]) => s + c, 0n);
if (inWasm === 0n) {
  console.error('no wasm function named in the perf map: did node stop writing them?');
  process.exit(1);
}
console.log(`wasm functions: ${Math.round(per(inWasm))} instructions per parse (all of node: ${Math.round(per(total))}, start-up and compiling included)`);
for (const [name, c] of rows.slice(0, Number(top))) {
  console.log(`${String(Math.round(per(c))).padStart(9)} ${(100 * Number(c) / Number(inWasm)).toFixed(1).padStart(5)} %  ${tidy(name)}`);
}

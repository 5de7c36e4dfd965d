// Size profile of the widget's wasm (`make size-profile`): code and data bytes per crate (and
// per module of this project's crates), then the largest functions. Reads the cargo output
// before wasm-bindgen and wasm-opt, which still has its name section, through twiggy
// (`cargo install twiggy`); shares are of the code and data items, custom sections excluded,
// so they approximate the shares of the shipped (optimised) module.
//
//   node scripts/size-profile.mjs [path/to/policy-lens-widget.wasm] [top N]
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const target = process.env.CARGO_TARGET_DIR || path.resolve(import.meta.dirname, '..', 'target');
const wasm = process.argv[2] || path.join(target, 'wasm32-unknown-unknown', 'release', 'policy-lens-widget.wasm');
const TOP = Number(process.argv[3] || 20);

const csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', wasm], { encoding: 'utf8', maxBuffer: 1 << 28 });
const items = csv.trim().split('\n').slice(1).map((line) => {
  const m = line.match(/^(".*"|[^,]*),(\d+),/);
  return { name: m[1].replace(/^"|"$/g, '').replace(/""/g, '"'), bytes: Number(m[2]) };
}).filter((i) => !/custom section|subsection|^Σ|__wbindgen_describe|^(export|import|type|elem)\b/.test(i.name));
// (wasm-bindgen removes its describe functions, and the export, import and type entries are
// bookkeeping, not code.)

/// The group an item belongs to: for `<T as Trait>::f` the crate of T (the code is T's), else
/// the leading path; this project's crates are split per module.
function group(name) {
  if (name.startsWith('data segment')) return 'data segments (strings, tables)';
  const n = name.replace(/\[[0-9a-f]+\]/g, '');
  const impl = n.match(/^<+(?:impl )?(?:&(?:mut )?)?(?:dyn )?([A-Za-z_][\w]*(?:::[A-Za-z_]\w*)*)/);
  const p = impl ? impl[1] : (n.match(/^([A-Za-z_]\w*(?:::[A-Za-z_]\w*)*)/) || [, n])[1];
  const seg = p.split('::');
  if (seg[0] === 'policy_lens_core' || seg[0] === 'policy_lens') {
    const sub = seg[1] === '_' || !seg[1] ? '' : `::${seg[1]}`;
    const deeper = seg[1] === 'diff' && seg[2] && /^[a-z]/.test(seg[2]) ? `::${seg[2]}` : '';
    return seg[0] + sub + deeper;
  }
  if (['core', 'alloc', 'std'].includes(seg[0])) return seg[1] === 'fmt' ? `${seg[0]}::fmt` : seg[0];
  return seg[0];
}

const total = items.reduce((a, i) => a + i.bytes, 0);
const groups = new Map();
for (const i of items) groups.set(group(i.name), (groups.get(group(i.name)) || 0) + i.bytes);
const pct = (n) => `${((100 * n) / total).toFixed(1)}%`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${path.relative(process.cwd(), wasm)}: ${kb(total)} of code and data (before wasm-opt)\n`);
console.log('| Crate or module | Bytes | Share |\n|---|---|---|');
for (const [g, n] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`| ${g} | ${kb(n)} | ${pct(n)} |`);
const lazy = [...groups].filter(([g]) => /^policy_lens_core::diff|^similar$|^policy_lens::changes(::|$)/.test(g)).reduce((a, [, n]) => a + n, 0);
if (/policy-lens-widget/.test(wasm)) console.log(`\nThe diff engine, \`similar\` and the changes view left in the first module (they belong in the changes module): ${kb(lazy)}, ${pct(lazy)}.`);
// Generic library code that is costly per type and that the first module avoids on purpose:
// std's sorts (driftsort, ipnsort), B-tree maps and the two-way string searcher. Each use with a
// new type adds kilobytes; the first module uses policy_lens_core::small and plain scans.
const heavy = items.filter((i) => /core::slice::sort::|alloc::collections::btree::|TwoWaySearcher|indexmap::/.test(i.name));
if (/policy-lens-widget/.test(wasm)) {
  const n = heavy.reduce((a, i) => a + i.bytes, 0);
  console.log(`Sorts, B-trees, the two-way searcher and index maps in the first module (yew keeps a B-tree map and an index map of its own): ${kb(n)}, ${pct(n)}.`);
}
console.log('\n| Function | Bytes |\n|---|---|');
for (const i of items.filter((i) => !i.name.startsWith('data segment')).sort((a, b) => b.bytes - a.bytes).slice(0, TOP)) {
  console.log(`| \`${i.name.replace(/::h[0-9a-f]{16}$/, '').replace(/\|/g, '\\|').slice(0, 110)}\` | ${kb(i.bytes)} |`);
}

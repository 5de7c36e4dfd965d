// Writes the bundled index (policies/index.json) into the built embed.js, in place of its
// `/*policy-lens:index*/null` marker, so that the loader knows every bundled policy's latest
// version without a request. Called by scripts/build-extra.sh: node scripts/embed-index.mjs
// DIST/embed.js policies/index.json
import fs from 'node:fs';

const [embed, index] = process.argv.slice(2);
const marker = '/*policy-lens:index*/null';
const js = fs.readFileSync(embed, 'utf8');
if (!js.includes(marker)) {
  console.error(`${embed}: no ${marker} marker (already written, or embed.js changed)`);
  process.exit(1);
}
// Parsed and written again: a broken index fails the build here, not in a reader's browser.
const list = JSON.parse(fs.readFileSync(index, 'utf8'));
if (!Array.isArray(list) || !list.every((e) => typeof e.id === 'string' && Array.isArray(e.versions))) {
  console.error(`${index}: not a list of {id, versions}`);
  process.exit(1);
}
const slim = list.map((e) => ({ id: e.id, versions: e.versions }));
fs.writeFileSync(embed, js.replace(marker, JSON.stringify(slim)));

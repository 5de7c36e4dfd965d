// Minifies the shipped JavaScript and CSS in a trunk staging folder (called by
// scripts/build-extra.sh on release builds): the widget's wasm-bindgen glue, the changes
// module's glue, the authoring page's glue, embed.js and the stylesheet. The glue files are ES modules; embed.js is a classic script (one
// function expression, so no global is renamed). Trunk has already written Subresource
// Integrity hashes of the glue and the CSS into the HTML pages, so each hash of a file that changed is
// replaced by the new file's hash, in every page of the folder.
//
//   node scripts/minify.mjs DIR
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { transformSync } from 'esbuild';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/minify.mjs DIR');
  process.exit(2);
}
const files = [
  ['policy-lens-widget.js', 'esm'],
  ['changes/policy-lens-changes.js', 'esm'],
  ['text/policy-lens-text.js', 'esm'],
  ['author/policy-lens-author.js', 'esm'],
  ['embed.js', undefined],
  // Files with the same content share an integrity hash: every copy of the stylesheet is
  // minified, so that each page's hash matches its own copy.
  ['policy-lens.css', undefined, 'css'],
  ['author/policy-lens.css', undefined, 'css'],
  ['author/author.css', undefined, 'css'],
  ['changes/policy-lens.css', undefined, 'css'],
  ['text/policy-lens.css', undefined, 'css'],
];
const sri = (buf) => 'sha384-' + crypto.createHash('sha384').update(buf).digest('base64');
const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => path.join(dir, f));
for (const [rel, format, loader = 'js'] of files) {
  const file = path.join(dir, rel);
  if (!fs.existsSync(file)) continue;
  const before = fs.readFileSync(file);
  const { code } = transformSync(before.toString('utf8'), {
    minify: true,
    loader,
    format,
    target: 'es2020',
    legalComments: 'none',
  });
  fs.writeFileSync(file, code);
  const [from, to] = [sri(before), sri(Buffer.from(code))];
  for (const page of pages) {
    const html = fs.readFileSync(page, 'utf8');
    if (html.includes(from)) fs.writeFileSync(page, html.split(from).join(to));
  }
  console.log(`minify: ${rel} ${before.length} -> ${code.length} bytes`);
}

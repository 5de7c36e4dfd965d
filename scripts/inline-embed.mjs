// Writes the built embed.js into the full page (DIR/index.html), in place of its
// `<script src="embed.js" data-page></script>` tag, so that the page's data and prerender are
// requested as soon as the page's HTML is parsed, in parallel with the wasm, and not one
// round trip later, after embed.js has arrived (on a phone's slow 4G that round trip is
// 560 ms of latency; see "Phone profile" in `make bench`). The page already runs trunk's inline
// module script, so inlining adds no CSP need; embed.js stays a file for the script-tag embed.
// Called by scripts/build-extra.sh last, after embed-index.mjs and minify.mjs:
//   node scripts/inline-embed.mjs DIR
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/inline-embed.mjs DIR');
  process.exit(2);
}
const page = path.join(dir, 'index.html');
const tag = '<script src="embed.js" data-page></script>';
const html = fs.readFileSync(page, 'utf8');
if (html.split(tag).length !== 2) {
  console.error(`${page}: expected one ${tag} (already inlined, or index.html changed)`);
  process.exit(1);
}
const js = fs.readFileSync(path.join(dir, 'embed.js'), 'utf8');
if (js.includes('/*policy-lens:index*/null')) {
  console.error(`${dir}/embed.js: the bundled index is not written in yet (run embed-index.mjs first)`);
  process.exit(1);
}
// A script element ends at the first `</script`, and `<!--` changes how it is parsed: neither
// may appear in the inlined code.
if (/<\/script|<!--/i.test(js)) {
  console.error(`${dir}/embed.js: contains </script or <!--, which cannot be inlined as is`);
  process.exit(1);
}
fs.writeFileSync(page, html.replace(tag, () => `<script data-page>${js.trimEnd()}</script>`));
console.log(`inline-embed: embed.js (${js.length} bytes) written into ${page}`);

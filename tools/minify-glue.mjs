// Minifies the scripts of built pages (wasm-bindgen's glue, boot.js) and updates their SRI hashes.
//
//   node tools/minify-glue.mjs dist index.html org.html staff.html list.html
//
// Trunk's own minifier gives up on the glue (it cannot parse `import.meta`), so the glue would ship
// as written: 37 KB, 6 KB brotli. terser (npm, pinned in tools/package-lock.json) brings it to about
// 4.4 KB brotli; boot.js loses a third. A file keeps its name: Trunk's hash already names its
// content, and terser's output is the same for the same input. Prints one line per file; exits
// non-zero on any failure.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { minify } from 'terser';

const [dist, ...pages] = process.argv.slice(2);
if (!dist || pages.length === 0) {
  console.error('usage: node tools/minify-glue.mjs DIST PAGE.html…');
  process.exit(2);
}

const done = new Map(); // file name → new integrity
for (const page of pages) {
  const htmlPath = join(dist, page);
  let html = readFileSync(htmlPath, 'utf8');
  // Every script the page loads with an SRI hash: wasm-bindgen's glue (modulepreload) and boot.js.
  const tags = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="?(?:\.?\/)?([\w.-]+\.js)"?[^>]*>/g)];
  if (!tags.some(([tag]) => tag.includes('modulepreload'))) throw new Error(`${page}: no glue to minify`);
  for (const [tag, file] of tags) {
    if (!done.has(file)) {
      const path = join(dist, file);
      const source = readFileSync(path, 'utf8');
      const result = await minify(source, { module: true, compress: true, mangle: true });
      if (!result.code) throw new Error(`${file}: terser produced nothing`);
      writeFileSync(path, result.code);
      done.set(file, 'sha384-' + createHash('sha384').update(result.code).digest('base64'));
      console.log(`${file}: ${source.length} → ${result.code.length} B`);
    }
    const updated = tag.replace(/integrity="?sha384-[\w+/=]+"?/, `integrity="${done.get(file)}"`);
    if (updated === tag) throw new Error(`${page}: ${file} has no integrity attribute`);
    html = html.replace(tag, updated);
  }
  writeFileSync(htmlPath, html);
}

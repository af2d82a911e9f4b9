#!/usr/bin/env node
// Mozilla Readability peer for bench/extraction/html_eval.py.
// usage: node readability_js.js LIST.tsv [--utf8]
//   LIST.tsv: one "id<TAB>path" a line. --utf8 decodes every page as UTF-8; without it jsdom sniffs the
//   encoding from the bytes (BOM, <meta charset>) as a browser does.
// Prints one JSON line per page: {id, text, title, byline, published, error?}; on stderr, at the end,
// "LOOP_SECONDS <s>" (time inside the page loop, module loading excluded).
'use strict';
const fs = require('fs');
const path = require('path');
const modroot = process.env.PEERS_NODE_MODULES || path.join(__dirname, '..', '..', '.peers', 'node_modules');
const { JSDOM, VirtualConsole } = require(path.join(modroot, 'jsdom'));
const { Readability } = require(path.join(modroot, '@mozilla', 'readability'));

const list = process.argv[2];
const utf8 = process.argv.includes('--utf8');
const lines = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
const vc = new VirtualConsole(); // swallow CSS / script console noise
const out = [];
const t0 = process.hrtime.bigint();
for (const line of lines) {
  const [id, file] = line.split('\t');
  const rec = { id, text: '', title: '', byline: '', published: '' };
  try {
    const buf = fs.readFileSync(file);
    const dom = new JSDOM(utf8 ? buf.toString('utf8') : buf, { virtualConsole: vc });
    const art = new Readability(dom.window.document).parse();
    if (art) {
      rec.text = art.textContent || '';
      rec.title = art.title || '';
      rec.byline = art.byline || '';
      rec.published = art.publishedTime || '';
    }
    dom.window.close();
  } catch (e) {
    rec.error = String(e && e.message || e).slice(0, 200);
  }
  process.stdout.write(JSON.stringify(rec) + '\n');
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
process.stderr.write(`LOOP_SECONDS ${secs}\n`);

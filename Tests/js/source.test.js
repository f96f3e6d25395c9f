// What the page's Content-Security-Policy and the size budgets ask of the page scripts,
// checked on their source: no inline styles, no eval, no HTML strings; classic scripts that
// fit their gzipped budget.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const vm = require('node:vm');
const { root } = require('./support');

const scripts = [
  { name: 'flow.js', budget: 6 * 1024 },
  // Search is three scripts, loaded in order: text, index, page.
  { name: 'search-text.js', budget: 4 * 1024 },
  { name: 'search-index.js', budget: 6 * 1024 },
  { name: 'search.js', budget: 5 * 1024 },
  { name: 'nav.js', budget: 2 * 1024 },
];

for (const { name, budget } of scripts) {
  const file = path.join(root, 'templates', 'assets', name);
  const source = fs.readFileSync(file, 'utf8');
  // Comments may name what the code avoids.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

  test(`${name}: nothing the CSP blocks or that parses text as HTML`, () => {
    const banned = [
      [/\.style\b/, 'element.style'],
      [/['"]style['"]/, 'a style attribute'],
      [/\beval\s*\(/, 'eval'],
      [/\bnew\s+Function\b/, 'new Function'],
      [/\bset(?:Timeout|Interval)\s*\(\s*['"`]/, 'string timers'],
      [/innerHTML|outerHTML|insertAdjacentHTML|document\.write/, 'HTML from strings'],
      [/\bimport\s*\(|^\s*import\s/m, 'imports'],
      [/\brequire\s*\(/, 'require'],
    ];
    for (const [pattern, what] of banned) assert.doesNotMatch(code, pattern, `${name} uses ${what}`);
  });

  test(`${name}: loads as a classic script with no module, document or window`, () => {
    // The browser has `document` but no `module`; Node tests have the reverse. Neither: no-op.
    assert.doesNotThrow(() => vm.runInNewContext(source, {}, { filename: file }));
  });

  test(`${name}: fits its size budget`, () => {
    const gzipped = zlib.gzipSync(source, { level: 9 }).length;
    assert.ok(gzipped < budget, `${name} is ${gzipped} bytes gzipped, over ${budget / 1024} KB`);
  });
}

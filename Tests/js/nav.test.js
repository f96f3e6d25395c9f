// The header's decision to collapse the categories behind a menu button, as a pure function of
// the items' boxes; the browser tests check the button itself at phone and desktop widths.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { root } = require('./support');

const { fitsOnOneLine } = require(path.join(root, 'templates', 'assets', 'nav.js'));

test('items on one line that end within the width fit', () => {
  assert.equal(fitsOnOneLine([{ top: 10, right: 100 }, { top: 10, right: 200 }, { top: 10.4, right: 380 }], 390), true);
  assert.equal(fitsOnOneLine([], 390), true);
});

test('an item wrapped to a second line does not fit', () => {
  assert.equal(fitsOnOneLine([{ top: 10, right: 200 }, { top: 10, right: 370 }, { top: 54, right: 60 }], 390), false);
});

test('a single line that runs past the width does not fit', () => {
  assert.equal(fitsOnOneLine([{ top: 10, right: 200 }, { top: 10, right: 420 }], 390), false);
});

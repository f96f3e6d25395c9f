// The combobox's arrow keys, as a pure function: the browser tests press the keys on a real
// page; these pin the wrap-around at both ends.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { loadSearch } = require('./support');

const { nextActive } = loadSearch();

test('from no active option, Down picks the first and Up the last', () => {
  assert.equal(nextActive(-1, 5, 1), 0);
  assert.equal(nextActive(-1, 5, -1), 4);
});

test('the arrows move one option and wrap round at both ends', () => {
  assert.equal(nextActive(0, 5, 1), 1);
  assert.equal(nextActive(3, 5, -1), 2);
  assert.equal(nextActive(4, 5, 1), 0);
  assert.equal(nextActive(0, 5, -1), 4);
  assert.equal(nextActive(0, 1, 1), 0);
  assert.equal(nextActive(0, 1, -1), 0);
});

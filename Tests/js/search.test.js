// search.js's pure parts: folding, tokens, typos, the list encoding and highlighting; and what
// the page's Content-Security-Policy asks of its source. Tests/js/search-index.test.js queries
// indexes the real generator writes.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');

const { loadSearch } = require('./support');

const search = loadSearch();

const words = (text) => search.tokenize(text).map((token) => token.text);
const marked = (parts) => parts.filter((part) => part.mark).map((part) => part.text);

test('folds case and diacritics as Swift does', () => {
  assert.deepEqual(words('Café ÉTÉ naïve Señal Überprüfen'), ['cafe', 'ete', 'naive', 'senal', 'uberprufen']);
  assert.deepEqual(words('Cafe\u0301'), ['cafe']);
  assert.deepEqual(words('Straße Ærø Łódź Œuvre'), ['strasse', 'aero', 'lodz', 'oeuvre']);
  assert.deepEqual(words('ｐａｓｓｗｏｒｄ ﬁle'), ['password', 'file']);
  assert.deepEqual(words('हिंदी 비밀번호'), ['हिंदी', '비밀번호']);
  assert.deepEqual(words("two-factor (2FA) isn't—hard…"), ['two', 'factor', '2fa', 'isn', 't', 'hard']);
  assert.deepEqual(words('a'.repeat(40)), ['a'.repeat(32)]);
});

test('cuts CJK runs from Latin words and queries them by bigrams', () => {
  const tokens = search.tokenize('使用Google账号登录');
  assert.deepEqual(tokens.map((token) => [token.text, token.cjk]), [['使用', true], ['google', false], ['账号登录', true]]);
  assert.deepEqual(search.parseQuery('账号登录 Pass'), [
    { cjk: true, text: '账号登录', grams: ['账号', '号登', '登录'] },
    { cjk: false, text: 'pass', typo: false },
  ]);
  assert.deepEqual(search.parseQuery('空').map((term) => term.grams), [['空']]);
  assert.deepEqual(search.parseQuery('Phone phone PHONE').length, 1);
  assert.deepEqual(search.parseQuery('  …  '), []);
});

test('rebuilds the heading ids the index leaves out', () => {
  assert.equal(search.autoID('Before you start'), 'before-you-start');
  assert.equal(search.autoID('What “occupied” means'), 'what-occupied-means');
  assert.equal(search.autoID('Café & Crème'), 'cafe-creme');
});

test('allows exactly one edit', () => {
  for (const [a, b] of [['password', 'pasword'], ['password', 'passwrod'], ['password', 'passwored'], ['password', 'passward'], ['abc', 'abc']]) {
    assert.ok(search.withinOneEdit(a, b), `${a} ~ ${b}`);
    assert.ok(search.withinOneEdit(b, a), `${b} ~ ${a}`);
  }
  for (const [a, b] of [['password', 'pswd'], ['password', 'psasword1'], ['migrate', 'megrata'], ['abc', 'cab']]) {
    assert.ok(!search.withinOneEdit(a, b), `${a} !~ ${b}`);
  }
});

test('decodes gap and bitset lists', () => {
  // Gaps: 3, then 40 (gap 36 = "1" then "4" in base 32 with the first digit marked "more"), then 41.
  assert.deepEqual(search.decodeList('3X40'), [3, 40, 41]);
  // Bitset: entries 0, 2 and 9 → bytes 0b101, 0b10 → base64url "BQI".
  assert.deepEqual(search.decodeList('~BQI'), [0, 2, 9]);
  assert.deepEqual(search.decodeList(''), []);
});

test('rejects an index of another version', () => {
  assert.equal(search.prepare({ version: 1, pages: [], terms: [], postings: [] }), null);
  assert.equal(search.prepare({ version: 3, sections: '', terms: [], fragments: { pages: '', perVolume: 64, volumes: [] } }), null);
  assert.equal(search.prepare(null), null);
  assert.ok(search.prepare({ version: 2, sections: '', terms: [], fragments: { pages: '', perVolume: 64, volumes: [] } }));
});

test('highlights prefixes, typos, folded letters and CJK bigrams', () => {
  assert.deepEqual(search.highlight('Reset your password', 'pass'), [
    { text: 'Reset your ', mark: false }, { text: 'password', mark: true },
  ]);
  assert.deepEqual(marked(search.highlight('Use an authenticator app', 'authentcator')), ['authenticator']);
  assert.deepEqual(marked(search.highlight('Café opening hours', 'CAFE')), ['Café']);
  assert.deepEqual(marked(search.highlight('Cafe\u0301!', 'cafe')), ['Cafe\u0301']);
  assert.deepEqual(marked(search.highlight('账户安全设置', '安全')), ['安全']);
  assert.deepEqual(marked(search.highlight('パスワードを変更する', 'パスワード 変更')), ['パスワード', '変更']);
  assert.deepEqual(marked(search.highlight('Phone and email', 'zzz')), []);
  // Marks meet without gaps or overlaps, and the text is all there.
  const parts = search.highlight('phone phones phoned', 'phone');
  assert.equal(parts.map((part) => part.text).join(''), 'phone phones phoned');
});

test('a snippet of a long section shows the match far into it, not the section\'s start', () => {
  const start = 'This section opens with words about nothing in particular. '.repeat(8);
  const text = start + 'At last the quokka limit is ten per account. ' + 'More words follow here. '.repeat(6);
  const cut = search.snippet(text, 'quokka', 110);
  assert.ok(cut.startsWith('…') && cut.includes('quokka limit'), cut);
  assert.ok(cut.length <= 112, cut);
  assert.deepEqual(marked(search.highlight(cut, 'quokka')), ['quokka']);
});

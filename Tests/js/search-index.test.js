// search.js against indexes the real generator writes: the bundled content/ and a small
// fixture with accents and CJK. Swift folds the text and search.js the query, so these tests are
// also where the two are held to the same rules. Needs the sitegen binary: `swift build` first
// (or point GUIDEPOST_SITEGEN at one); without it the tests fail, they never skip.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const search = require(path.join(root, 'templates', 'assets', 'search.js'));

function sitegen() {
  const binary = process.env.GUIDEPOST_SITEGEN ||
    path.join(execFileSync('swift', ['build', '--show-bin-path'], { cwd: root, encoding: 'utf8' }).trim(), 'sitegen');
  assert.ok(fs.existsSync(binary), `${binary} is missing: run \`swift build --product sitegen\` first`);
  return binary;
}

const FIXTURE = {
  'Help/password.md': '---\ntitle: Reset your password\nsummary: Choose a new password.\n---\n' +
    'Start on the sign-in page.\n\n## Use an authenticator app {#authenticator}\n\nOpen the app and read the code.\n',
  'Help/notifications.md': '---\ntitle: Notifications\nsummary: Choose what we tell you about.\n---\n' +
    '## Security alerts\n\nWe write when your password changes.\n',
  'Help/cafe.md': '---\ntitle: Café opening hours\nsummary: When the help desk is open.\n---\n' +
    '## Überprüfen Sie die Straße\n\nÆrø Łódź ｐａｓｓ ﬁle naïve e\u0301te 비밀번호 ΣΟΦΙΑ.\n',
  '帮助/安全.md': '---\ntitle: 账户安全设置\nslug: zh-security\nsummary: 保护您的账户。\n---\n' +
    '## 两步验证\n\n请开启两步验证，保护您的账户。\n',
  'ヘルプ/パスワード.md': '---\ntitle: パスワードを変更する\nslug: ja-password\nsummary: 新しいパスワードを設定します。\n---\n' +
    '## 入力する\n\n新しいパスワードを入力してください。\n',
  'faq.md': '---\ntitle: Questions\nlayout: faq\n---\n## Can I get a refund? {#refund}\n\nRefunds take five days.\n',
  'site.yml': 'title: Fixture\nbaseURL: https://example.com/\n',
};

let folder;
const built = {};

/** Builds `content` (a folder, or files to write) and loads the index it publishes. */
function build(name, content) {
  const output = path.join(folder, name + '-public');
  let contentDir = content;
  if (typeof content !== 'string') {
    contentDir = path.join(folder, name + '-content');
    for (const [file, text] of Object.entries(content)) {
      fs.mkdirSync(path.dirname(path.join(contentDir, file)), { recursive: true });
      fs.writeFileSync(path.join(contentDir, file), text);
    }
  }
  execFileSync(sitegen(), ['--content', contentDir, '--output', output], { cwd: root, stdio: 'pipe' });
  const dir = path.join(output, 'search');
  const name_ = fs.readdirSync(dir).find((entry) => entry === 'index.json');
  assert.ok(name_, 'no search/index.json in the build');
  const index = search.prepare(JSON.parse(fs.readFileSync(path.join(dir, name_), 'utf8')));
  assert.ok(index, 'search.js does not accept the index');
  return { output, index };
}

before(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'guidepost-search-'));
  built.content = build('content', path.join(root, 'content'));
  built.fixture = build('fixture', FIXTURE);
});
after(() => fs.rmSync(folder, { recursive: true, force: true }));

const urls = (site, query, limit) => search.search(built[site].index, query, { limit: limit || 10 }).map((hit) => hit.url);
const first = (site, query) => urls(site, query)[0];

test('real queries on content/ lead to the right place', () => {
  assert.equal(first('content', 'occupied'), '/guides/why-occupied/');
  assert.equal(first('content', 'migrate'), '/guides/email-migration/#steps');
  assert.equal(first('content', 'authenticator'), '/guides/security-tips/#authenticator');
  assert.equal(first('content', 'already registered'), '/faq/#already-registered');
  assert.equal(first('content', 'phishing'), '/guides/security-tips/#phishing');
});

test('every result of the real index links to a page and heading that exist', () => {
  for (const site of ['content', 'fixture']) {
    const { index, output } = built[site];
    assert.ok(index.entries.length > 5);
    for (let entry = 0; entry < index.entries.length; entry += 1) {
      const { url } = search.result(index, entry);
      const [file, id] = decodeURI(url).split('#');
      const html = fs.readFileSync(path.join(output, file, 'index.html'), 'utf8');
      if (id) assert.ok(html.includes(`id="${id}"`), `${site}: ${url} has no such anchor`);
    }
  }
});

test('a title hit outranks a body hit', () => {
  assert.deepEqual(urls('fixture', 'password'), ['/guides/password/', '/guides/notifications/#security-alerts']);
});

test('words match as prefixes', () => {
  assert.equal(first('fixture', 'auth'), '/guides/password/#authenticator');
  assert.equal(first('fixture', 'pass'), '/guides/password/');
  assert.equal(first('fixture', 'REF'), '/faq/#refund');
});

test('a longer word may have one typo', () => {
  assert.equal(first('fixture', 'authentcator'), '/guides/password/#authenticator');
  assert.equal(first('fixture', 'pasword'), '/guides/password/');
  assert.equal(first('fixture', 'notifictaions'), '/guides/notifications/');
  // Short words must be right: "rafund" is not "refund".
  assert.equal(first('fixture', 'rafun'), '/faq/#refund');
  assert.deepEqual(urls('fixture', 'rafu'), []);
});

test('accents and case fold the same in the index and the query', () => {
  assert.equal(first('fixture', 'cafe'), '/guides/cafe/');
  assert.equal(first('fixture', 'CAFÉ'), '/guides/cafe/');
  assert.equal(first('fixture', 'strasse uberprufen'), '/guides/cafe/#uberprufen-sie-die-strasse');
  // Every word of a sample of hard cases, as the script folds it, is a term Swift wrote.
  const terms = new Set(built.fixture.index.data.terms);
  for (const token of search.tokenize('Ærø Łódź ｐａｓｓ ﬁle naïve e\u0301te 비밀번호 ΣΟΦΙΑ')) {
    for (const term of token.cjk ? search.bigrams(token.text) : [token.text]) assert.ok(terms.has(term), `"${term}" is not in the index`);
  }
  assert.equal(first('fixture', 'σοφια'), '/guides/cafe/#uberprufen-sie-die-strasse');
});

test('Chinese, Japanese and Korean queries are found', () => {
  assert.equal(first('fixture', '两步验证'), '/guides/zh-security/#两步验证');
  assert.equal(first('fixture', '账户安全'), '/guides/zh-security/');
  assert.equal(first('fixture', '账'), '/guides/zh-security/');
  assert.equal(first('fixture', 'パスワード'), '/guides/ja-password/');
  assert.equal(first('fixture', '入力'), '/guides/ja-password/#入力する');
  assert.equal(first('fixture', '비밀번호'), '/guides/cafe/#uberprufen-sie-die-strasse');
  // All of a query's bigrams must be there: 验全 is not in the text.
  assert.deepEqual(urls('fixture', '验全'), []);
});

test('results carry their title, context and highlighted words', () => {
  const [hit] = search.search(built.fixture.index, 'auth');
  assert.equal(hit.title, 'Use an authenticator app');
  assert.equal(hit.context, 'Reset your password');
  const [page] = search.search(built.fixture.index, 'パスワード');
  assert.equal(page.context, '新しいパスワードを設定します。');
  assert.deepEqual(search.highlight(page.title, 'パスワード').filter((part) => part.mark).map((part) => part.text), ['パスワード']);
});

test('results carry their category and the excerpt a snippet is cut from', () => {
  const data = {
    version: 1, weights: [8, 4, 2, 1], categories: ['Billing', 'Security'],
    pages: [
      ['guides/a/', 'Refunds', 'Money back.', ['', 'Card refunds'], ['', 'A refund to a card takes five days.'], 0],
      ['guides/b/', 'Passwords', '', [], ['Choose a long password.'], 1],
      ['faq/', 'FAQ', 'Questions.', [], [''], -1],
    ],
    terms: ['card', 'password', 'questions'],
    postings: [',0', ',,,0', ',,0'],
  };
  const index = search.prepare(data);
  const section = search.result(index, 1, '/');
  assert.equal(section.category, 'Billing');
  assert.equal(section.excerpt, 'A refund to a card takes five days.');
  const page = search.result(index, 2, '/');
  assert.equal(page.category, 'Security');
  assert.equal(page.excerpt, 'Choose a long password.');
  const faq = search.result(index, 3, '/');
  assert.equal(faq.category, '');
  assert.equal(faq.excerpt, 'Questions.', 'a page with a summary uses it');
});

test('a category filter keeps only results from that category', () => {
  const data = {
    version: 1, weights: [8, 4, 2, 1], categories: ['Billing', 'Security'],
    pages: [['guides/a/', 'Card refund', '', [], [''], 0], ['guides/b/', 'Card lock', '', [], [''], 1]],
    terms: ['card', 'lock', 'refund'], postings: ['00', '1', '0'],
  };
  const index = search.prepare(data);
  assert.deepEqual(search.search(index, 'card', {}).map((hit) => hit.title), ['Card refund', 'Card lock']);
  assert.deepEqual(search.search(index, 'card', { category: 1 }).map((hit) => hit.title), ['Card lock']);
  assert.deepEqual(search.search(index, 'card', { category: 0 }).map((hit) => hit.title), ['Card refund']);
});

test('a snippet is cut around the first match, at spaces, with ellipses', () => {
  const text = 'Open the app and go to settings. Then choose your profile, scroll down to security and tap change phone number to start. It takes a minute or two, and a code arrives by text message.';
  const cut = search.snippet(text, 'phone', 50);
  assert.ok(cut.startsWith('…') && cut.endsWith('…'), cut);
  assert.ok(cut.includes('phone'), cut);
  assert.ok(cut.length <= 52, cut);
  assert.ok(!/^…\S*\s/.test(cut) || text.includes(cut.slice(1, -1)), cut);
  assert.ok(text.includes(cut.slice(1, -1)), 'whole words of the text');
  assert.equal(search.snippet(text, 'zzz', 40), text.slice(0, text.lastIndexOf(' ', 40)) + '…', 'no match: the start');
  assert.equal(search.snippet('Short text.', 'text', 40), 'Short text.');
});

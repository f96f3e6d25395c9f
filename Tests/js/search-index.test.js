// search.js against indexes the real generator writes: the bundled content/ and a small
// fixture with accents and CJK, fetched piece by piece through a fake fetch that reads the
// built files and notes what was asked for. Swift folds the text and search.js the query, so these tests are
// also where the two are held to the same rules. Needs the sitegen binary: `swift build` first
// (or point GUIDEPOST_SITEGEN at one); without it the tests fail, they never skip.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { root, loadSearch } = require('./support');
const search = loadSearch();

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
const MANIFEST = 'https://site.test/search/index.json';

/** A fetch over files (`{path below the site: parsed JSON}`) that notes each path asked for. */
function fakeFetch(files) {
  const fetched = [];
  const fetchJSON = async (url, { fresh }) => {
    const file = decodeURIComponent(new URL(url).pathname);
    fetched.push(fresh ? file + ' (fresh)' : file);
    if (!(file in files)) throw new Error(file + ': 404');
    return JSON.parse(JSON.stringify(files[file]));
  };
  return { fetched, fetchJSON };
}

/** The site's search files, read from `output`. */
function searchFiles(output) {
  const files = {};
  const dir = path.join(output, 'search');
  files['/search/index.json'] = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'));
  for (const name of fs.readdirSync(path.join(dir, 'shards'))) {
    files['/search/shards/' + name] = JSON.parse(fs.readFileSync(path.join(dir, 'shards', name), 'utf8'));
  }
  return files;
}

/** Builds `content` (a folder, or files to write) and opens the index it publishes. */
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
  const files = searchFiles(output);
  assert.ok(search.prepare(files['/search/index.json']), 'search.js does not accept the manifest');
  const { fetchJSON } = fakeFetch(files);
  return { output, files, index: search.createIndex(MANIFEST, fetchJSON) };
}

before(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'guidepost-search-'));
  built.content = build('content', path.join(root, 'content'));
  built.fixture = build('fixture', FIXTURE);
});
after(() => fs.rmSync(folder, { recursive: true, force: true }));

const results = (site, query, options) => built[site].index.search(query, Object.assign({ limit: 10 }, options));
const urls = async (site, query, limit) => (await results(site, query, { limit: limit || 10 })).map((hit) => hit.url);
const first = async (site, query) => (await urls(site, query))[0];

test('real queries on content/ lead to the right place', async () => {
  assert.equal(await first('content', 'occupied'), '/guides/why-occupied/');
  assert.equal(await first('content', 'migrate'), '/guides/email-migration/#steps');
  assert.equal(await first('content', 'authenticator'), '/guides/security-tips/#authenticator');
  assert.equal(await first('content', 'already registered'), '/faq/#already-registered');
  assert.equal(await first('content', 'phishing'), '/guides/security-tips/#phishing');
});

test('every entry of the real index links to a page and heading that exist', () => {
  for (const site of ['content', 'fixture']) {
    const { files, output } = built[site];
    const manifest = search.prepare(files['/search/index.json']);
    assert.ok(manifest.entryCount > 5);
    let entries = 0;
    for (let number = 0; number < manifest.fragmentStarts.length; number += 1) {
      const { volumes, perVolume } = manifest.data.fragments;
      for (const page of files[`/search/shards/f-${volumes[Math.floor(number / perVolume)]}-${number}.json`]) {
        const anchors = [''].concat(page[3].filter((_, i) => i % 2 === 0).map((id, i) => id || search.autoID(page[3][i * 2 + 1])));
        const html = fs.readFileSync(path.join(output, decodeURI(page[0]), 'index.html'), 'utf8');
        for (const id of anchors) if (id) assert.ok(html.includes(`id="${id}"`), `${site}: ${page[0]}#${id} has no such anchor`);
        entries += anchors.length;
      }
    }
    assert.equal(entries, manifest.entryCount, 'the manifest counts every entry of the fragments');
  }
});

test('a title hit outranks a body hit', async () => {
  assert.deepEqual(await urls('fixture', 'password'), ['/guides/password/', '/guides/notifications/#security-alerts']);
});

test('words match as prefixes', async () => {
  assert.equal(await first('fixture', 'auth'), '/guides/password/#authenticator');
  assert.equal(await first('fixture', 'pass'), '/guides/password/');
  assert.equal(await first('fixture', 'REF'), '/faq/#refund');
});

test('a longer word may have one typo, after its first two letters', async () => {
  assert.equal(await first('fixture', 'authentcator'), '/guides/password/#authenticator');
  assert.equal(await first('fixture', 'pasword'), '/guides/password/');
  assert.equal(await first('fixture', 'notifictaions'), '/guides/notifications/');
  assert.equal(await first('fixture', 'refnud'), '/faq/#refund');
  // Short words must be right: "refn" begins nothing.
  assert.deepEqual(await urls('fixture', 'refn'), []);
  // The first two letters pick the shards a word loads, so a typo there is not forgiven.
  assert.deepEqual(await urls('fixture', 'rafund'), []);
  assert.deepEqual(await urls('fixture', 'apssword'), []);
  assert.deepEqual(await urls('fixture', 'psasword'), []);
});

test('accents and case fold the same in the index and the query', async () => {
  assert.equal(await first('fixture', 'cafe'), '/guides/cafe/');
  assert.equal(await first('fixture', 'CAFÉ'), '/guides/cafe/');
  assert.equal(await first('fixture', 'strasse uberprufen'), '/guides/cafe/#uberprufen-sie-die-strasse');
  // Every word of a sample of hard cases, as the script folds it, is a term Swift wrote.
  const { files } = built.fixture;
  const terms = new Set(files['/search/index.json'].terms.flatMap(([, name]) => files['/search/' + name].terms));
  for (const token of search.tokenize('Ærø Łódź ｐａｓｓ ﬁle naïve e\u0301te 비밀번호 ΣΟΦΙΑ')) {
    for (const term of token.cjk ? search.bigrams(token.text) : [token.text]) assert.ok(terms.has(term), `"${term}" is not in the index`);
  }
  assert.equal(await first('fixture', 'σοφια'), '/guides/cafe/#uberprufen-sie-die-strasse');
});

test('Chinese, Japanese and Korean queries are found', async () => {
  assert.equal(await first('fixture', '两步验证'), '/guides/zh-security/#两步验证');
  assert.equal(await first('fixture', '账户安全'), '/guides/zh-security/');
  assert.equal(await first('fixture', '账'), '/guides/zh-security/');
  assert.equal(await first('fixture', 'パスワード'), '/guides/ja-password/');
  assert.equal(await first('fixture', '入力'), '/guides/ja-password/#入力する');
  assert.equal(await first('fixture', '비밀번호'), '/guides/cafe/#uberprufen-sie-die-strasse');
  // All of a query's bigrams must be there: 验全 is not in the text.
  assert.deepEqual(await urls('fixture', '验全'), []);
});

test('results carry their title, context and highlighted words', async () => {
  const [hit] = await results('fixture', 'auth');
  assert.equal(hit.title, 'Use an authenticator app');
  assert.equal(hit.context, 'Reset your password');
  const [page] = await results('fixture', 'パスワード');
  assert.equal(page.context, '新しいパスワードを設定します。');
  assert.deepEqual(search.highlight(page.title, 'パスワード').filter((part) => part.mark).map((part) => part.text), ['パスワード']);
});

/** A small hand-made index: a manifest, one term shard, and a fragment per page. */
function handMade(terms, postings, pages, categories, pageCategories) {
  const files = {
    '/search/index.json': {
      version: 2, weights: [8, 4, 2, 1], categories,
      sections: pages.map((page) => String(page[3].length / 2)).join(''), pageCategories,
      terms: [['', 'shards/t-1.json']], fragments: { pages: pages.map(() => '1').join(''), perVolume: 64, volumes: ['b'] },
    },
    '/search/shards/t-1.json': { terms, postings },
  };
  pages.forEach((page, i) => { files[`/search/shards/f-b-${i}.json`] = [page]; });
  return files;
}

test('results carry their category and the text a snippet is cut from', async () => {
  const files = handMade(['card', 'password', 'questions'], [',1', ',,,2', ',,3'], [
    ['guides/a/', 'Refunds', 'Money back.', ['', 'Card refunds'], ['', 'A refund to a card takes five days.']],
    ['guides/b/', 'Passwords', '', [], ['Choose a long password.']],
    ['faq/', 'FAQ', 'Questions.', [], ['']],
  ], ['Billing', 'Security'], [0, 1, 1, 1, -1, 1]);
  const { fetchJSON } = fakeFetch(files);
  const index = search.createIndex(MANIFEST, fetchJSON);
  const opts = { base: '/' };
  const section = (await index.search('card', opts))[0];
  assert.equal(section.url, '/guides/a/#card-refunds');
  assert.equal(section.category, 'Billing');
  assert.equal(section.excerpt, 'A refund to a card takes five days.');
  const page = (await index.search('password', opts))[0];
  assert.equal(page.category, 'Security');
  assert.equal(page.excerpt, 'Choose a long password.');
  const faq = (await index.search('questions', opts))[0];
  assert.equal(faq.category, '');
  assert.equal(faq.excerpt, 'Questions.', 'a page with a summary uses it');
});

test('a category filter keeps only results from that category', async () => {
  const files = handMade(['card', 'lock', 'refund'], ['00', '1', '0'],
    [['guides/a/', 'Card refund', '', [], ['']], ['guides/b/', 'Card lock', '', [], ['']]], ['Billing', 'Security'], [0, 1, 1, 1]);
  const index = search.createIndex(MANIFEST, fakeFetch(files).fetchJSON);
  const titles = async (options) => (await index.search('card', options)).map((hit) => hit.title);
  assert.deepEqual(await titles({}), ['Card refund', 'Card lock']);
  assert.deepEqual(await titles({ category: 1 }), ['Card lock']);
  assert.deepEqual(await titles({ category: 0 }), ['Card refund']);
  assert.deepEqual(await index.categories(), ['Billing', 'Security']);
});

test('a query fetches the manifest, the shards of its words and its results\' fragments, once', async () => {
  const files = {
    '/search/index.json': {
      version: 2, weights: [8, 4, 2, 1], categories: [], sections: '000', pageCategories: [-1, 3],
      terms: [['', 'shards/t-a.json'], ['m', 'shards/t-m.json'], ['t', 'shards/t-t.json']],
      fragments: { pages: '21', perVolume: 1, volumes: ['b', 'c'] },
    },
    '/search/shards/t-a.json': { terms: ['apple', 'lemon'], postings: ['0', '1'] },
    '/search/shards/t-m.json': { terms: ['mango', 'melon'], postings: [['shards/p-1.json', 2], '2'] },
    '/search/shards/t-t.json': { terms: ['tomato'], postings: ['1'] },
    '/search/shards/p-1.json': '01',
    '/search/shards/f-b-0.json': [['a/', 'Apple', '', [], ['']], ['b/', 'Lemon', '', [], ['']]],
    '/search/shards/f-c-1.json': [['c/', 'Melon', '', [], ['']]],
  };
  const { fetched, fetchJSON } = fakeFetch(files);
  const index = search.createIndex(MANIFEST, fetchJSON);
  assert.deepEqual(fetched, [], 'nothing before the first use');
  assert.deepEqual((await index.search('mel', { base: '/' })).map((hit) => hit.url), ['/c/']);
  assert.deepEqual(fetched, ['/search/index.json', '/search/shards/t-m.json', '/search/shards/f-c-1.json']);
  fetched.length = 0;
  // "ma" begins "mango", whose postings are a file of their own.
  assert.deepEqual((await index.search('ma', { base: '/' })).map((hit) => hit.url), ['/a/', '/c/']);
  assert.deepEqual(fetched, ['/search/shards/p-1.json', '/search/shards/f-b-0.json'], 'only what was not fetched before');
  fetched.length = 0;
  await index.search('mel', { base: '/' });
  assert.deepEqual(fetched, [], 'a repeated query fetches nothing');
  // A word of five letters or more loads the shards of its first two letters, for its typos.
  assert.deepEqual((await index.search('lemmon', { base: '/' })).map((hit) => hit.title), ['Lemon']);
  assert.deepEqual(fetched, ['/search/shards/t-a.json']);
});

test('a stale manifest is fetched again when a shard it names is gone', async () => {
  const old = handMade(['card'], ['0'], [['guides/a/', 'Card', '', [], ['']]], [], [-1, 1]);
  old['/search/index.json'].terms.push(['l', 'shards/t-l.json']);
  old['/search/shards/t-l.json'] = { terms: ['lock'], postings: ['0'] };
  const files = Object.assign({}, old);
  const { fetched, fetchJSON } = fakeFetch(files);
  const index = search.createIndex(MANIFEST, fetchJSON);
  assert.equal((await index.search('card'))[0].title, 'Card');
  // The site is rebuilt: new shards under new names, the old ones gone. "lock" needs a shard
  // not fetched yet, which the old manifest names.
  for (const name of Object.keys(files)) delete files[name];
  files['/search/index.json'] = Object.assign({}, old['/search/index.json'], {
    terms: [['', 'shards/t-2.json']], fragments: { pages: '1', perVolume: 64, volumes: ['new'] },
  });
  files['/search/shards/t-2.json'] = { terms: ['card', 'lock'], postings: ['0', '0'] };
  files['/search/shards/f-new-0.json'] = [['guides/a/', 'Card lock', '', [], ['']]];
  fetched.length = 0;
  assert.equal((await index.search('lock'))[0].title, 'Card lock');
  assert.ok(fetched.includes('/search/index.json (fresh)'), fetched.join(', '));
  // Without a manifest there is no search: an error the page reports, not a loop.
  delete files['/search/index.json'];
  await assert.rejects(search.createIndex(MANIFEST, fetchJSON).search('card'));
});

test('an empty index finds nothing and fetches no shard', async () => {
  const files = { '/search/index.json': { version: 2, weights: [8, 4, 2, 1], categories: [], sections: '', pageCategories: [], terms: [], fragments: { pages: '', perVolume: 64, volumes: [] } } };
  const { fetched, fetchJSON } = fakeFetch(files);
  const index = search.createIndex(MANIFEST, fetchJSON);
  assert.deepEqual(await index.search('anything'), []);
  assert.deepEqual(fetched, ['/search/index.json']);
});

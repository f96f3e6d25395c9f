// page.js: the parts of the copy button, video, announcement and feedback code that decide
// something; the page side runs in Chromium (Tests/browser/test_page_features.py).
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { root } = require('./support');

const script = path.join(root, 'templates', 'assets', 'page.js');
const page = require(script);

test('the player is asked to play at once, keeping a query it already has', () => {
  assert.equal(page.playerURL('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'),
    'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');
  assert.equal(page.playerURL('https://player.vimeo.com/video/1?h=ab'), 'https://player.vimeo.com/video/1?h=ab&autoplay=1');
});

test('each announcement is remembered under its own key', () => {
  assert.notEqual(page.dismissalKey('71776dc90b1c8600'), page.dismissalKey('0a'));
  assert.match(page.dismissalKey('71776dc90b1c8600'), /71776dc90b1c8600/);
});

test('feedback sends the form\'s fields and the answer, a comment only with "no"', () => {
  const entries = [['slug', 'start'], ['url', 'https://help.example.com/guides/start/'], ['language', 'en'],
    ['comment', 'The screenshot is old'], ['answer', 'ignored']];
  const no = page.feedbackBody(entries, 'no');
  assert.deepEqual([...no], [['slug', 'start'], ['url', 'https://help.example.com/guides/start/'], ['language', 'en'],
    ['comment', 'The screenshot is old'], ['answer', 'no']]);
  const yes = page.feedbackBody(entries, 'yes');
  assert.equal(yes.get('comment'), null);
  assert.equal(yes.get('answer'), 'yes');
  assert.equal(yes.getAll('answer').length, 1);
});

test('the script is small, strict and has no inline-style or eval escape hatches', () => {
  const text = fs.readFileSync(script, 'utf8');
  assert.ok(text.includes("'use strict'"));
  for (const banned of ['eval(', 'new Function', 'innerHTML', '.style.', "setAttribute('style'"]) {
    assert.ok(!text.includes(banned), banned);
  }
});

test('matomo.js queues the page view for the site its tag names and loads the tracker from there', () => {
  const vm = require('node:vm');
  const appended = [];
  const context = {
    window: {},
    document: {
      currentScript: { dataset: { matomoUrl: 'https://stats.example.com/m', matomoSiteId: '7' } },
      createElement: (name) => ({ name }),
      head: { appendChild: (element) => appended.push(element) },
    },
  };
  vm.runInNewContext(fs.readFileSync(path.join(root, 'templates', 'assets', 'matomo.js'), 'utf8'), context);
  assert.deepEqual(JSON.parse(JSON.stringify(context.window._paq)), [
    ['setTrackerUrl', 'https://stats.example.com/m/matomo.php'], ['setSiteId', '7'], ['trackPageView'], ['enableLinkTracking']]);
  assert.equal(appended.length, 1);
  assert.equal(appended[0].src, 'https://stats.example.com/m/matomo.js');
  assert.equal(appended[0].async, true);
});

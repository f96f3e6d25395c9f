// Answers in the query string: a flow owns the parameters `<flow id>.<question id>`.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { flow, outcomeOf, questionOf, stepsOf } = require('./support');

const { readAnswers, writeAnswers, resume } = flow;
const spec = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'occupied-contact.spec.json'), 'utf8'));
// Another flow that asks a question with the same id as occupied-contact does.
const other = { id: 'other', questions: [{ id: 'sms', options: [] }] };

test('readAnswers takes only this flow\'s parameters, first value of each', () => {
  const search = '?utm_source=mail&occupied-contact.contact=phone&occupied-contact.sms=yes'
    + '&occupied-contact.contact=email&lang=en&other.sms=no&sms=no';
  const answers = readAnswers(spec, search);
  assert.ok(answers instanceof Map);
  assert.deepEqual([...answers], [['contact', 'phone'], ['sms', 'yes']]);
  assert.deepEqual([...readAnswers(other, search)], [['sms', 'no']]);
  assert.deepEqual([...readAnswers(spec, '')], []);
  assert.deepEqual([...readAnswers(spec, 'occupied-contact.contact=email')], [['contact', 'email']]);
});

test('a parameter without the flow\'s prefix is someone else\'s, even if it names a question', () => {
  assert.deepEqual([...readAnswers(spec, '?contact=phone&occupied-contactx.sms=no&occupied-contact=1')], []);
});

test('readAnswers keeps unknown question ids, so resume reports them', () => {
  const state = resume(spec, readAnswers(spec, '?occupied-contact.gone=yes&occupied-contact.contact=phone'));
  assert.equal(questionOf(state), 'sms');
  assert.deepEqual(state.dropped, ['gone']);
});

test('readAnswers decodes like the browser does', () => {
  assert.deepEqual([...readAnswers(spec, '?occupied-contact.contact=ph%6Fne&occupied-contact.sms=a+b')],
    [['contact', 'phone'], ['sms', 'a b']]);
});

test('writeAnswers puts the path after the other parameters, in path order', () => {
  const steps = [['contact', 'phone'], ['sms', 'no'], ['other-method', 'yes']];
  assert.equal(writeAnswers(spec, '?occupied-contact.sms=yes&utm_source=mail&other.sms=no', steps),
    '?utm_source=mail&other.sms=no&occupied-contact.contact=phone&occupied-contact.sms=no'
    + '&occupied-contact.other-method=yes');
  assert.equal(writeAnswers(spec, '', steps.slice(0, 1)), '?occupied-contact.contact=phone');
});

test('writeAnswers with no answers keeps only the other parameters, or nothing', () => {
  assert.equal(writeAnswers(spec, '?occupied-contact.contact=phone&occupied-contact.sms=yes', []), '');
  assert.equal(writeAnswers(spec, '?occupied-contact.contact=phone&q=a%20b', []), '?q=a+b');
});

test('two flows write to one query string without touching each other', () => {
  let search = writeAnswers(spec, '', [['contact', 'phone'], ['sms', 'no']]);
  search = writeAnswers(other, search, [['sms', 'yes']]);
  assert.deepEqual([...readAnswers(spec, search)], [['contact', 'phone'], ['sms', 'no']]);
  assert.deepEqual([...readAnswers(other, search)], [['sms', 'yes']]);
  search = writeAnswers(spec, search, []);
  assert.equal(search, '?other.sms=yes');
});

test('stale and unknown answers in a URL are cleaned as the page does', () => {
  const search = '?occupied-contact.contact=phone&occupied-contact.old-account=no&occupied-contact.sms=maybe'
    + '&utm_source=mail';
  const state = resume(spec, readAnswers(spec, search));
  assert.equal(questionOf(state), 'sms');
  assert.deepEqual(state.dropped, ['old-account', 'sms']);
  assert.equal(writeAnswers(spec, search, stepsOf(state)), '?utm_source=mail&occupied-contact.contact=phone');
});

test('a written URL reads back to the same state', () => {
  for (const { answers, outcome } of flow.paths(spec)) {
    const search = writeAnswers(spec, '?ref=home', answers);
    const state = resume(spec, readAnswers(spec, search));
    assert.equal(outcomeOf(state), outcome);
    assert.deepEqual(stepsOf(state), answers);
  }
});

// Answers in the query string: a flow owns the parameters named after its questions.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { flow, outcomeOf, questionOf, stepsOf } = require('./support');

const { readAnswers, writeAnswers, resume } = flow;
const spec = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'occupied-contact.spec.json'), 'utf8'));

test('readAnswers takes only question ids, first value of each', () => {
  const answers = readAnswers(spec, '?utm_source=mail&contact=phone&sms=yes&contact=email&lang=en');
  assert.ok(answers instanceof Map);
  assert.deepEqual([...answers], [['contact', 'phone'], ['sms', 'yes']]);
  assert.deepEqual([...readAnswers(spec, '')], []);
  assert.deepEqual([...readAnswers(spec, 'contact=email')], [['contact', 'email']]);
});

test('readAnswers decodes like the browser does', () => {
  assert.deepEqual([...readAnswers(spec, '?contact=ph%6Fne&sms=a+b')], [['contact', 'phone'], ['sms', 'a b']]);
});

test('writeAnswers puts the path after the other parameters, in path order', () => {
  const steps = [['contact', 'phone'], ['sms', 'no'], ['other-method', 'yes']];
  assert.equal(writeAnswers(spec, '?sms=yes&utm_source=mail&x=1', steps), '?utm_source=mail&x=1&contact=phone&sms=no&other-method=yes');
  assert.equal(writeAnswers(spec, '', steps.slice(0, 1)), '?contact=phone');
});

test('writeAnswers with no answers keeps only the other parameters, or nothing', () => {
  assert.equal(writeAnswers(spec, '?contact=phone&sms=yes', []), '');
  assert.equal(writeAnswers(spec, '?contact=phone&q=a%20b', []), '?q=a+b');
});

test('stale and unknown answers in a URL are cleaned as the page does', () => {
  const search = '?contact=phone&old-account=no&sms=maybe&utm_source=mail';
  const state = resume(spec, readAnswers(spec, search));
  assert.equal(questionOf(state), 'sms');
  assert.deepEqual(state.dropped, ['old-account', 'sms']);
  assert.equal(writeAnswers(spec, search, stepsOf(state)), '?utm_source=mail&contact=phone');
});

test('a written URL reads back to the same state', () => {
  for (const { answers, outcome } of flow.paths(spec)) {
    const search = writeAnswers(spec, '?ref=home', answers);
    const state = resume(spec, readAnswers(spec, search));
    assert.equal(outcomeOf(state), outcome);
    assert.deepEqual(stepsOf(state), answers);
  }
});

// The engine of templates/assets/flow.js, without a DOM. Cases mirror
// Tests/FlowKitTests/ResumeTests.swift and ModelTests.swift so both sides answer alike.
'use strict';

const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { flow, outcomeOf, questionOf, stepsOf } = require('./support');

const { resume, paths, usable } = flow;

const guide = (slug) => ({ slug, url: `/guides/${slug}/`, title: `Guide ${slug}` });

// Three levels, so an answer can be stale (off the path) as well as invalid or unknown.
const spec = {
  specVersion: 1,
  id: 'tiny',
  title: 'Tiny flow',
  intro: 'Three questions at most.',
  start: 'ready',
  revision: 'fnv1a64-0000000000000000',
  questions: [
    {
      id: 'ready', prompt: 'Are you ready?', hint: 'Be honest.',
      options: [{ id: 'yes', label: 'Yes', next: 'done' }, { id: 'no', label: 'Not yet', next: 'wait' }],
    },
    {
      id: 'wait', prompt: 'Can you wait a minute?',
      options: [{ id: 'ok', label: 'OK', next: 'done' }, { id: 'skip', label: 'Skip it', next: 'sure' }],
    },
    {
      id: 'sure', prompt: 'Sure?',
      options: [{ id: 'yes', label: 'Yes', next: 'careful' }, { id: 'no', label: 'No', next: 'done' }],
    },
  ],
  outcomes: [
    { id: 'done', title: 'Done', summary: 'You are all set.', tone: 'success', guide: guide('start') },
    { id: 'careful', title: 'Read this first', summary: 'Skipping has a cost.', tone: 'warning', guide: guide('start') },
  ],
};

const occupied = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'occupied-contact.spec.json'), 'utf8'));

describe('resume', () => {
  test('no answers: the start question, nothing dropped', () => {
    const state = resume(spec, {});
    assert.equal(questionOf(state), 'ready');
    assert.equal(state.node.question, spec.questions[0]);
    assert.deepEqual(state.trail, []);
    assert.deepEqual(state.dropped, []);
  });

  test('the trail holds the whole question and option objects', () => {
    const state = resume(spec, { ready: 'no', wait: 'skip' });
    assert.equal(questionOf(state), 'sure');
    assert.equal(state.trail[0].question, spec.questions[0]);
    assert.equal(state.trail[1].option, spec.questions[1].options[1]);
    assert.equal(state.trail[1].option.label, 'Skip it');
  });

  test('reaching an outcome gives the outcome object', () => {
    const state = resume(spec, { ready: 'no', wait: 'skip', sure: 'yes' });
    assert.equal(state.node.type, 'outcome');
    assert.equal(state.node.outcome, spec.outcomes[1]);
  });

  test('unknown keys are dropped, sorted, and the rest is used', () => {
    const state = resume(spec, { zz: '1', ready: 'yes', utm_source: 'mail' });
    assert.equal(outcomeOf(state), 'done');
    assert.deepEqual(state.dropped, ['utm_source', 'zz']);
  });

  test('answers to questions off the path are dropped (stale answers)', () => {
    // The reader went the long way, then changed the first answer.
    const state = resume(spec, { ready: 'yes', wait: 'skip', sure: 'yes' });
    assert.equal(outcomeOf(state), 'done');
    assert.deepEqual(stepsOf(state), [['ready', 'yes']]);
    assert.deepEqual(state.dropped, ['sure', 'wait']);
  });

  test('an invalid option stops at its question, and it and everything after are dropped', () => {
    const state = resume(spec, { ready: 'no', wait: 'maybe', sure: 'yes' });
    assert.equal(questionOf(state), 'wait');
    assert.deepEqual(stepsOf(state), [['ready', 'no']]);
    assert.deepEqual(state.dropped, ['sure', 'wait']);
  });

  test('option ids match exactly and only as strings', () => {
    assert.deepEqual(resume(spec, { ready: 'Yes' }).dropped, ['ready']);
    assert.deepEqual(resume(spec, { ready: ' yes' }).dropped, ['ready']);
    assert.equal(questionOf(resume(spec, { ready: ['yes'] })), 'ready');
    assert.equal(questionOf(resume(spec, { ready: undefined })), 'ready');
  });

  test('a Map works the same as a plain object', () => {
    const answers = { ready: 'no', wait: 'ok', extra: 'x' };
    assert.deepEqual(resume(spec, new Map(Object.entries(answers))), resume(spec, answers));
  });

  test('inherited object keys are not answers', () => {
    const answers = Object.create({ ready: 'yes' });
    assert.equal(questionOf(resume(spec, answers)), 'ready');
    const polluted = JSON.parse('{"__proto__": {"ready": "yes"}, "constructor": "x"}');
    const state = resume(spec, polluted);
    assert.equal(questionOf(state), 'ready');
    assert.deepEqual(state.dropped, ['__proto__', 'constructor']);
  });

  test('clean answers lead back to the same state', () => {
    const state = resume(spec, { ready: 'no', wait: 'skip', zz: 'y' });
    const again = resume(spec, Object.fromEntries(stepsOf(state)));
    assert.deepEqual(again.node, state.node);
    assert.deepEqual(again.trail, state.trail);
    assert.deepEqual(again.dropped, []);
  });

  test('a spec that starts at an outcome drops every answer', () => {
    const atOutcome = { ...spec, start: 'done' };
    const state = resume(atOutcome, { ready: 'yes' });
    assert.equal(outcomeOf(state), 'done');
    assert.deepEqual(state.dropped, ['ready']);
  });
});

describe('resume agrees with the Swift ResumeTests on occupied-contact', () => {
  test('unknown keys', () => {
    const state = resume(occupied, { contact: 'phone', sms: 'yes', utm_source: 'mail', zz: '1' });
    assert.equal(outcomeOf(state), 'change-phone');
    assert.deepEqual(state.dropped, ['utm_source', 'zz']);
  });

  test('answers off the path', () => {
    const state = resume(occupied, { contact: 'phone', 'email-codes': 'yes', 'old-account': 'no', sms: 'no' });
    assert.equal(questionOf(state), 'other-method');
    assert.deepEqual(stepsOf(state), [['contact', 'phone'], ['sms', 'no']]);
    assert.deepEqual(state.dropped, ['email-codes', 'old-account']);
  });

  test('an invalid option', () => {
    const state = resume(occupied, { contact: 'phone', sms: 'maybe' });
    assert.equal(questionOf(state), 'sms');
    assert.deepEqual(stepsOf(state), [['contact', 'phone']]);
    assert.deepEqual(state.dropped, ['sms']);
  });

  test('answers beyond an invalid one', () => {
    const state = resume(occupied, { contact: 'fax', sms: 'yes' });
    assert.equal(questionOf(state), 'contact');
    assert.deepEqual(state.trail, []);
    assert.deepEqual(state.dropped, ['contact', 'sms']);
  });

  test('labels on the trail', () => {
    const state = resume(occupied, { contact: 'email', 'email-codes': 'no' });
    assert.deepEqual(state.trail.map((s) => s.option.label), ['An email address', "No, I can't get codes there"]);
    assert.equal(state.trail[0].question.prompt, 'Which contact shows as occupied?');
  });
});

describe('malformed specs never hang or throw', () => {
  const loop = {
    specVersion: 1, id: 'loop', title: 'Loop', intro: 'Loops.', start: 'a', revision: '',
    questions: [
      { id: 'a', prompt: 'A?', options: [{ id: 'on', label: 'On', next: 'b' }, { id: 'off', label: 'Off', next: 'end' }] },
      { id: 'b', prompt: 'B?', options: [{ id: 'back', label: 'Back', next: 'a' }, { id: 'off', label: 'Off', next: 'end' }] },
    ],
    outcomes: [{ id: 'end', title: 'End', summary: 'Ends.', tone: 'success', guide: guide('g') }],
  };

  test('a loop stops at the question seen before, as Swift does', () => {
    const state = resume(loop, { a: 'on', b: 'back' });
    assert.equal(questionOf(state), 'a');
    assert.equal(state.trail.length, 2);
    assert.deepEqual(state.dropped, []);
  });

  test('paths skip loops', () => {
    assert.deepEqual(paths(loop), [
      { answers: [['a', 'on'], ['b', 'off']], outcome: 'end' },
      { answers: [['a', 'off']], outcome: 'end' },
    ]);
  });

  test('a self-loop and a broken link are skipped by paths and stop resume', () => {
    // ModelTests.pathsSkipLoopsAndBrokenLinks.
    const broken = {
      ...loop, start: 'q',
      questions: [{
        id: 'q', prompt: 'Pick one?', options: [
          { id: 'a', label: 'A', next: 'x' }, { id: 'again', label: 'Again', next: 'q' }, { id: 'b', label: 'B', next: 'gone' },
        ],
      }],
      outcomes: [{ id: 'x', title: 'X', summary: 'X.', tone: 'success', guide: guide('g') }],
    };
    assert.deepEqual(paths(broken), [{ answers: [['q', 'a']], outcome: 'x' }]);
    const stuck = resume(broken, { q: 'b' });
    assert.equal(questionOf(stuck), 'q');
    assert.deepEqual(stuck.dropped, ['q']);
    const again = resume(broken, { q: 'again' });
    assert.equal(questionOf(again), 'q');
    assert.equal(again.trail.length, 1);
  });

  test('an unknown start: no node, no paths, not usable', () => {
    const nowhere = { ...spec, start: 'nowhere' };
    const state = resume(nowhere, { ready: 'yes' });
    assert.equal(state.node, null);
    assert.deepEqual(state.dropped, ['ready']);
    assert.deepEqual(paths(nowhere), []);
    assert.equal(usable(nowhere), false);
  });

  test('a spec that starts at an outcome has one empty path', () => {
    assert.deepEqual(paths({ ...spec, start: 'careful' }), [{ answers: [], outcome: 'careful' }]);
  });

  test('missing or odd fields are tolerated', () => {
    const odd = {
      specVersion: 1, start: 'q',
      questions: [null, { id: 'q', options: [null, { id: 'a', next: 'x' }, { id: 'b' }] }, { id: 'r', options: 'nope' }],
      outcomes: 'nope',
    };
    assert.deepEqual(paths(odd), []);
    assert.equal(questionOf(resume(odd, { q: 'a' })), 'q');
    assert.equal(usable(odd), false);
    for (const bad of [null, undefined, {}, [], 'spec']) {
      assert.equal(resume(bad, {}).node, null);
      assert.deepEqual(paths(bad), []);
      assert.equal(usable(bad), false);
    }
    assert.deepEqual(resume(spec, null).dropped, []);
  });

  test('a wide cyclic graph terminates', () => {
    // Every question leads to every question and to the outcome: many loops, finite paths.
    const ids = ['a', 'b', 'c', 'd'];
    const dense = {
      specVersion: 1, start: 'a',
      questions: ids.map((id) => ({
        id, prompt: id, options: ids.map((to) => ({ id: 'to-' + to, label: to, next: to })).concat([{ id: 'end', label: 'End', next: 'end' }]),
      })),
      outcomes: [{ id: 'end', title: 'End', summary: 'E', tone: 'success', guide: guide('g') }],
    };
    const all = paths(dense);
    // Simple paths from a that end at `end`: orderings of subsets of {b, c, d} after a.
    assert.equal(all.length, 1 + 3 + 6 + 6);
    assert.ok(all.every((p) => new Set(p.answers.map(([q]) => q)).size === p.answers.length));
    const state = resume(dense, { a: 'to-b', b: 'to-a' });
    assert.equal(questionOf(state), 'a');
    assert.equal(state.trail.length, 2);
  });
});

describe('paths', () => {
  test('depth-first, options in written order', () => {
    assert.deepEqual(paths(spec), [
      { answers: [['ready', 'yes']], outcome: 'done' },
      { answers: [['ready', 'no'], ['wait', 'ok']], outcome: 'done' },
      { answers: [['ready', 'no'], ['wait', 'skip'], ['sure', 'yes']], outcome: 'careful' },
      { answers: [['ready', 'no'], ['wait', 'skip'], ['sure', 'no']], outcome: 'done' },
    ]);
  });

  test('occupied-contact paths match the reviewed list of OccupiedContactTests', () => {
    const described = paths(occupied).map((p) => p.answers.map(([q, o]) => `${q}=${o}`).join(', ') + ' → ' + p.outcome);
    assert.deepEqual(described, [
      'contact=phone, sms=yes → change-phone',
      'contact=phone, sms=no, other-method=yes → reset-phone',
      'contact=phone, sms=no, other-method=no → support-phone',
      'contact=email, email-codes=yes, old-account=yes → move-assets-first',
      'contact=email, email-codes=yes, old-account=unsure → move-assets-first',
      'contact=email, email-codes=yes, old-account=no → migrate-email',
      'contact=email, email-codes=no → email-no-access',
    ]);
  });

  test('every path resumes to its outcome with nothing dropped', () => {
    for (const { answers, outcome } of paths(spec)) {
      const state = resume(spec, Object.fromEntries(answers));
      assert.equal(outcomeOf(state), outcome);
      assert.deepEqual(stepsOf(state), answers);
      assert.deepEqual(state.dropped, []);
    }
  });
});

describe('usable', () => {
  test('only version 1 with a walkable start', () => {
    assert.equal(usable(spec), true);
    assert.equal(usable(occupied), true);
    assert.equal(flow.SPEC_VERSION, 1);
    for (const specVersion of [2, 0, '1', undefined, null]) {
      assert.equal(usable({ ...spec, specVersion }), false, String(specVersion));
    }
    assert.equal(usable({ ...spec, questions: undefined }), false);
    assert.equal(usable({ ...spec, outcomes: {} }), false);
  });
});

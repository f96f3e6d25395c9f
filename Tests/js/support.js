// Shared by the tests in this folder (the name keeps `node --test` from running it alone).
'use strict';

const assert = require('node:assert/strict');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const flow = require(path.join(root, 'templates', 'assets', 'flow.js'));

const outcomeOf = (state) => (state.node && state.node.type === 'outcome' ? state.node.outcome.id : null);
const questionOf = (state) => (state.node && state.node.type === 'question' ? state.node.question.id : null);
const stepsOf = (state) => state.trail.map((step) => [step.question.id, step.option.id]);

/** Checks the script against Swift's list of paths for the same spec: the same list from
 *  `paths`, each path resuming to its outcome, and every prefix of it resuming at the next
 *  question of the path. */
function assertAgreesWithSwift(spec, swiftPaths) {
  assert.ok(Array.isArray(swiftPaths) && swiftPaths.length > 0, 'Swift gave no paths');
  assert.deepEqual(flow.paths(spec), swiftPaths, 'paths(spec) differs from Swift\'s Flow.paths()');
  for (const { answers, outcome } of swiftPaths) {
    const label = answers.map(([q, o]) => `${q}=${o}`).join(', ') + ' → ' + outcome;
    for (const input of [Object.fromEntries(answers), new Map(answers)]) {
      const state = flow.resume(spec, input);
      assert.equal(outcomeOf(state), outcome, label);
      assert.deepEqual(stepsOf(state), answers, label);
      assert.deepEqual(state.dropped, [], label);
    }
    for (let length = 0; length < answers.length; length += 1) {
      const prefix = answers.slice(0, length);
      const state = flow.resume(spec, Object.fromEntries(prefix));
      assert.equal(questionOf(state), answers[length][0], `${label}, first ${length} answers`);
      assert.deepEqual(stepsOf(state), prefix, `${label}, first ${length} answers`);
      assert.deepEqual(state.dropped, [], `${label}, first ${length} answers`);
    }
  }
}

/** search.js with the two scripts it builds on, loaded in the page's order: its exports are
 *  all three's. */
function loadSearch() {
  for (const name of ['search-text.js', 'search-index.js']) require(path.join(root, 'templates', 'assets', name));
  return require(path.join(root, 'templates', 'assets', 'search.js'));
}

module.exports = { root, loadSearch, flow, outcomeOf, questionOf, stepsOf, assertAgreesWithSwift };

// The script must walk the real flows exactly as Swift does. The spec and Swift's paths come
// from the generator itself; scripts/test builds it (`swift build --product sitegen`) first.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { root, flow, outcomeOf, assertAgreesWithSwift } = require('./support');

const FLOWS = ['occupied-contact', 'missing-code'];

let binPath;
function sitegen() {
  if (binPath === undefined) {
    binPath = execFileSync('swift', ['build', '--show-bin-path'], { cwd: root, encoding: 'utf8' }).trim();
  }
  const binary = path.join(binPath, 'sitegen');
  // Missing is a failure, never a skip: this test is the only check that page and Swift agree.
  assert.ok(fs.existsSync(binary), `${binary} is missing; run \`swift build --product sitegen\` first`);
  return binary;
}

function run(...args) {
  const binary = sitegen();
  try {
    return execFileSync(binary, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    assert.fail(`sitegen ${args.join(' ')} failed (exit ${error.status}): ${error.stderr || error.message}`);
  }
}

for (const id of FLOWS) {
  test(`${id}: the script agrees with Swift on every path of the emitted spec`, () => {
    const spec = JSON.parse(run('flow', id, '--spec'));
    const swiftPaths = JSON.parse(run('flow', id, '--paths', '--json'));
    assert.equal(spec.id, id);
    assert.ok(flow.usable(spec), 'the emitted spec is not one this script can walk');
    assertAgreesWithSwift(spec, swiftPaths);
    // Every outcome a reader can reach has a guide link the page can follow.
    for (const outcome of new Set(swiftPaths.map((p) => p.outcome))) {
      const found = spec.outcomes.find((o) => o.id === outcome);
      assert.ok(found && typeof found.guide.url === 'string' && found.guide.url.length > 0, outcome);
    }
  });
}

// engine.test.js and url.test.js read a saved copy of occupied-contact's spec (so they run
// without the generator); it must stay what the generator emits, or they test a stale spec.
test('occupied-contact fixture: the saved spec and paths are what sitegen emits today', () => {
  const fixtures = path.join(__dirname, 'fixtures');
  const spec = JSON.parse(fs.readFileSync(path.join(fixtures, 'occupied-contact.spec.json'), 'utf8'));
  const swiftPaths = JSON.parse(fs.readFileSync(path.join(fixtures, 'occupied-contact.paths.json'), 'utf8'));
  assert.deepEqual(spec, JSON.parse(run('flow', 'occupied-contact', '--spec')));
  assert.deepEqual(swiftPaths, JSON.parse(run('flow', 'occupied-contact', '--paths', '--json')));
  assertAgreesWithSwift(spec, swiftPaths);
  assert.equal(outcomeOf(flow.resume(spec, { contact: 'phone', sms: 'yes' })), 'change-phone');
});

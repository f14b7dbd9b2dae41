'use strict';
// Retention (engine.maintain) through the Node binding (node --test bindings/node/test/).

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { Engine, ParleyError, Status } = require('..');

const DAY = 86400;
const DAY_MS = 86400000;

function tempDir(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-node-retention-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function message(id, chat, timestamp) {
  return { id, chat, from: chat, timestamp, type: 'text', text: 'Is parking included with unit 12?' };
}

test('old messages go, newer ones stay, and a forgotten id is new again', (t) => {
  const dir = tempDir(t);
  const engine = new Engine({ store: { path: path.join(dir, 'p.db') }, retention: { days: 30 } });
  t.after(() => engine.close());
  const wall = Date.now();
  const seconds = Math.floor(wall / 1000);
  engine.process(message('old', 'a', seconds - 45 * DAY));
  engine.process(message('new', 'a', seconds + 5 * DAY));
  assert.equal(engine.maintain().deleted, 0); // both arrived just now
  const report = engine.maintain(wall + 31 * DAY_MS);
  assert.equal(report.schema, 1);
  assert.equal(report.deleted, 1);
  assert.equal(report.archived, 0);
  assert.equal(report.autoVacuum, 'incremental');
  for (const key of ['threadsDeleted', 'claimsExpired', 'freedPages', 'cutoff', 'pageCount', 'freelistCount']) {
    assert.ok(key in report, key);
  }
  assert.equal(engine.process(message('new', 'a', seconds + 5 * DAY)).status, 'duplicate');
  assert.equal(engine.process(message('old', 'a', seconds - 45 * DAY)).status, 'processed');
});

test('an archive receives the rows', (t) => {
  const dir = tempDir(t);
  const archive = path.join(dir, 'archive.db');
  const engine = new Engine({ store: { path: path.join(dir, 'p.db') }, retention: { days: 7, archive } });
  t.after(() => engine.close());
  const wall = Date.now();
  for (let i = 0; i < 3; i++) engine.process(message(`m${i}`, 'a', Math.floor(wall / 1000) - 10 * DAY + i));
  const report = engine.maintain(wall + 8 * DAY_MS);
  assert.equal(report.archived, 3);
  assert.equal(report.deleted, 0);
  assert.ok(fs.statSync(archive).size > 0);
});

test('days 0 keeps everything; bad arguments throw', (t) => {
  const engine = new Engine({ retention: { days: 0 } });
  t.after(() => engine.close());
  engine.process(message('ancient', 'a', 1000));
  const report = engine.maintain(Date.now() + 3650 * DAY_MS);
  assert.equal(report.deleted, 0);
  assert.equal(report.cutoff, null);
  assert.throws(() => engine.maintain(-1), (error) => error instanceof ParleyError && error.status === Status.INVALID_ARGUMENT);
  assert.throws(() => engine.maintain('soon'), TypeError);
  assert.throws(() => new Engine({ retention: { days: -3 } }),
    (error) => error instanceof ParleyError && error.status === Status.INVALID_CONFIG);
});

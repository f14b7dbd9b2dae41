'use strict';
// The dead-letter queue through the Node binding (node --test bindings/node/test/): failures
// reported by the host, retries on a fake clock until dead, retry now, resolve, purge.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { Engine, ParleyError, Status } = require('..');

const CHAT = '250788123456@c.us';
const START = 1764000000000;

function message(id, text = 'The tap in unit 4B is leaking') {
  return { id, chat: CHAT, from: CHAT, timestamp: 1764000000, type: 'text', text };
}

function withEngine(t, config) {
  const engine = new Engine(config);
  t.after(() => engine.close());
  return engine;
}

function expectStatus(status, fn) {
  assert.throws(fn, (error) => error instanceof ParleyError && error.status === status && error.message.length > 0);
}

test('failures on a fake clock end dead with their history, across a restart', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-node-dlq-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const config = { store: { path: path.join(dir, 'p.db') }, retries: { attempts: 3, firstDelaySeconds: 60, maxDelaySeconds: 240, jitter: 0 } };
  let engine = new Engine(config);
  const original = engine.process(message('m1'));
  engine.fail(CHAT, 'm1', { status: 'sheets_down', message: 'HTTP 503' }, START);
  assert.equal(engine.dlq.get(CHAT, 'm1').nextAttemptAt, START + 60000);
  assert.deepEqual(engine.dlq.runDue(START + 59999), { retried: [] });
  engine.close();

  engine = withEngine(t, config);
  const run = engine.dlq.runDue(START + 60000);
  assert.equal(run.retried.length, 1);
  assert.equal(run.retried[0].attempt, 2);
  assert.equal(run.retried[0].context.status, 'processed');
  assert.deepEqual(run.retried[0].context.thread, original.thread);
  assert.deepEqual(run.retried[0].context.message, original.message);
  engine.fail(CHAT, 'm1', 'still down', START + 61000);
  assert.equal(engine.dlq.runDue(START + 301000).retried[0].attempt, 3);
  engine.fail(CHAT, 'm1', null, START + 302000);
  const dead = engine.dlq.get(CHAT, 'm1');
  assert.equal(dead.state, 'dead');
  assert.equal(dead.attempts, 3);
  assert.equal(dead.nextAttemptAt, undefined);
  assert.deepEqual(dead.errors.map((e) => e.message), ['HTTP 503', 'still down', '']);
  assert.deepEqual(dead.errors.map((e) => e.attempt), [1, 2, 3]);
  assert.equal(dead.errors[0].status, 'sheets_down');
  assert.equal(dead.errors[0].at, START);
  assert.deepEqual(engine.dlq.runDue(2 ** 53).retried, []);
});

test('retry now, resolve, list and purge', (t) => {
  const engine = withEngine(t, { retries: { attempts: 1 } });
  engine.process(message('a', 'Rent for March is paid'));
  engine.process(message('b', 'The gate is broken'));
  engine.process(message('c', 'hello'));
  engine.fail(CHAT, 'a');
  engine.fail(CHAT, 'b', { code: 429 });
  assert.deepEqual(engine.dlq.list().map((m) => m.id), ['a', 'b']);
  assert.deepEqual(engine.dlq.list({ state: 'dead', limit: 1 }).map((m) => m.id), ['a']);
  assert.deepEqual(engine.dlq.list({ state: 'failed' }), []);
  assert.equal(engine.dlq.list()[1].errors[0].code, 429);

  const retried = engine.dlq.retry(CHAT, 'a');
  assert.equal(retried.attempt, 2);
  assert.equal(engine.dlq.get(CHAT, 'a').state, 'processed');
  engine.fail(CHAT, 'a');
  engine.dlq.resolve(CHAT, 'a');
  engine.dlq.resolve(CHAT, 'a');
  assert.equal(engine.dlq.get(CHAT, 'a').state, 'resolved');
  assert.equal(engine.dlq.purge({ state: 'resolved' }), 1);
  assert.equal(engine.dlq.purge(), 1);
  assert.equal(engine.dlq.purge(), 0);
  assert.equal(engine.dlq.get(CHAT, 'c').state, 'processed');
  expectStatus(Status.NOT_FOUND, () => engine.dlq.get(CHAT, 'a'));
});

test('failures', (t) => {
  const engine = withEngine(t);
  engine.process(message('p'));
  expectStatus(Status.NOT_FOUND, () => engine.fail(CHAT, 'nope'));
  expectStatus(Status.NOT_FOUND, () => engine.dlq.retry(CHAT, 'nope'));
  expectStatus(Status.NOT_FOUND, () => engine.dlq.resolve(CHAT, 'nope'));
  expectStatus(Status.INVALID_ARGUMENT, () => engine.dlq.retry(CHAT, 'p'));
  expectStatus(Status.INVALID_ARGUMENT, () => engine.dlq.resolve(CHAT, 'p'));
  expectStatus(Status.INVALID_ARGUMENT, () => engine.fail('', 'p'));
  expectStatus(Status.INVALID_ARGUMENT, () => engine.fail(CHAT, 'p', null, -1));
  expectStatus(Status.TOO_LARGE, () => engine.fail(CHAT, 'p', 'x'.repeat(5000)));
  expectStatus(Status.INVALID_ARGUMENT, () => engine.dlq.list({ state: 'processed' }));
  expectStatus(Status.INVALID_ARGUMENT, () => engine.dlq.purge({ state: 'failed' }));
  assert.throws(() => engine.fail(CHAT, 'p', 42), TypeError);
  assert.throws(() => engine.fail(CHAT, 'p', null, 1.5), TypeError);
  assert.throws(() => engine.dlq.get(CHAT, 5), TypeError);
  assert.throws(() => engine.dlq.list([1]), TypeError);
  engine.fail(CHAT, 'p', 'once', START);
  expectStatus(Status.INVALID_ARGUMENT, () => engine.fail(CHAT, 'p', null, START));
  expectStatus(Status.INVALID_CONFIG, () => new Engine({ retries: { attempts: 0 } }));
});

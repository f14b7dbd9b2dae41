'use strict';
// Idempotency claims and circuit breakers through the Node binding (node --test bindings/node/test/).

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Worker } = require('node:worker_threads');

const { Engine, ParleyError, Status } = require('..');

function tempStore(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-node-reliability-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { store: { path: path.join(dir, 'parley.db') } };
}

function withEngine(t, config) {
  const engine = new Engine(config);
  t.after(() => engine.close());
  return engine;
}

/** Asserts that fn throws a ParleyError with this status, and returns it. */
function expectStatus(status, fn) {
  let caught;
  assert.throws(fn, (error) => {
    caught = error;
    return true;
  });
  assert.ok(caught instanceof ParleyError, `expected a ParleyError, got ${caught && caught.stack}`);
  const name = Object.keys(Status).find((key) => Status[key] === status);
  assert.equal(caught.status, status, `expected ${name}, got ${caught.code}: ${caught.message}`);
  assert.equal(caught.code, `PARLEY_${name}`);
  assert.ok(caught.message.length > 0);
  return caught;
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

// -- idempotency claims -----------------------------------------------------------------------

test('the first claim wins, later ones see it', (t) => {
  const engine = withEngine(t);
  assert.equal(engine.claim('sheets:row:17', 3600), true);
  assert.equal(engine.claim('sheets:row:17', 3600), false);
  assert.equal(engine.claim('sheets:row:18', 3600), true);
  assert.equal(engine.claim('kwishyura 💸 دفع', 3600), true);
  assert.equal(engine.claim('kwishyura 💸 دفع', 3600), false);
});

test('release lets the side effect be retried', (t) => {
  const engine = withEngine(t);
  assert.equal(engine.claim('pay:42', 3600), true);
  assert.equal(engine.release('pay:42'), undefined);
  assert.equal(engine.claim('pay:42', 3600), true);
  engine.release('never-claimed');
});

test('a claim expires after its ttl', (t) => {
  const engine = withEngine(t);
  assert.equal(engine.claim('short', 1), true);
  assert.equal(engine.claim('short', 1), false);
  sleep(1100);
  assert.equal(engine.claim('short', 1), true);
});

test('claims survive close and reopen', (t) => {
  const config = tempStore(t);
  const first = new Engine(config);
  assert.equal(first.claim('sheets:row:1', 3600), true);
  assert.equal(first.claim('sheets:row:2', 3600), true);
  first.release('sheets:row:2');
  first.close();
  const again = withEngine(t, config);
  assert.equal(again.claim('sheets:row:1', 3600), false);
  assert.equal(again.claim('sheets:row:2', 3600), true);
});

test('claimers in several worker threads: exactly one first per key', async (t) => {
  const config = tempStore(t);
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { Engine } = require(workerData.module);
    const engine = new Engine(workerData.config);
    let firsts = 0;
    for (let i = 0; i < 50; i++) if (engine.claim('race-' + i, 60)) firsts++;
    engine.close();
    parentPort.postMessage(firsts);
  `;
  const module = path.join(__dirname, '..');
  // Create and migrate the file first: engines opening a brand-new file at the same instant
  // race in the schema migration (see the report); here they share a migrated store.
  const engine = withEngine(t, config);
  const runs = Array.from({ length: 4 }, () => new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { module, config } });
    worker.once('message', resolve);
    worker.once('error', reject);
  }));
  const firsts = await Promise.all(runs);
  assert.equal(firsts.reduce((a, b) => a + b, 0), 50);
  // Another engine on the same file sees the workers' claims.
  assert.equal(engine.claim('race-0', 60), false);
});

test('bad claims', (t) => {
  const engine = withEngine(t);
  expectStatus(Status.INVALID_ARGUMENT, () => engine.claim('', 10));
  const long = expectStatus(Status.INVALID_ARGUMENT, () => engine.claim('k'.repeat(513), 10));
  assert.match(long.message, /512/);
  assert.equal(engine.claim('k'.repeat(512), 10), true);
  expectStatus(Status.INVALID_ARGUMENT, () => engine.claim('k', 0));
  expectStatus(Status.INVALID_ARGUMENT, () => engine.claim('k', -1));
  expectStatus(Status.INVALID_ARGUMENT, () => engine.claim('k', 1e12));
  expectStatus(Status.INVALID_ARGUMENT, () => engine.release(''));
  assert.throws(() => engine.claim('k', 1.5), TypeError);
  assert.throws(() => engine.claim('k', '10'), TypeError);
  assert.throws(() => engine.claim('k', NaN), TypeError);
  assert.throws(() => engine.claim('k', 1e300), RangeError);
  assert.throws(() => engine.claim('k'), TypeError);
  assert.throws(() => engine.claim(42, 10), TypeError);
  assert.throws(() => engine.claim('a\0b', 10), TypeError);
  assert.throws(() => engine.release(null), TypeError);
});

test('calls on a closed engine fail', () => {
  const engine = new Engine();
  engine.close();
  expectStatus(Status.INVALID_ARGUMENT, () => engine.claim('k', 10));
  expectStatus(Status.INVALID_ARGUMENT, () => engine.release('k'));
  expectStatus(Status.INVALID_ARGUMENT, () => engine.breakerAllow('sheets'));
  expectStatus(Status.INVALID_ARGUMENT, () => engine.breakerRecord('sheets', true, 10));
  expectStatus(Status.INVALID_ARGUMENT, () => engine.breakers());
});

// -- circuit breakers -------------------------------------------------------------------------

const CONFIG = {
  breakers: {
    default: { openSeconds: 10 },
    sheets: { window: 4, minimumCalls: 4, halfOpenPermits: 2, slowCallMicros: 1000 },
  },
};
const T = 1764000000000;
const byName = (engine, name) => engine.breakers().find((b) => b.name === name);

test('configured breakers are listed closed', (t) => {
  const engine = withEngine(t, CONFIG);
  assert.deepEqual(engine.breakers(), [{ name: 'sheets', state: 'closed', failureRate: 0, slowCallRate: 0, calls: 0 }]);
});

test('a breaker opens, half-opens, reopens and closes on the host clock', (t) => {
  const engine = withEngine(t, CONFIG);
  for (let i = 0; i < 4; i++) {
    assert.equal(engine.breakerAllow('sheets', T), true);
    engine.breakerRecord('sheets', i % 2 === 0, 20, T);
  }
  assert.equal(engine.breakerAllow('sheets', T), false);
  assert.deepEqual(byName(engine, 'sheets'),
    { name: 'sheets', state: 'open', failureRate: 0.5, slowCallRate: 0, calls: 4, openedAt: T, retryAt: T + 10000 });

  assert.equal(engine.breakerAllow('sheets', T + 9999), false);
  assert.deepEqual([1, 2, 3].map(() => engine.breakerAllow('sheets', T + 10000)), [true, true, false]);
  assert.equal(byName(engine, 'sheets').state, 'half_open');
  engine.breakerRecord('sheets', true, 20, T + 10001);
  engine.breakerRecord('sheets', false, 20, T + 10002);
  assert.equal(byName(engine, 'sheets').state, 'open');
  assert.equal(engine.breakerAllow('sheets', T + 10003), false);

  assert.equal(engine.breakerAllow('sheets', T + 20002), true);
  assert.equal(engine.breakerAllow('sheets', T + 20002), true);
  engine.breakerRecord('sheets', true, 20, T + 20003);
  engine.breakerRecord('sheets', true, 20.4, T + 20004);
  assert.deepEqual(byName(engine, 'sheets'), { name: 'sheets', state: 'closed', failureRate: 0, slowCallRate: 0, calls: 0 });
});

test('slow calls open a breaker', (t) => {
  const engine = withEngine(t, CONFIG);
  for (let i = 0; i < 4; i++) {
    assert.equal(engine.breakerAllow('sheets', T), true);
    engine.breakerRecord('sheets', true, 1001, T);
  }
  const status = byName(engine, 'sheets');
  assert.equal(status.state, 'open');
  assert.equal(status.slowCallRate, 1);
  assert.equal(status.failureRate, 0);
});

test('the default clock is Date.now() and unconfigured breakers take the defaults', (t) => {
  const engine = withEngine(t);
  const before = Date.now();
  for (let i = 0; i < 10; i++) {
    assert.equal(engine.breakerAllow('whatsapp-send'), true);
    engine.breakerRecord('whatsapp-send', false, 5);
  }
  assert.equal(engine.breakerAllow('whatsapp-send'), false);
  const status = byName(engine, 'whatsapp-send');
  assert.equal(status.state, 'open');
  assert.ok(status.openedAt >= before && status.openedAt <= Date.now());
  assert.equal(status.retryAt, status.openedAt + 30000);
});

test('bad breaker calls', (t) => {
  const engine = withEngine(t);
  expectStatus(Status.INVALID_ARGUMENT, () => engine.breakerAllow(''));
  expectStatus(Status.INVALID_ARGUMENT, () => engine.breakerAllow('n'.repeat(129)));
  assert.equal(engine.breakerAllow('n'.repeat(128)), true);
  expectStatus(Status.INVALID_ARGUMENT, () => engine.breakerAllow('sheets', -1));
  expectStatus(Status.INVALID_ARGUMENT, () => engine.breakerAllow('sheets', 2 ** 60));
  expectStatus(Status.INVALID_ARGUMENT, () => engine.breakerRecord('sheets', true, -1));
  expectStatus(Status.INVALID_ARGUMENT, () => engine.breakerRecord('sheets', true, 5, -1));
  expectStatus(Status.INVALID_ARGUMENT, () => engine.breakerRecord('', true, 5));
  assert.throws(() => engine.breakerAllow(null), TypeError);
  assert.throws(() => engine.breakerAllow('a\0b'), TypeError);
  assert.throws(() => engine.breakerAllow('sheets', 'now'), TypeError);
  assert.throws(() => engine.breakerAllow('sheets', 1.5), TypeError);
  assert.throws(() => engine.breakerRecord('sheets', 1, 5), TypeError);
  assert.throws(() => engine.breakerRecord('sheets', true, 'slow'), TypeError);
  assert.throws(() => engine.breakerRecord('sheets', true, Infinity), TypeError);
});

test('bad breaker configuration is INVALID_CONFIG', () => {
  for (const breakers of [
    { sheets: { failureRat: 0.5 } },
    { sheets: { failureRate: 0 } },
    { sheets: { window: 5, minimumCalls: 6 } },
    { sheets: { openSeconds: 0 } },
    { default: { halfOpenPermits: 0 } },
    { sheets: 3 },
    [],
  ]) {
    expectStatus(Status.INVALID_CONFIG, () => new Engine({ breakers }));
  }
});

test('TypeScript declarations name the new methods', () => {
  const typings = fs.readFileSync(path.join(__dirname, '..', 'index.d.ts'), 'utf8');
  for (const method of ['claim(key: string, ttlSeconds: number): boolean', 'release(key: string): void',
    'breakerAllow(name: string, nowMs?: number): boolean',
    'breakerRecord(name: string, ok: boolean, micros: number, nowMs?: number): void', 'breakers(): BreakerStatus[]']) {
    assert.ok(typings.includes(method), method);
  }
});

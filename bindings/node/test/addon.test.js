'use strict';
// The native addon on its own: wrong argument types throw TypeError instead of crashing, and
// handles are checked. (index.js never passes such values; other code that loads the addon might.)

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { Worker } = require('node:worker_threads');

const native = require(path.join(__dirname, '..', 'build', 'parley.node'));

const MESSAGE = JSON.stringify({
  id: 'a1', chat: '250788123456@c.us', from: '250788123456@c.us', timestamp: 1764000000, type: 'text', text: 'hi',
});

test('exports', () => {
  for (const name of ['version', 'statusName', 'open', 'close', 'process', 'ingestWebhook']) {
    assert.equal(typeof native[name], 'function', name);
  }
  assert.equal(native.statusName(2), 'PARLEY_MALFORMED_JSON');
  assert.equal(native.statusName(999), 'PARLEY_UNKNOWN_STATUS');
  assert.equal(native.statuses.INTERNAL, 13);
});

test('wrong types throw TypeError', () => {
  const handle = native.open(null);
  try {
    for (const bad of [undefined, null, 1, 'x', {}, [], () => {}, Symbol('s'), 10n]) {
      assert.throws(() => native.process(bad, MESSAGE), TypeError);
      assert.throws(() => native.ingestWebhook(bad, MESSAGE, null), TypeError);
      assert.throws(() => native.close(bad), TypeError);
    }
    for (const bad of [undefined, null, 1, {}, [], true, new Float64Array(2)]) {
      assert.throws(() => native.process(handle, bad), TypeError);
      assert.throws(() => native.ingestWebhook(handle, bad, null), TypeError);
    }
    assert.throws(() => native.ingestWebhook(handle, MESSAGE, 5), TypeError);
    assert.throws(() => native.open(5), TypeError);
    assert.throws(() => native.open({}), TypeError);
    assert.throws(() => native.open('{}\u0000{"colour": 1}'), TypeError);
    assert.throws(() => native.process(), TypeError);
    assert.throws(() => native.process(handle), TypeError);
    assert.throws(() => native.close(), TypeError);
    assert.throws(() => native.statusName('x'), TypeError);
    assert.equal(JSON.parse(native.process(handle, MESSAGE)).status, 'processed');
  } finally {
    native.close(handle);
  }
});

test('a closed handle is refused, closing twice is harmless', () => {
  const handle = native.open(undefined);
  native.close(handle);
  native.close(handle);
  assert.throws(() => native.process(handle, MESSAGE), (error) => error.code === 'PARLEY_INVALID_ARGUMENT' && error.status === 1);
});

test('errors carry code and status', () => {
  const handle = native.open('{}');
  try {
    assert.throws(() => native.process(handle, '{'), (error) =>
      error instanceof Error && error.code === 'PARLEY_MALFORMED_JSON' && error.status === 2 && error.message.length > 0);
  } finally {
    native.close(handle);
  }
});

test('the addon loads and works in worker threads', async () => {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { Engine } = require(workerData.pkg);
    const engine = new Engine();
    let processed = 0;
    for (let i = 0; i < 100; i++) {
      const context = engine.process({ ...JSON.parse(workerData.message), id: 'w' + i, text: 'paid $' + i });
      if (context.status === 'processed') processed++;
    }
    engine.close();
    parentPort.postMessage(processed);`;
  const runs = Array.from({ length: 4 }, () => new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: { pkg: path.join(__dirname, '..'), message: MESSAGE } });
    worker.once('message', resolve);
    worker.once('error', reject);
  }));
  assert.deepEqual(await Promise.all(runs), [100, 100, 100, 100]);
});

'use strict';
// The asynchronous API through the real addon and libParley.so: submit, the 'result' event (a
// thread-safe function onto the JS thread), results() as an async iterator, poll, drain,
// backpressure, duplicates, recovery after a close, and a process that exits on its own.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const { Engine, ParleyError, Status } = require('..');

const PACKAGE_DIR = path.join(__dirname, '..');
const CHATS = ['250788000001@c.us', '250788000002@c.us', '250788000003@c.us', '250788000004@c.us', '250788000005@c.us'];
const TEXTS = ['Is unit 4B still available?', 'Rent RWF 50,000 paid for March', 'Can I view the flat on Saturday at 10am?',
  'The kitchen tap drips', 'thanks!', 'Send me the lease please'];

/** Message n of chat c: ids and timestamps rise within a chat. */
function message(c, n, extra = {}) {
  const chat = CHATS[c % CHATS.length];
  return { id: `c${c}-m${n}`, chat, from: chat, fromMe: false, timestamp: 1764000000 + n, type: 'text',
    text: TEXTS[n % TEXTS.length], ...extra };
}

/** Submits `perChat` messages to each of `chats` chats, interleaved; returns their tickets. */
function submitMany(engine, chats, perChat, priority) {
  const tickets = [];
  for (let n = 0; n < perChat; n++) {
    for (let c = 0; c < chats; c++) tickets.push(engine.submit(message(c, n), priority ? { priority } : undefined));
  }
  return tickets;
}

/** Asserts every result is OK and each chat's come in order of its messages' numbers. */
function assertInChatOrder(results) {
  const last = new Map();
  for (const result of results) {
    assert.equal(result.status, 'PARLEY_OK', result.error && result.error.message);
    const { chat, id } = result.context.message;
    const n = Number(id.split('-m')[1]);
    assert.ok(!last.has(chat) || last.get(chat) < n, `${chat}: ${id} after m${last.get(chat)}`);
    last.set(chat, n);
  }
}

function tempStore(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-node-async-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'parley.db');
}

function withEngine(t, config) {
  const engine = new Engine(config);
  t.after(() => engine.close());
  return engine;
}

/** Collects `count` 'result' events (rejects after `ms`). */
function collect(engine, count, ms = 20000) {
  return new Promise((resolve, reject) => {
    const results = [];
    const timer = setTimeout(() => {
      engine.off('result', onResult);
      reject(new Error(`only ${results.length} of ${count} results after ${ms} ms`));
    }, ms);
    function onResult(result) {
      results.push(result);
      if (results.length === count) {
        clearTimeout(timer);
        engine.off('result', onResult);
        resolve(results);
      }
    }
    engine.on('result', onResult);
  });
}

test('many messages over several chats come back complete and in each chat\'s order (result event)', async (t) => {
  const engine = withEngine(t);
  const done = collect(engine, 300);
  const tickets = submitMany(engine, 5, 60);
  assert.ok(tickets.every((ticket) => Number.isSafeInteger(ticket) && ticket > 0));
  assert.equal(new Set(tickets).size, 300);
  const results = await done;
  assert.deepEqual(new Set(results.map((r) => r.ticket)), new Set(tickets));
  assert.ok(results.every((r) => r.recovered === false));
  assertInChatOrder(results);
  assert.equal(engine.listenerCount('result'), 0);
  await engine.drain(5000);
});

test('the poll path: nothing listens, results wait in Parley and come back in order', async (t) => {
  const engine = withEngine(t);
  const tickets = submitMany(engine, 4, 25);
  await engine.drain(10000);
  const results = [];
  for (let round = 0; round < 10 && results.length < tickets.length; round++) results.push(...engine.poll({ max: 30 }));
  assert.equal(results.length, 100);
  assert.deepEqual(new Set(results.map((r) => r.ticket)), new Set(tickets));
  assert.ok(results.every((r) => r.recovered === false));
  assertInChatOrder(results);
  assert.deepEqual(engine.poll(), []);
  assert.throws(() => engine.poll({ max: 0 }), RangeError);
  assert.throws(() => engine.poll({ timeoutMs: -1 }), RangeError);
});

test('results() is an async iterator; breaking out detaches it', async (t) => {
  const engine = withEngine(t);
  const tickets = new Set(submitMany(engine, 3, 10));
  const results = [];
  for await (const result of engine.results()) {
    results.push(result);
    if (results.length === tickets.size) break;
  }
  assert.equal(engine.listenerCount('result'), 0);
  assert.deepEqual(new Set(results.map((r) => r.ticket)), tickets);
  assertInChatOrder(results);
  // Detached: results go back to poll.
  const ticket = engine.submit(message(0, 99));
  await engine.drain(5000);
  assert.deepEqual(engine.poll().map((r) => r.ticket), [ticket]);
});

test('close() ends a results() loop', async (t) => {
  const engine = new Engine({ ordering: { holdMillis: 60000 } });
  engine.submit(message(0, 1));
  const loop = (async () => {
    const seen = [];
    for await (const result of engine.results()) seen.push(result);
    return seen;
  })();
  setTimeout(() => engine.close(), 50);
  assert.deepEqual(await loop, []);
  assert.equal(engine.closed, true);
});

test('priorities are accepted by name; anything else is refused', async (t) => {
  const engine = withEngine(t);
  const tickets = ['high', 'normal', 'low'].map((priority, i) => engine.submit(message(i, 0), { priority }));
  tickets.push(engine.submit(message(3, 0)), engine.submit(message(4, 0), {}));
  for (const bad of ['urgent', 'HIGH', 0, null, {}]) {
    assert.throws(() => engine.submit(message(0, 5), { priority: bad }), TypeError);
  }
  await engine.drain(5000);
  assert.deepEqual(new Set(engine.poll().map((r) => r.ticket)), new Set(tickets));
});

test('bad input to submit throws like process() does', (t) => {
  const engine = withEngine(t);
  assert.throws(() => engine.submit('{not json'), (e) => e instanceof ParleyError && e.code === 'PARLEY_MALFORMED_JSON');
  assert.throws(() => engine.submit({ id: 'x' }), (e) => e instanceof ParleyError && e.code === 'PARLEY_INVALID_MESSAGE');
  assert.throws(() => engine.submit(42), TypeError);
  assert.deepEqual(engine.poll(), []);
});

test('backpressure: PARLEY_BUSY above queue.highWater until results are collected', async (t) => {
  const engine = withEngine(t, { queue: { highWater: 5, lowWater: 2 } });
  const tickets = [];
  let busy;
  for (let n = 0; n < 20 && !busy; n++) {
    try {
      tickets.push(engine.submit(message(n % 3, n)));
    } catch (error) {
      busy = error;
    }
  }
  assert.equal(tickets.length, 5);
  assert.ok(busy instanceof ParleyError);
  assert.equal(busy.code, 'PARLEY_BUSY');
  assert.equal(busy.status, Status.BUSY);
  await engine.drain(5000);
  assert.throws(() => engine.submit(message(0, 50)), { code: 'PARLEY_BUSY' });
  assert.equal(engine.poll({ max: 10 }).length, 5);
  const next = engine.submit(message(0, 51));
  await engine.drain(5000);
  assert.deepEqual(engine.poll().map((r) => r.ticket), [next]);
});

test('a duplicate submit returns the same ticket', async (t) => {
  const engine = withEngine(t);
  const first = engine.submit(message(0, 1));
  assert.equal(engine.submit(message(0, 1)), first);
  await engine.drain(5000);
  const [result] = engine.poll();
  assert.equal(result.ticket, first);
  assert.equal(result.context.status, 'processed');
  // Processed already: the stored context comes back marked duplicate, same ticket.
  const done = collect(engine, 1);
  assert.equal(engine.submit(JSON.stringify(message(0, 1))), first);
  const [again] = await done;
  assert.equal(again.ticket, first);
  assert.equal(again.context.status, 'duplicate');
  assert.equal(again.recovered, false);
});

test('recovery: messages accepted before a close come back marked recovered through the result event', async (t) => {
  const store = tempStore(t);
  const before = new Engine({ store: { path: store }, ordering: { holdMillis: 60000 } });
  const tickets = [before.submit(message(0, 1)), before.submit(message(0, 2)), before.submit(message(1, 1))];
  assert.deepEqual(before.poll(), []);
  before.close();

  const after = withEngine(t, { store: { path: store } });
  const results = await collect(after, 3);
  assert.deepEqual(new Set(results.map((r) => r.ticket)), new Set(tickets));
  assert.ok(results.every((r) => r.recovered === true), JSON.stringify(results.map((r) => r.recovered)));
  assertInChatOrder(results);
  // A new message on the reopened engine is not recovered.
  const done = collect(after, 1);
  const ticket = after.submit(message(2, 1));
  const [fresh] = await done;
  assert.equal(fresh.ticket, ticket);
  assert.equal(fresh.recovered, false);
});

test('recovery through poll carries the library\'s own recovered flag', async (t) => {
  const store = tempStore(t);
  const before = new Engine({ store: { path: store }, ordering: { holdMillis: 60000 } });
  const ticket = before.submit(message(0, 1));
  before.close();
  const after = withEngine(t, { store: { path: store } });
  await after.drain(5000);
  const results = after.poll();
  assert.equal(results.length, 1);
  assert.equal(results[0].ticket, ticket);
  assert.equal(results[0].recovered, true);
});

test('drain: times out with PARLEY_TIMEOUT, rejects when the engine closes under it', async () => {
  const engine = new Engine({ ordering: { holdMillis: 60000 } });
  engine.submit(message(0, 1));
  await assert.rejects(engine.drain(100), (e) => e instanceof ParleyError && e.code === 'PARLEY_TIMEOUT');
  const pending = engine.drain();
  const started = Date.now();
  engine.close();
  assert.ok(Date.now() - started < 2000, 'close waited too long for the drain');
  await assert.rejects(pending, (e) => e instanceof ParleyError && e.code === 'PARLEY_INVALID_ARGUMENT');
  await assert.rejects(engine.drain(), (e) => e instanceof ParleyError && e.code === 'PARLEY_INVALID_ARGUMENT');
  assert.throws(() => engine.submit(message(0, 2)), { code: 'PARLEY_INVALID_ARGUMENT' });
});

test('close() with results in flight neither hangs nor crashes', async () => {
  for (let round = 0; round < 5; round++) {
    const engine = new Engine();
    let received = 0;
    engine.on('result', () => { received++; });
    submitMany(engine, 5, 40);
    await new Promise((resolve) => setImmediate(resolve));
    engine.close();
    engine.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(received <= 200);
  }
});

// Each script runs in its own process, which must exit by itself within the time limit.
const SCRIPTS = {
  'listener, drain, close': `
    const engine = new Engine();
    let n = 0;
    engine.on('result', () => n++);
    for (let i = 0; i < 50; i++) engine.submit(msg(i % 5, i));
    engine.drain().then(() => { engine.close(); console.log('results', n); });`,
  'no listener, never closed': `
    const engine = new Engine();
    for (let i = 0; i < 50; i++) engine.submit(msg(i % 5, i));
    engine.drain().then(() => console.log('results', engine.poll({ max: 100 }).length));`,
  'listener removed, never closed': `
    const engine = new Engine();
    let n = 0;
    const on = () => { if (++n === 50) { engine.off('result', on); console.log('results', n); } };
    engine.on('result', on);
    for (let i = 0; i < 50; i++) engine.submit(msg(i % 5, i));`,
  'unref, never closed': `
    const engine = new Engine();
    let n = 0;
    engine.on('result', () => n++).unref();
    for (let i = 0; i < 50; i++) engine.submit(msg(i % 5, i));
    engine.drain().then(() => console.log('results', n));`,
  'an engine reachable only from its listener is not collected while results come': `
    (() => {
      const engine = new Engine();
      let n = 0;
      engine.on('result', () => { if (++n === 50) { console.log('results', n); engine.close(); } });
      for (let i = 0; i < 50; i++) engine.submit(msg(i % 5, i));
    })();
    setInterval(() => global.gc(), 2).unref();`,
  'a throwing listener reaches uncaughtException': `
    process.on('uncaughtException', (e) => { if (e.message !== 'boom') throw e; });
    const engine = new Engine();
    let n = 0;
    engine.on('result', () => { n++; throw new Error('boom'); });
    for (let i = 0; i < 50; i++) engine.submit(msg(i % 5, i));
    engine.drain().then(() => { engine.close(); console.log('results', n); });`,
};

for (const [name, body] of Object.entries(SCRIPTS)) {
  test(`the process exits by itself: ${name}`, () => {
    const script = `
      const { Engine } = require(${JSON.stringify(PACKAGE_DIR)});
      const msg = (c, n) => ({ id: 'c' + c + '-m' + n, chat: 'chat' + c + '@c.us', from: 'chat' + c + '@c.us',
        timestamp: 1764000000 + n, type: 'text', text: 'hello ' + n });
      ${body}`;
    const child = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8', timeout: 20000 });
    assert.equal(child.error, undefined, `did not exit: ${child.error}`);
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout.trim(), 'results 50');
  });
}

test('submitBatch: one commit, tickets in order, an unusable message gets 0 and its error as a result', async (t) => {
  const engine = new Engine({ queue: { highWater: 8, lowWater: 1 } });
  t.after(() => engine.close());
  const tickets = engine.submitBatch([message(0, 0), message(1, 0), { id: 'broken' }, message(0, 1), message(0, 0)]);
  assert.equal(tickets.length, 5);
  assert.equal(tickets[2], 0);
  assert.equal(tickets[4], tickets[0]);
  assert.equal(new Set([tickets[0], tickets[1], tickets[3]]).size, 3);
  await engine.drain(10000);
  const results = engine.poll({ max: 10 });
  assert.equal(results.length, 4);
  const bad = results.filter((r) => r.ticket === 0);
  assert.equal(bad.length, 1);
  assert.equal(bad[0].status, 'PARLEY_INVALID_MESSAGE');
  assert.match(bad[0].error.message, /message 2 of the batch/);
  assertInChatOrder(results.filter((r) => r.ticket !== 0));
  // JSON text works too; more messages than queue.highWater never fit; malformed JSON stores nothing.
  const text = JSON.stringify([message(2, 0), message(2, 1), message(2, 2)]);
  assert.ok(engine.submitBatch(text, { priority: 'low' }).every((ticket) => ticket > 0));
  assert.throws(() => engine.submitBatch(Array.from({ length: 9 }, (_, n) => message(3, n))), (error) => error instanceof ParleyError && error.code === 'PARLEY_TOO_LARGE');
  assert.throws(() => engine.submitBatch('[{"id":'), (error) => error instanceof ParleyError && error.code === 'PARLEY_MALFORMED_JSON');
  assert.throws(() => engine.submitBatch([message(4, 0)], { priority: 'urgent' }), TypeError);
  await engine.drain(10000);
  assert.equal(engine.poll({ max: 10 }).length, 3);
});

test('close() loses no result: those on their way are emitted, the rest come back after reopen', async () => {
  for (const closeFrom of ['listener', 'timer']) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-close-'));
    const config = { store: { path: path.join(dir, 'p.db') }, core: { workers: 2 } };
    const engine = new Engine(config);
    const seen = new Map();
    const note = (result) => seen.set(result.ticket, (seen.get(result.ticket) ?? 0) + 1);
    engine.on('result', (result) => {
      note(result);
      if (closeFrom === 'listener' && seen.size === 1) engine.close();
    });
    const tickets = [];
    for (let n = 0; n < 200; n++) tickets.push(engine.submit(message(n % 5, n)));
    if (closeFrom === 'timer') await new Promise((resolve) => setTimeout(resolve, 5));
    engine.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = new Engine(config);
    again.on('result', note);
    await again.drain(20000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    again.close();
    const missing = tickets.filter((ticket) => !seen.has(ticket));
    assert.deepEqual(missing, [], `results never handed back (closed from a ${closeFrom})`);
    assert.deepEqual([...seen].filter(([, count]) => count > 1), [], `results handed back twice (closed from a ${closeFrom})`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('submit options must be an object', () => {
  const engine = new Engine();
  try {
    assert.throws(() => engine.submit(message(0, 1), null), TypeError);
    assert.throws(() => engine.submit(message(0, 1), 'high'), TypeError);
    assert.ok(engine.submit(message(0, 1), { priority: 'high' }) > 0);
  } finally {
    engine.close();
  }
});

test('results() yields the results on their way to the JS thread when close() is called', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-iter-close-'));
  try {
    const config = { store: { path: path.join(dir, 'store.db') } };
    const engine = new Engine(config);
    const seen = new Set();
    const consumer = (async () => { for await (const result of engine.results()) seen.add(result.ticket); })();
    const tickets = submitMany(engine, 5, 60);
    const until = Date.now() + 300;
    while (Date.now() < until); // the JS thread busy: results queue up for it
    engine.close();
    await consumer;
    // Whatever was not yielded was not handed back: it comes back recovered after a reopen.
    const reopened = new Engine(config);
    reopened.on('result', (result) => seen.add(result.ticket));
    await reopened.drain();
    await new Promise((resolve) => setTimeout(resolve, 200));
    reopened.close();
    assert.deepEqual(tickets.filter((ticket) => !seen.has(ticket)), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

const CHILD_SCRIPTS = {
  // Node unloads an addon with the last environment using it: a worker's exit then ran
  // thread-local destructors of the unloaded library (SIGSEGV).
  'a worker_thread that loaded the addon exits': `
    const { Worker } = require('node:worker_threads'); // the main thread loads no addon
    const worker = new Worker('const { Engine } = require(' + JSON.stringify(pkg) + '); new Engine().close();', { eval: true });
    worker.on('exit', (code) => console.log('worker exited', code));`,
  // Finalizers at exit closed each engine and released its log thread-safe function while
  // Node was tearing it down (SIGABRT).
  'engines with log handlers left open at exit': `
    const { Engine } = require(pkg);
    for (let i = 0; i < 3; i++) new Engine({ store: { path: dir + '/exit-' + i + '.db' } }).setLogHandler(() => {});
    console.log('worker exited 0');`,
};

for (const [name, body] of Object.entries(CHILD_SCRIPTS)) {
  test(`no crash: ${name}`, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-child-'));
    try {
      const script = `const pkg = ${JSON.stringify(PACKAGE_DIR)}; const dir = ${JSON.stringify(dir)}; ${body}`;
      const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20000 });
      assert.equal(child.error, undefined, `did not exit: ${child.error}`);
      assert.equal(child.signal, null, child.stderr);
      assert.equal(child.status, 0, child.stderr);
      assert.equal(child.stdout.trim(), 'worker exited 0');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('an engine dropped unclosed with a log handler is collected', () => {
  const script = `
    const { Engine } = require(${JSON.stringify(PACKAGE_DIR)});
    const collected = new FinalizationRegistry(() => { count += 1; });
    let count = 0;
    for (let i = 0; i < 20; i++) { const e = new Engine(); e.setLogHandler(() => {}); collected.register(e, i); }
    (async () => {
      for (let i = 0; i < 20 && count < 20; i++) { global.gc(); await new Promise((r) => setTimeout(r, 20)); }
      console.log('collected', count);
    })();`;
  const child = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8', timeout: 20000 });
  assert.equal(child.status, 0, child.stderr);
  assert.ok(Number(child.stdout.trim().split(' ')[1]) >= 15, child.stdout);
});

test("with a 'result' listener, submits in a tight loop meet PARLEY_BUSY once results wait for the JS thread", async (t) => {
  const engine = new Engine({ queue: { highWater: 100000, lowWater: 10 } });
  t.after(() => engine.close());
  const received = new Set();
  engine.on('result', (result) => received.add(result.ticket));
  const tickets = [];
  let busy = null;
  for (let n = 0; n < 60000 && !busy; n++) {
    try {
      tickets.push(engine.submit(message(n % 5, n)));
    } catch (error) {
      busy = error;
    }
  }
  assert.ok(busy instanceof ParleyError && busy.code === 'PARLEY_BUSY', `no backpressure after ${tickets.length} submits`);
  await engine.drain();
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(tickets.filter((ticket) => !received.has(ticket)).length, 0);
});

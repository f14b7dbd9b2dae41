'use strict';
// Session care through the Node binding: the session lock against real processes (SIGKILL,
// SIGSTOP), the client state machine, heartbeats, health and pre-flight (node --test bindings/node/test/).

const test = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

const { Engine, ParleyError, SessionLock, Status } = require('..');

const binding = path.join(__dirname, '..');

function tempDir(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-node-session-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function expectStatus(status, fn) {
  let caught;
  assert.throws(fn, (error) => {
    caught = error;
    return true;
  });
  assert.ok(caught instanceof ParleyError, `not a ParleyError: ${caught}`);
  assert.equal(caught.status, status, caught.message);
  return caught;
}

/** A child process holding the lock, refreshing every 20 ms; resolves once it holds it. */
function spawnHolder(dir, staleAfterMs) {
  const script = `
    const { SessionLock } = require(${JSON.stringify(binding)});
    const lock = new SessionLock(${JSON.stringify(dir)}, { staleAfterMs: ${staleAfterMs}, owner: 'node-child' });
    console.log('held');
    setInterval(() => {
      try { lock.refresh(); } catch (e) { console.log('lost ' + e.code + ' ' + e.message); process.exit(e.status); }
    }, 20);`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout });
  const output = [];
  const held = new Promise((resolve, reject) => {
    lines.on('line', (line) => {
      output.push(line);
      if (line === 'held') resolve();
    });
    child.on('exit', (code) => reject(new Error(`the holder exited (${code}) before holding the lock`)));
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, held, exited, output };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test('the lock is exclusive, named when busy, and released', (t) => {
  const dir = tempDir(t);
  const lock = new SessionLock(dir, { owner: 'bot-a' });
  const info = lock.info();
  assert.equal(info.owner, 'bot-a');
  assert.equal(info.pid, process.pid);
  assert.equal(fs.statSync(info.path).mode & 0o777, 0o600);
  const busy = expectStatus(Status.BUSY, () => new SessionLock(dir));
  assert.match(busy.message, /bot-a/);
  lock.refresh();
  lock.release();
  expectStatus(Status.NOT_FOUND, () => lock.refresh());
  new SessionLock(dir).release();
  expectStatus(Status.NOT_FOUND, () => new SessionLock(path.join(dir, 'missing')));
  expectStatus(Status.INVALID_ARGUMENT, () => new SessionLock(dir, { staleAfterMs: 0 }));
});

test('a SIGKILLed holder is taken over at once', async (t) => {
  const dir = tempDir(t);
  const holder = spawnHolder(dir, 45000);
  await holder.held;
  assert.match(expectStatus(Status.BUSY, () => new SessionLock(dir)).message, /node-child/);
  holder.child.kill('SIGKILL');
  await holder.exited;
  const started = Date.now();
  const lock = new SessionLock(dir);
  assert.ok(Date.now() - started < 500);
  lock.release();
});

test('a SIGSTOPped holder loses the lock after staleAfterMs and is told when it wakes', async (t) => {
  const dir = tempDir(t);
  const holder = spawnHolder(dir, 300);
  await holder.held;
  holder.child.kill('SIGSTOP');
  const started = Date.now();
  let lock = null;
  while (lock === null && Date.now() - started < 5000) {
    try {
      lock = new SessionLock(dir, { staleAfterMs: 300 });
    } catch (error) {
      assert.equal(error.status, Status.BUSY);
      await sleep(10);
    }
  }
  const took = Date.now() - started;
  assert.ok(lock !== null);
  assert.ok(took >= 200 && took < 1500, `took ${took} ms`);
  holder.child.kill('SIGCONT');
  const { code } = await holder.exited;
  assert.equal(code, Status.BUSY);
  assert.match(holder.output.join('\n'), /taken over/);
  lock.refresh();
  lock.release();
});

test('state machine, heartbeats, health and pre-flight', (t) => {
  const dir = tempDir(t);
  const engine = new Engine({ session: { lockDirectories: { default: dir }, backoff: { seed: 9 } } });
  t.after(() => engine.close());
  assert.equal(engine.sessionEvent({ event: 'qr', at: 1000 }).advice.action, 'repair');
  engine.sessionEvent({ event: 'authenticated', at: 2000 });
  assert.equal(engine.sessionEvent({ event: 'ready', at: 3000 }).state, 'ready');
  const restart = engine.sessionEvent({
    event: 'connection.update', connection: 'close', at: 4000,
    lastDisconnect: { error: { output: { statusCode: 515 } } },
  });
  assert.deepEqual(restart.advice.action, 'reconnect');
  assert.equal(restart.advice.delayMs, 0);
  assert.equal(restart.consecutiveFailures, 0);
  const out = engine.sessionEvent({ event: 'connection.update', connection: 'close', at: 4100,
    lastDisconnect: { error: { output: { statusCode: 401 } } } });
  assert.equal(out.state, 'logged_out');
  assert.equal(out.advice.action, 'repair');
  const illegal = expectStatus(Status.INVALID_ARGUMENT, () => engine.sessionEvent({ event: 'ready', at: 4200 }));
  assert.match(illegal.message, /logged_out to ready/);
  expectStatus(Status.UNSUPPORTED, () => engine.sessionEvent({ event: 'wave', at: 1 }));
  expectStatus(Status.MALFORMED_JSON, () => engine.sessionEvent('{'));
  assert.throws(() => engine.sessionEvent(42), TypeError);

  engine.sessionEvent({ event: 'qr', at: 5000 });
  engine.sessionEvent({ event: 'connection.update', connection: 'open', at: 6000 });
  engine.sessionHeartbeat({ at: 6000, latencyMs: 90, ok: true, inbound: 1, activeChats: 1 });
  expectStatus(Status.INVALID_ARGUMENT, () => engine.sessionHeartbeat({ at: 6000, nope: 1 }));
  const health = engine.sessionHealth('default', 7000);
  assert.equal(health.accounts[0].state, 'ready');
  assert.ok(health.score >= 0 && health.score <= 100);
  assert.deepEqual(health.accounts[0].history.map((h) => h.to),
    ['qr', 'authenticated', 'ready', 'disconnected', 'logged_out', 'qr', 'ready']);
  expectStatus(Status.NOT_FOUND, () => engine.sessionHealth('nobody', 7000));

  const now = Date.now();
  engine.sessionHeartbeat({ at: now });
  const lock = new SessionLock(dir);
  assert.equal(engine.sessionPreflight(null, now).ok, true);
  lock.release();
  const after = engine.sessionPreflight(null, now);
  assert.equal(after.ok, false);
  assert.deepEqual(after.checks.filter((c) => !c.ok).map((c) => c.name), ['lock']);
});

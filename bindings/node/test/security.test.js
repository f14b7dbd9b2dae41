'use strict';
// The engine's own log and the security promises through the Node binding
// (node --test bindings/node/test/): masked lines on the JS thread, replays, body limits, file modes.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { Engine, ParleyError, Status } = require('..');

function tempDir(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-node-security-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

function webhook(from, id, text) {
  return JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: {
    messaging_product: 'whatsapp', metadata: { phone_number_id: '1' },
    messages: [{ from, id, timestamp: '1764057600', type: 'text', text: { body: text } }] } }] }] });
}

test('log lines reach the handler on the JS thread, masked and filtered by level', async (t) => {
  const dir = tempDir(t);
  const logPath = path.join(dir, 'parley.log');
  const engine = new Engine({ store: { path: path.join(dir, 'parley.db') }, log: { path: logPath, level: 'debug' } });
  const lines = [];
  engine.setLogHandler((line) => lines.push(line), 'info');
  assert.throws(() => engine.process({ id: 'm1', chat: '250788123456@c.us', from: '+250 788 123 456', timestamp: 'soon',
    type: 'text', text: 'mail aline@example.com' }), (error) => {
    assert.ok(error instanceof ParleyError);
    assert.equal(error.status, Status.INVALID_MESSAGE);
    assert.ok(!/788123456|788 123 456/.test(error.message), error.message);
    return true;
  });
  assert.equal(lines.length, 0, 'delivered later, not inside the call');
  await tick();
  assert.equal(lines.length, 1);
  assert.equal(lines[0].event, 'message.rejected');
  assert.equal(lines[0].level, 'info');
  assert.ok(typeof lines[0].time === 'number');
  assert.ok(!JSON.stringify(lines).includes('788123456'));

  engine.setLogHandler(() => { throw new Error('a broken handler'); }, 'debug');
  assert.throws(() => engine.process('{"broken'));
  await tick();
  engine.setLogHandler(null);
  assert.throws(() => engine.setLogHandler(() => {}, 'loud'), TypeError);
  assert.throws(() => engine.setLogHandler(42), TypeError);
  engine.close();
  assert.equal(fs.statSync(logPath).mode & 0o777, 0o600);
  assert.equal(fs.statSync(path.join(dir, 'parley.db')).mode & 0o777, 0o600);
  const text = fs.readFileSync(logPath, 'utf8');
  assert.ok(!/788123456|aline@/.test(text), text);
  const events = text.trim().split('\n').map((line) => JSON.parse(line).event);
  assert.deepEqual([events[0], events.at(-1)], ['engine.open', 'engine.close']);
  assert.throws(() => engine.setLogHandler(() => {}), ParleyError);
});

test('a replayed webhook is flagged and adds nothing; the body limit is its own', (t) => {
  const engine = new Engine({ webhook: { maxBodyBytes: 2048 } });
  t.after(() => engine.close());
  const body = webhook('250788123456', 'wamid.N1', 'hello');
  const first = engine.ingestWebhook(body);
  assert.equal(first.replay, false);
  assert.equal(first.contexts[0].status, 'processed');
  const again = engine.ingestWebhook(body);
  assert.equal(again.replay, true);
  assert.equal(again.contexts[0].status, 'duplicate');
  assert.throws(() => engine.ingestWebhook(body + ' '.repeat(2048)), (error) => error.status === Status.TOO_LARGE);
});

test('a log handler does not keep the process alive and survives close', async () => {
  const engine = new Engine();
  const lines = [];
  engine.setLogHandler((line) => lines.push(line), 'debug');
  engine.close();
  await tick();
  assert.deepEqual(lines.map((line) => line.event), ['engine.close']);
});

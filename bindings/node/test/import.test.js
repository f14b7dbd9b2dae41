'use strict';
// WhatsApp chat-export import through the real libParley.so: the example export on libuv's
// thread pool (a Promise), a second import that adds nothing, the iOS layout, and bad input
// (a zip bomb, a truncated zip, a missing file, bad options) rejected with a status.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Engine, ParleyError, Status } = require('..');

const root = path.join(__dirname, '..', '..', '..');
const example = path.join(root, 'Examples', 'whatsapp-export', 'WhatsApp Chat with Kacyiru Heights Tenants.txt');
const fixtures = path.join(root, 'Tests', 'Fixtures', 'import');

test('the example imports once, off the JS thread', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-node-import-'));
  const engine = new Engine({ store: { path: path.join(dir, 'p.db') }, region: 'RW', media: { ocr: false, voice: false, documents: false } });
  try {
    let ticks = 0;
    const timer = setInterval(() => { ticks += 1; }, 1);
    const summary = await engine.importChat(example, { timeZone: 'Africa/Kigali' });
    clearInterval(timer);
    assert.ok(ticks > 0, 'the event loop kept turning during the import');
    assert.equal(summary.format, 'android');
    assert.equal(summary.chat, 'Kacyiru Heights Tenants');
    assert.deepEqual([summary.messages, summary.imported, summary.duplicates], [220, 219, 0]);
    assert.equal(summary.systemEvents, 10);
    const threads = engine.threads({ chat: 'Kacyiru Heights Tenants', limit: 1000 });
    assert.equal(threads.reduce((n, t) => n + t.messageCount, 0), 219);
    const again = await engine.importChat(example);
    assert.deepEqual([again.imported, again.duplicates], [0, 219]);
  } finally {
    engine.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the iOS layout with options', async () => {
  const engine = new Engine();
  try {
    const summary = await engine.importChat(path.join(fixtures, 'ios', '_chat.txt'), { chat: 'villas', dateOrder: 'mdy' });
    assert.equal(summary.format, 'ios');
    assert.equal(summary.dateOrderSource, 'option');
    assert.equal(summary.imported, 10);
  } finally {
    engine.close();
  }
});

test('bad exports reject with a ParleyError and a status', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-node-import-'));
  const cut = path.join(dir, 'cut.zip');
  fs.writeFileSync(cut, fs.readFileSync(path.join(fixtures, 'bomb.zip')).subarray(0, 4000));
  const engine = new Engine();
  try {
    const cases = [
      [path.join(fixtures, 'bomb.zip'), null, Status.TOO_LARGE],
      [cut, null, Status.CORRUPT],
      [path.join(dir, 'missing.txt'), null, Status.NOT_FOUND],
      [example, { dateOrder: 'ymd' }, Status.INVALID_ARGUMENT],
      [example, { colour: 'red' }, Status.INVALID_ARGUMENT],
    ];
    for (const [file, options, status] of cases) {
      await assert.rejects(engine.importChat(file, options), (error) => {
        assert.ok(error instanceof ParleyError, String(error));
        assert.equal(error.status, status, `${file}: ${error.message}`);
        return true;
      });
    }
    await assert.rejects(engine.importChat(cut), /cut\.zip/);
    await assert.rejects(engine.importChat(42), TypeError);
    await assert.rejects(engine.importChat(example, []), TypeError);
  } finally {
    engine.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

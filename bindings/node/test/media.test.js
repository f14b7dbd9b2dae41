'use strict';
// Media through the real libParley.so: OCR, transcription and documents on libuv's thread pool
// (Promises), a photo inside process(), the gallery, and bad files answered with a status.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Engine, ParleyError, Status } = require('..');

const fixtures = path.join(__dirname, '..', '..', '..', 'Tests', 'Fixtures');
const fixture = (name) => fs.readFileSync(path.join(fixtures, name));

test('readers run off the JS thread and resolve with the reading', async () => {
  const engine = new Engine();
  try {
    let ticks = 0;
    const timer = setInterval(() => { ticks += 1; }, 1);
    const [page, lease, note, scan] = await Promise.all([
      engine.ocr(fixture('ocr/phototest.tif'), { maxWords: 3 }),
      engine.parseDocument(fixture('documents/lease.pdf')),
      engine.transcribe(fixture('voice/librivox-0930.ogg')),
      engine.parseDocument(fixture('documents/scanned-receipt.pdf')),
    ]);
    clearInterval(timer);
    assert.ok(ticks > 0, 'the event loop kept turning while the files were read');
    assert.equal(page.kind, 'image');
    assert.match(page.text, /12 point text/);
    assert.equal(page.words.length, 3);
    assert.equal(lease.format, 'pdf');
    assert.ok(lease.entities.some((e) => e.type === 'field' && e.value.key === 'Tenant'));
    assert.equal(note.format, 'opus');
    assert.ok(note.text.length > 0);
    assert.equal(scan.scanned, true);
    assert.equal(scan.ocrPages, 1);
    assert.deepEqual(scan.entities.find((e) => e.type === 'receiptTotal').value, { amount: 42500, currency: 'RWF' });
  } finally {
    engine.close();
  }
});

test('bad files reject with a ParleyError and a status', async () => {
  const engine = new Engine();
  try {
    const cases = [
      [engine.ocr.bind(engine), fixture('ocr/phototest.tif').subarray(0, 200), Status.BAD_MEDIA],
      [engine.ocr.bind(engine), fixture('documents/lease.pdf'), Status.BAD_MEDIA],
      [engine.parseDocument.bind(engine), fixture('documents/encrypted.pdf'), Status.BAD_MEDIA],
      [engine.parseDocument.bind(engine), fixture('documents/bomb.xlsx'), Status.TOO_LARGE],
      [engine.transcribe.bind(engine), fixture('voice/librivox-0930.ogg').subarray(0, 3000), Status.BAD_MEDIA],
    ];
    for (const [call, bytes, status] of cases) {
      await assert.rejects(call(bytes), (error) => error instanceof ParleyError && error.status === status);
    }
    await assert.rejects(engine.ocr(Buffer.alloc(0)), (error) => error instanceof ParleyError && error.status === Status.INVALID_ARGUMENT);
    // A promise-returning call rejects, bad argument types included (as fs.promises does).
    await assert.rejects(engine.ocr('not bytes'), TypeError);
    await assert.rejects(engine.ocr(Buffer.from('x'), [1]), TypeError);
  } finally {
    engine.close();
  }
});

test('a photo in a chat is read and lands in the gallery', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-node-media-'));
  const engine = new Engine({ store: { path: path.join(dir, 'p.db') } });
  try {
    const context = engine.process({
      id: 'm1', chat: 'c1', from: 'c1', timestamp: 1764057600, type: 'image',
      text: 'notice from the landlord', mediaData: fixture('ocr/phototest.tif').toString('base64'),
    });
    assert.equal(context.media.kind, 'image');
    assert.match(context.media.text, /12 point text/);
    const found = engine.gallery({ text: 'point text', chat: 'c1' });
    assert.deepEqual(found.map((entry) => entry.messageId), ['m1']);
    const item = engine.galleryItem(context.media.sha256);
    assert.equal(item.messages[0].caption, 'notice from the landlord');
    assert.throws(() => engine.galleryItem('0'.repeat(64)), (error) => error.status === Status.NOT_FOUND);
    assert.throws(() => engine.gallery({ kind: 'hologram' }), (error) => error.status === Status.INVALID_ARGUMENT);
  } finally {
    engine.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('media calls on a closed engine reject rather than throw; BAD_MEDIA is a known status', async () => {
  const engine = new Engine();
  engine.close();
  for (const call of [() => engine.ocr(Buffer.from('x')), () => engine.transcribe(Buffer.from('x')),
    () => engine.parseDocument(Buffer.from('x')), () => engine.importChat('/nonexistent.zip')]) {
    let promise;
    assert.doesNotThrow(() => { promise = call(); });
    await assert.rejects(promise, (error) => error instanceof ParleyError && error.status === Status.INVALID_ARGUMENT);
  }
  assert.equal(Status.BAD_MEDIA, 15);
  assert.equal(typeof require('..').DeadLetterQueue, 'function');
});

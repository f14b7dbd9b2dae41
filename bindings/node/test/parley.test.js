'use strict';
// Tests of the Node binding through the real addon and libParley.so (node --test bindings/node/test/).

const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const parley = require('..');
const { Engine, ParleyError, Status } = parley;

const PACKAGE_DIR = path.join(__dirname, '..');
const HEADER = path.join(__dirname, '..', '..', '..', 'include', 'parley.h');

const NORMALIZED = {
  id: 'm1', chat: '250788123456@c.us', from: '250788123456@c.us', fromMe: false,
  timestamp: 1764000000, type: 'text', text: 'Rent RWF 50,000 paid',
};
const WWEBJS = {
  id: { fromMe: false, remote: '250788123456@c.us', id: '3EB0ABC', _serialized: 'false_250788123456@c.us_3EB0ABC' },
  body: 'Hi', type: 'chat', timestamp: 1764000000, from: '250788123456@c.us', to: '250700000000@c.us',
  fromMe: false, hasMedia: false, hasQuotedMsg: false,
};
const BAILEYS = {
  key: { remoteJid: '250788123456@s.whatsapp.net', fromMe: false, id: 'BAE5F0' },
  messageTimestamp: 1764000000, pushName: 'Aline', message: { conversation: 'Hello' },
};
const WEBHOOK = Buffer.from(JSON.stringify({
  object: 'whatsapp_business_account',
  entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
    contacts: [{ profile: { name: 'Aline' }, wa_id: '250788123456' }],
    messages: [{ from: '250788123456', id: 'wamid.HBgLMjUwNzg4MTIzNDU2FQIAEhggQTE=', timestamp: '1764000100',
      type: 'text', text: { body: 'The sink in unit 4B leaks, email me at aline@example.rw' } }],
    statuses: [{ id: 'wamid.OUT1', status: 'delivered', timestamp: '1764000090', recipient_id: '250788123456' }],
  } }] }],
}));

const message = (id, text = 'hello') => ({ ...NORMALIZED, id: `m${id}`, text });
const sign = (secret, body) => `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;

function tempStore(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-node-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { dir, config: { store: { path: path.join(dir, 'parley.db') } } };
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
  assert.ok(caught instanceof Error);
  const name = Object.keys(Status).find((key) => Status[key] === status);
  assert.equal(caught.status, status, `expected ${name}, got ${caught.code}: ${caught.message}`);
  assert.equal(caught.code, `PARLEY_${name}`);
  assert.ok(caught.message.length > 0, 'parley_last_error() should describe the failure');
  return caught;
}

// -- library ----------------------------------------------------------------------------------

test('version matches the header', () => {
  const header = fs.readFileSync(HEADER, 'utf8');
  const expected = ['MAJOR', 'MINOR', 'PATCH']
    .map((part) => header.match(new RegExp(`#define PARLEY_VERSION_${part} (\\d+)`))[1]).join('.');
  assert.equal(parley.version(), expected);
  assert.equal(require('../package.json').version, expected);
});

test('Status is frozen and mirrors the header', () => {
  assert.ok(Object.isFrozen(Status));
  const header = fs.readFileSync(HEADER, 'utf8');
  const block = header.match(/typedef enum parley_status \{([^}]*)\}/)[1];
  const declared = Object.fromEntries([...block.matchAll(/PARLEY_(\w+) = (\d+)/g)].map((m) => [m[1], Number(m[2])]));
  assert.deepEqual({ ...Status }, declared);
});

// -- formats ----------------------------------------------------------------------------------

test('a normalized message, with its money entity', (t) => {
  const context = withEngine(t).process(NORMALIZED);
  assert.equal(context.schema, 1);
  assert.equal(context.status, 'processed');
  assert.equal(context.format, 'normalized');
  assert.equal(context.message.id, 'm1');
  assert.equal(context.message.text, NORMALIZED.text);
  const money = context.entities.find((entity) => entity.type === 'money');
  assert.ok(money, JSON.stringify(context.entities));
  assert.equal(Array.from(NORMALIZED.text).slice(money.start, money.end).join(''), money.text);
  assert.equal(Number(money.value.amount), 50000);
  assert.equal(money.value.currency, 'RWF');
  assert.equal(typeof context.timings.totalMicros, 'number');
});

test('a region implies the currency of bare amounts and its only time zone', (t) => {
  const text = 'I paid 50k rent, can the plumber come tomorrow at 5pm?';
  const kenya = withEngine(t, { region: 'KE' }).process({ ...message(20, text), timestamp: 1764158400 });
  const found = Object.fromEntries(kenya.entities.map((entity) => [entity.type, entity.value]));
  assert.deepEqual(found.money, { amount: 50000, currency: 'KES' });
  assert.equal(found.datetime.iso, '2025-11-27T17:00:00+03:00');
});

test('a context holds at most a thousand entities and counts the rest', (t) => {
  const engine = withEngine(t);
  const context = engine.process(message(21, '12 '.repeat(1200)));
  assert.equal(context.entities.length, 1000);
  assert.equal(context.entitiesOmitted, 200);
  assert.equal(engine.process(message(22, 'hello')).entitiesOmitted, undefined);
});

test('a whatsapp-web.js message', (t) => {
  const context = withEngine(t).process(WWEBJS);
  assert.equal(context.format, 'whatsapp-web.js');
  assert.equal(context.status, 'processed');
  assert.equal(context.message.text, 'Hi');
});

test('whatsapp-web.js edits and deletions, as message_edit and message_revoke_everyone give them', (t) => {
  const engine = withEngine(t);
  const original = { ...WWEBJS, body: 'The shower in unit 4B is broken' };
  const first = engine.process(original);
  engine.process({ ...WWEBJS, id: { ...WWEBJS.id, id: 'X2', _serialized: 'false_250788123456@c.us_X2' },
    body: 'How much is rent for apt 9?', timestamp: WWEBJS.timestamp + 30 });
  // After the edit the library gives the same message, new words, and the edit's key.
  const edit = engine.process({ ...original, body: 'The shower in unit 4C is broken',
    _data: { latestEditMsgKey: { ...WWEBJS.id, id: 'E1', _serialized: 'false_250788123456@c.us_E1' },
      latestEditSenderTimestampMs: (WWEBJS.timestamp + 60) * 1000 } });
  assert.equal(edit.status, 'processed');
  assert.equal(edit.message.id, 'false_250788123456@c.us_E1');
  assert.deepEqual(edit.message.edit, { messageId: WWEBJS.id._serialized });
  assert.equal(edit.message.timestamp, WWEBJS.timestamp + 60);
  // A deletion for everyone: the same id, type "revoked".
  const revoke = engine.process({ ...original, type: 'revoked', body: '', timestamp: WWEBJS.timestamp + 90 });
  assert.equal(revoke.status, 'processed');
  assert.equal(revoke.message.type, 'revoke');
  assert.equal(revoke.message.id, `${WWEBJS.id._serialized}#revoke`);
  assert.deepEqual(revoke.message.revoke, { messageId: WWEBJS.id._serialized });
  assert.equal(revoke.thread.id, first.thread.id);
  assert.equal(revoke.intent, undefined);
});

test('a Baileys message', (t) => {
  const context = withEngine(t).process(BAILEYS);
  assert.equal(context.format, 'baileys');
  assert.equal(context.status, 'processed');
  assert.equal(context.message.text, 'Hello');
});

test('a live Baileys object: a BigInt timestamp and a Uint8Array file hash', (t) => {
  const hash = Uint8Array.from(Buffer.from('9fcb07ccc0e0f6d5dca8fcc2d4cc35be6d2457534699105f379a7a918900d141', 'hex'));
  const context = withEngine(t).process({
    key: { remoteJid: '250788123456@s.whatsapp.net', id: 'LIVE1', fromMe: false },
    messageTimestamp: 1764000000n,
    message: { imageMessage: { mimetype: 'image/jpeg', caption: 'the leak', fileSha256: hash } },
  });
  assert.equal(context.message.timestamp, 1764000000);
  assert.equal(context.message.media.sha256, '9fcb07ccc0e0f6d5dca8fcc2d4cc35be6d2457534699105f379a7a918900d141');
});

test('a message as JSON text, Buffer or Uint8Array', (t) => {
  const engine = withEngine(t);
  const text = JSON.stringify(NORMALIZED);
  assert.equal(engine.process(text).status, 'processed');
  assert.equal(engine.process(Buffer.from(text)).status, 'duplicate');
  assert.equal(engine.process(new TextEncoder().encode(text)).status, 'duplicate');
});

test('offsets count Unicode scalar values', (t) => {
  const text = 'Muraho 😀 call +250 788 123 456 or pay RWF 2,000';
  const context = withEngine(t, { region: 'RW' }).process(message(7, text));
  assert.equal(context.message.text, text);
  assert.ok(context.entities.length > 0);
  for (const entity of context.entities) {
    assert.equal(Array.from(text).slice(entity.start, entity.end).join(''), entity.text);
  }
});

// -- duplicates -------------------------------------------------------------------------------

test('a message processed twice is a duplicate', (t) => {
  const engine = withEngine(t);
  assert.equal(engine.process(NORMALIZED).status, 'processed');
  const again = engine.process(NORMALIZED);
  assert.equal(again.status, 'duplicate');
  assert.equal(again.message.id, 'm1');
});

test('duplicates are recognized after close and reopen', (t) => {
  const { config } = tempStore(t);
  const first = new Engine(config);
  assert.equal(first.process(NORMALIZED).status, 'processed');
  assert.equal(first.process(BAILEYS).status, 'processed');
  first.close();
  const second = withEngine(t, JSON.stringify(config));
  assert.equal(second.process(NORMALIZED).status, 'duplicate');
  assert.equal(second.process(BAILEYS).status, 'duplicate');
  assert.equal(second.process(WWEBJS).status, 'processed');
});

// -- failures: one status each, and the store is untouched ------------------------------------

const BAD_INPUTS = [
  ['malformed JSON', Status.MALFORMED_JSON, '{"id": "m2", '],
  ['invalid UTF-8', Status.INVALID_UTF8, Buffer.from([...Buffer.from('{"id": "m2", "text": "'), 0xff, 0xfe, 0x22, 0x7d])],
  ['an array', Status.INVALID_MESSAGE, '[]'],
  ['a mistyped id', Status.INVALID_MESSAGE, '{"id": 5}'],
  ['an unknown type', Status.UNSUPPORTED, { ...NORMALIZED, id: 'm2', type: 'hologram' }],
  ['zero length', Status.INVALID_ARGUMENT, Buffer.alloc(0)],
  ['an empty string', Status.INVALID_ARGUMENT, ''],
  ['10 MB', Status.TOO_LARGE, { ...NORMALIZED, id: 'm2', text: 'x'.repeat(10 * 1024 * 1024) }],
];

for (const [what, status, input] of BAD_INPUTS) {
  test(`${what} is refused with its status and the store is untouched`, (t) => {
    const { config } = tempStore(t);
    const engine = new Engine(config);
    assert.equal(engine.process(NORMALIZED).status, 'processed');
    expectStatus(status, () => engine.process(input));
    assert.equal(engine.process(NORMALIZED).status, 'duplicate');
    engine.close();
    const reopened = withEngine(t, config);
    assert.equal(reopened.process(NORMALIZED).status, 'duplicate');
    assert.equal(reopened.process(message(2)).status, 'processed', 'nothing of the failed input was stored');
  });
}

test('each failure has its own message', (t) => {
  const engine = withEngine(t);
  const first = expectStatus(Status.INVALID_MESSAGE, () => engine.process('[]'));
  const second = expectStatus(Status.MALFORMED_JSON, () => engine.process('{'));
  assert.notEqual(first.message, second.message);
  assert.equal(first.name, 'ParleyError');
});

for (const config of [{ colour: 'blue' }, { store: { path: 'x.db', mode: 'fast' } }, { limits: { maxMessageBytes: 'big' } }, { region: 7 }]) {
  test(`configuration ${JSON.stringify(config)} is INVALID_CONFIG`, () => {
    expectStatus(Status.INVALID_CONFIG, () => new Engine(config));
  });
}

test('a configuration that is not JSON is MALFORMED_JSON', () => {
  expectStatus(Status.MALFORMED_JSON, () => new Engine('{region'));
});

test('limits.maxMessageBytes is applied', (t) => {
  const engine = withEngine(t, { limits: { maxMessageBytes: 64 } });
  expectStatus(Status.TOO_LARGE, () => engine.process(message(3, 'y'.repeat(100))));
});

test('a store file that is not a Parley database is CORRUPT', (t) => {
  const { dir } = tempStore(t);
  const file = path.join(dir, 'parley.db');
  fs.writeFileSync(file, "these are a tenant's notes, not a database\n".repeat(200));
  expectStatus(Status.CORRUPT, () => new Engine({ store: { path: file } }));
});

test('a store in a missing directory is STORAGE', (t) => {
  const { dir } = tempStore(t);
  expectStatus(Status.STORAGE, () => new Engine({ store: { path: path.join(dir, 'missing', 'dir', 'p.db') } }));
});

test('wrong argument types throw TypeError', (t) => {
  const engine = withEngine(t);
  assert.throws(() => engine.process(42), TypeError);
  assert.throws(() => engine.process(undefined), TypeError);
  assert.throws(() => engine.ingestWebhook({ object: 'x' }), TypeError);
  assert.throws(() => engine.ingestWebhook(WEBHOOK, 42), TypeError);
  assert.throws(() => new Engine(12), TypeError);
});

// -- webhooks ---------------------------------------------------------------------------------

test('webhook signatures are checked', (t) => {
  const { config } = tempStore(t);
  const engine = withEngine(t, { ...config, webhook: { appSecret: 's3cret' } });
  assert.equal(engine.process(NORMALIZED).status, 'processed');
  expectStatus(Status.BAD_SIGNATURE, () => engine.ingestWebhook(WEBHOOK, sign('wrong', WEBHOOK)));
  expectStatus(Status.BAD_SIGNATURE, () => engine.ingestWebhook(WEBHOOK, null));
  expectStatus(Status.BAD_SIGNATURE, () => engine.ingestWebhook(WEBHOOK));
  expectStatus(Status.BAD_SIGNATURE, () => engine.ingestWebhook(WEBHOOK, 'sha256=zz'));
  assert.equal(engine.process(NORMALIZED).status, 'duplicate');
  const result = engine.ingestWebhook(WEBHOOK, sign('s3cret', WEBHOOK));
  assert.equal(result.schema, 1);
  assert.equal(result.format, 'cloud-api');
  assert.equal(result.contexts.length, 1);
  const [context] = result.contexts;
  assert.equal(context.format, 'cloud-api');
  assert.equal(context.status, 'processed');
  assert.ok(context.entities.some((entity) => entity.type === 'email'));
  assert.equal(result.statuses.length, 1);
  const again = engine.ingestWebhook(WEBHOOK.toString('utf8'), sign('s3cret', WEBHOOK));
  assert.equal(again.contexts[0].status, 'duplicate');
});

test('without an app secret the signature header is ignored', (t) => {
  const result = withEngine(t).ingestWebhook(WEBHOOK, 'sha256=whatever');
  assert.equal(result.contexts[0].status, 'processed');
});

test('a body that is not a Cloud API webhook is UNSUPPORTED', (t) => {
  const engine = withEngine(t);
  expectStatus(Status.UNSUPPORTED, () => engine.ingestWebhook(Buffer.from('{"object": "page", "entry": []}')));
  expectStatus(Status.INVALID_ARGUMENT, () => engine.ingestWebhook(Buffer.alloc(0)));
});

// -- lifetime ---------------------------------------------------------------------------------

test('calls after close throw INVALID_ARGUMENT', () => {
  const engine = new Engine();
  engine.process(NORMALIZED);
  engine.close();
  assert.equal(engine.closed, true);
  engine.close(); // harmless
  expectStatus(Status.INVALID_ARGUMENT, () => engine.process(NORMALIZED));
  expectStatus(Status.INVALID_ARGUMENT, () => engine.ingestWebhook(WEBHOOK));
});

test('a fresh process without LD_LIBRARY_PATH loads the package and processes a message', () => {
  const env = { ...process.env };
  delete env.LD_LIBRARY_PATH;
  const script = `
    const parley = require(${JSON.stringify(PACKAGE_DIR)});
    const engine = new parley.Engine({ region: 'RW' });
    const context = engine.process(JSON.parse(process.argv[1]));
    engine.close();
    console.log(JSON.stringify({ version: parley.version(), format: context.format,
      types: context.entities.map((e) => e.type) }));`;
  const run = spawnSync(process.execPath, ['-e', script, JSON.stringify(NORMALIZED)], {
    env, cwd: os.tmpdir(), encoding: 'utf8', timeout: 60000,
  });
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout);
  assert.equal(report.version, parley.version());
  assert.equal(report.format, 'normalized');
  assert.ok(report.types.includes('money'));
});

test('an engine dropped without close is closed by its finalizer', () => {
  // Needs --expose-gc to force collection: run in a child process.
  const script = `
    const { Engine } = require(${JSON.stringify(PACKAGE_DIR)});
    for (let i = 0; i < 200; i++) new Engine().process({ ...JSON.parse(process.argv[1]), id: 'g' + i });
    global.gc();
    setImmediate(() => { global.gc(); console.log('ok'); });`;
  const env = { ...process.env };
  delete env.LD_LIBRARY_PATH;
  const run = spawnSync(process.execPath, ['--expose-gc', '-e', script, JSON.stringify(NORMALIZED)], {
    env, encoding: 'utf8', timeout: 60000,
  });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), 'ok');
});

test('threads: a return to an earlier subject reopens its thread, after a restart too', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-recall-'));
  const config = { store: { path: path.join(dir, 'parley.db') } };
  const day = 86400;
  const base = { chat: 'c11', from: '250788000124', fromMe: false, type: 'text' };
  let sink, rent;
  let engine = new Engine(config);
  try {
    sink = engine.process({ ...base, id: 'r1', timestamp: 1764000000,
      text: 'The kitchen sink in unit 4B is leaking, please send a plumber' });
    rent = engine.process({ ...base, id: 'r2', timestamp: 1764000000 + 2 * day, text: 'I paid the rent for March, RWF 350,000' });
    assert.equal(rent.thread.new, true);
    assert.deepEqual(rent.flow.closedThreads, [sink.thread.id]);
  } finally {
    engine.close();
  }
  engine = new Engine(config);
  try {
    const back = engine.process({ ...base, id: 'r3', timestamp: 1764000000 + 5 * day,
      text: "The plumber still hasn't come for the sink in 4B" });
    assert.equal(back.thread.id, sink.thread.id);
    assert.equal(back.thread.new, false);
    assert.equal(back.flow.reopened, sink.thread.id);
    assert.deepEqual(back.flow.closedThreads, [rent.thread.id]);
    const news = engine.process({ ...base, id: 'r4', timestamp: 1764000000 + 5 * day + 60, text: 'any updates??' });
    assert.equal(news.thread.id, sink.thread.id);
    assert.equal(news.flow.reopened, undefined);
    assert.equal(news.intent.name, 'maintenance_request');
    assert.equal(news.intent.fromThread, true);
    const stored = Object.fromEntries(engine.threads({ chat: 'c11' }).map((t) => [t.id, t]));
    assert.equal(stored[sink.thread.id].state, 'open');
    assert.equal(stored[sink.thread.id].lastActivity, 1764000000 + 5 * day + 60);
    assert.equal(stored[rent.thread.id].state, 'closed');
  } finally {
    engine.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('threads: a reply joins the quoted thread; list and get find it', () => {
  const engine = new Engine();
  try {
    const first = engine.process({ ...NORMALIZED, id: 't1', chat: 'c9', text: 'hello' });
    assert.equal(first.thread.new, true);
    const reply = engine.process({ ...NORMALIZED, id: 't2', chat: 'c9', timestamp: NORMALIZED.timestamp + 60,
      text: 'again', quoted: { id: 't1' } });
    assert.equal(reply.thread.id, first.thread.id);
    assert.equal(reply.flow.contextSwitch, false);
    const threads = engine.threads({ chat: 'c9' });
    assert.equal(threads.length, 1);
    assert.equal(threads[0].messageCount, 2);
    const thread = engine.thread(first.thread.id);
    assert.deepEqual(thread.messages.map((c) => c.message.id), ['t1', 't2']);
    assert.throws(() => engine.thread('no-such-thread'),
      (e) => e instanceof ParleyError && e.status === Status.NOT_FOUND && e.code === 'PARLEY_NOT_FOUND');
    assert.throws(() => engine.threads({ state: 'ajar' }),
      (e) => e instanceof ParleyError && e.status === Status.INVALID_ARGUMENT);
    assert.throws(() => engine.thread(42), TypeError);
    // Pages: small ones cover the thread once each, in order; past the end is empty.
    for (let i = 3; i < 8; i++) {
      engine.process({ ...NORMALIZED, id: `t${i}`, chat: 'c9', timestamp: NORMALIZED.timestamp + 60,
        text: `more ${i}`, quoted: { id: `t${i - 1}` } });
    }
    const page = engine.threadMessages(first.thread.id, { offset: 2, limit: 3 });
    assert.deepEqual(page.messages.map((c) => c.message.id), ['t3', 't4', 't5']);
    assert.equal(page.nextOffset, 5);
    assert.deepEqual(engine.threadMessages(first.thread.id, { offset: 50 }).messages, []);
    assert.equal(engine.threadMessages(first.thread.id).nextOffset, undefined);
    assert.throws(() => engine.threadMessages(first.thread.id, { limit: 0 }),
      (e) => e instanceof ParleyError && e.status === Status.INVALID_ARGUMENT);
    assert.throws(() => engine.threadMessages('no-such-thread'),
      (e) => e instanceof ParleyError && e.status === Status.NOT_FOUND);
  } finally {
    engine.close();
  }
});

test('language, intent and sentiment come with every text message', () => {
  const engine = new Engine({ region: 'RW', timeZone: 'Africa/Kigali' });
  try {
    const context = engine.process({ ...NORMALIZED, id: 'l1',
      text: 'The sink in my flat is leaking again!! water everywhere, please send someone tomorrow at 9am 😡' });
    assert.equal(context.language.code, 'en');
    assert.equal(context.intent.name, 'maintenance_request');
    assert.ok(context.intent.confidence > 0.75 && context.intent.confidence <= 1);
    assert.equal(context.sentiment.label, 'negative');
    assert.ok(context.sentiment.urgency > 0.5, JSON.stringify(context.sentiment));
    const when = context.entities.find((e) => e.type === 'datetime');
    assert.ok(when, JSON.stringify(context.entities));
    assert.equal(when.value.iso, '2025-11-25T09:00:00+02:00');
    const photo = engine.process({ ...NORMALIZED, id: 'l2', type: 'image', text: '', media: { mimetype: 'image/jpeg' } });
    assert.equal(photo.intent, undefined);
    assert.equal(photo.sentiment, undefined);
  } finally {
    engine.close();
  }
});

test('an intent model trained from JSONL is loaded and used; bad data is refused', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-intent-'));
  const model = path.join(dir, 'model.bin');
  const data = [
    ['the shower is broken', 'repair'], ['my sink leaks', 'repair'], ['the light does not work', 'repair'],
    ['I paid the rent today', 'payment'], ['rent sent by mobile money', 'payment'], ['here is my payment', 'payment'],
  ].map(([text, intent]) => JSON.stringify({ text, intent })).join('\n');
  const engine = new Engine();
  try {
    const summary = parley.trainIntentModel(data, model);
    assert.equal(summary.examples, 6);
    assert.deepEqual(summary.intents, ['payment', 'repair']);
    engine.loadIntentModel(model);
    assert.equal(engine.process({ ...NORMALIZED, id: 'i1', text: 'the shower leaks' }).intent.name, 'repair');
    assert.throws(() => parley.trainIntentModel('{"text": 1}', model),
      (e) => e instanceof ParleyError && e.status === Status.INVALID_ARGUMENT && /line 1/.test(e.message));
    fs.writeFileSync(model, 'not a model');
    assert.throws(() => engine.loadIntentModel(model), (e) => e instanceof ParleyError && e.status === Status.CORRUPT);
    assert.throws(() => engine.loadIntentModel(path.join(dir, 'missing.bin')),
      (e) => e instanceof ParleyError && e.status === Status.STORAGE);
  } finally {
    engine.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a phone number alone continuing a thread reads as its request, unscored', () => {
  const engine = new Engine();
  try {
    const base = { ...NORMALIZED, chat: 'c10', from: '250788000123' };
    const ask = engine.process({ ...base, id: 'd1',
      text: 'Hello, can I book a viewing of the 2 bedroom flat on Saturday? Please call me' });
    assert.equal(ask.thread.intent, 'viewing_booking');
    const phone = engine.process({ ...base, id: 'd2', timestamp: NORMALIZED.timestamp + 60, text: '+250 788 123 456' });
    assert.equal(phone.thread.id, ask.thread.id);
    assert.deepEqual(phone.intent, { name: 'viewing_booking', confidence: 0, alternatives: [], outOfScope: false, fromThread: true });
    assert.equal(phone.language, undefined);
  } finally {
    engine.close();
  }
});

test('lookup lists are matched with typo tolerance and name the thread', () => {
  const engine = new Engine();
  try {
    const counts = engine.setLookups({ property: [{ id: 'p1', name: 'Kacyiru Heights', aliases: ['KH'] }] });
    assert.deepEqual(counts, { property: 1 });
    const context = engine.process({ ...NORMALIZED, id: 'k1', text: 'Is there a flat free at Kacyiru Hights?' });
    const match = context.entities.find((e) => e.type === 'property');
    assert.ok(match, JSON.stringify(context.entities));
    assert.equal(match.value.id, 'p1');
    assert.equal(match.source, 'lookup');
    assert.equal(context.thread.topic, 'Kacyiru Heights');
    assert.throws(() => engine.setLookups({ property: [{ aliases: [] }] }),
      (e) => e instanceof ParleyError && e.status === Status.INVALID_ARGUMENT && /property\[0\]/.test(e.message));
    assert.deepEqual(engine.setLookups({ property: [] }), {});
  } finally {
    engine.close();
  }
});

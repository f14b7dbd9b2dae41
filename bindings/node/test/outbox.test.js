'use strict';
// The outbox through the Node binding: batches inside the limits on a fake clock, confirmations
// with Cloud API and Baileys errors, delivery statuses that only move forward.

const test = require('node:test');
const assert = require('node:assert/strict');

const { Engine, ParleyError } = require('..');

const LIMITS = { perSecond: 2, perMinute: 100, perHour: 1000, recipient: { minSpacingMs: 0 } };

test('batches stay inside the windows and sends are confirmed', () => {
  const engine = new Engine({ outbox: LIMITS });
  try {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(engine.outboxEnqueue({ to: `25078800${1000 + i}@c.us`, text: 'Rent is due' }));
    assert.equal(new Set(ids).size, 5);
    assert.equal(engine.outboxEnqueue({ to: '250788001000', text: 'again', idempotencyKey: 'k' }) > 0, true);
    const batch = engine.outboxNextBatch({ nowMs: 1000, max: 10 });
    assert.equal(batch.sends.length, 2);
    assert.equal(batch.sends[0].recipient, '250788001000');
    assert.equal(batch.sends[0].outsideServiceWindow, true);
    assert.equal(engine.outboxNextBatch({ nowMs: 1500, max: 10 }).sends.length, 0);
    engine.outboxConfirm(batch.sends[0].id, true, { messageId: 'wamid.N1' });
    assert.equal(engine.outboxDelivery({ id: 'wamid.N1', status: 'read', timestamp: '1700000000' }), true);
    assert.equal(engine.outboxDelivery({ messageId: 'wamid.N1', status: 'delivered' }), true);
    assert.equal(engine.outboxGet(batch.sends[0].id).state, 'read');
    assert.equal(engine.outboxDelivery({ id: 'wamid.none', status: 'sent' }), false);
    // Baileys' rate-overlimit Error halves the limits; the send comes back.
    const limited = new Error('rate-overlimit');
    limited.data = 429;
    engine.outboxConfirm(batch.sends[1].id, false, limited);
    const status = engine.outboxStatus();
    assert.equal(status.throttle, 0.5);
    assert.equal(status.states.sent, 0);
    assert.equal(status.states.read, 1);
    assert.equal(engine.outboxGet(batch.sends[1].id).failures, 0);
  } finally {
    engine.close();
  }
});

test('bad sends and unknown ids are ParleyErrors', () => {
  const engine = new Engine();
  try {
    assert.throws(() => engine.outboxEnqueue({ to: 'someone', text: 'x' }), (e) => e instanceof ParleyError && e.code === 'PARLEY_INVALID_ARGUMENT');
    assert.throws(() => engine.outboxEnqueue('{'), (e) => e instanceof ParleyError && e.code === 'PARLEY_MALFORMED_JSON');
    assert.throws(() => engine.outboxConfirm(4242, true), (e) => e instanceof ParleyError && e.code === 'PARLEY_NOT_FOUND');
    assert.throws(() => engine.outboxGet(4242), (e) => e instanceof ParleyError && e.code === 'PARLEY_NOT_FOUND');
    assert.throws(() => engine.outboxNextBatch({ nowMs: -1 }), (e) => e instanceof ParleyError && e.code === 'PARLEY_INVALID_ARGUMENT');
    assert.throws(() => engine.outboxNextBatch({ nowMs: 1.5 }), TypeError);
  } finally {
    engine.close();
  }
  assert.throws(() => new Engine({ outbox: { perSecnd: 1 } }), (e) => e instanceof ParleyError && e.code === 'PARLEY_INVALID_CONFIG');
});

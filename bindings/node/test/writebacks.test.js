'use strict';
// Write-backs parked while a breaker is open, through the Node binding.

const test = require('node:test');
const assert = require('node:assert/strict');

const { Engine, ParleyError } = require('..');

test('parked while the breaker is open, replayed in order after', () => {
  const engine = new Engine({ breakers: { sheets: { window: 4, minimumCalls: 2, openSeconds: 10 } } });
  try {
    for (const t of [1000, 2000]) {
      assert.equal(engine.breakerAllow('sheets', t), true);
      engine.breakerRecord('sheets', false, 1000, t);
    }
    const first = engine.parkWriteBack('sheets', { row: 1 }, { key: 'row-1', nowMs: 3000 });
    assert.equal(engine.parkWriteBack('sheets', { row: 1 }, { key: 'row-1', nowMs: 3100 }), first);
    engine.parkWriteBack('sheets', { row: 2 }, { nowMs: 3200 });
    assert.deepEqual(engine.replayWriteBacks('sheets', { nowMs: 4000 }).writebacks, []);
    const due = engine.replayWriteBacks('sheets', { nowMs: 20000 });
    assert.deepEqual(due.writebacks.map((w) => w.payload.row), [1, 2]);
    engine.confirmWriteBack(first, true);
    assert.throws(() => engine.confirmWriteBack(first, true), (e) => e instanceof ParleyError && e.code === 'PARLEY_NOT_FOUND');
  } finally {
    engine.close();
  }
});

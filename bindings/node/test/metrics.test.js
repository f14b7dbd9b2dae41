'use strict';
// Metrics (engine.metrics, engine.metricsPrometheus) through the Node binding.

const test = require('node:test');
const assert = require('node:assert/strict');

const { Engine, ParleyError } = require('..');

const message = (i) => ({ id: `m${i}`, chat: `c${i % 3}`, from: `c${i % 3}`, timestamp: 1764000000 + i * 400,
  type: 'text', text: `unit ${i}B has no water` });

test('metrics count outcomes and time every stage', () => {
  const engine = new Engine();
  try {
    for (let i = 0; i < 12; i++) engine.process(message(i));
    engine.process(message(0));
    assert.throws(() => engine.process('{broken'), ParleyError);
    const m = engine.metrics();
    assert.equal(m.schema, 1);
    assert.deepEqual([m.messages.processed, m.messages.duplicate, m.messages.error], [12, 1, 1]);
    for (const stage of ['parse', 'enrich', 'journal', 'total']) {
      const s = m.latencyMicros[stage];
      assert.ok(s && s.count >= 12 && s.p50 <= s.p99 && s.p99 <= s.max, `${stage}: ${JSON.stringify(s)}`);
    }
    assert.ok(m.process.rssBytes > 1e6);
    assert.ok(Array.isArray(m.alerts) && Array.isArray(m.history));
    const text = engine.metricsPrometheus();
    assert.match(text, /^parley_messages_total\{outcome="processed"\} 12$/m);
    assert.match(text, /# TYPE parley_stage_duration_seconds histogram/);
  } finally {
    engine.close();
  }
  assert.throws(() => engine.metrics(), ParleyError);
});

'use strict';
// The conversation report through the Node binding (node --test bindings/node/test/): a page per
// chat with the store's counts, the chat filter and title, escaping, masking, an empty store and
// bad options.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { Engine, ParleyError, Status } = require('..');

const ALINE = '250788123456@c.us';
const ERIC = '250722987654@c.us';

function message(id, chat, text, timestamp) {
  return { id, chat, from: chat, timestamp, type: 'text', text };
}

function count(text, needle) {
  return text.split(needle).length - 1;
}

function filled(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-node-report-'));
  const engine = new Engine({ store: { path: path.join(dir, 'p.db') } });
  t.after(() => {
    engine.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  engine.process(message('a1', ALINE, 'Hello, the kitchen tap in unit 4B is leaking since last night', 1764057600));
  engine.process(message('a2', ALINE, 'This is unacceptable!! Water everywhere, call +250 788 555 444', 1764057700));
  engine.process(message('e1', ERIC, 'Is the 2 bedroom in Kimihurura available? <img src=x onerror=alert(1)>', 1764060000));
  engine.process(message('e2', ERIC, 'Can I view it on Saturday at 10am?', 1764060100));
  engine.fail(ERIC, 'e2', { status: 'calendar_down', message: 'HTTP 502' }, 1764060200000);
  return engine;
}

test('a page per chat with the store\'s counts, escaped and masked', (t) => {
  const engine = filled(t);
  const html = engine.reportHtml({ generatedAt: 1764100000 });
  assert.equal(typeof html, 'string');
  assert.ok(html.startsWith('<!DOCTYPE html>'));
  assert.equal(count(html, '<section class="chat"'), 2);
  for (const chat of [ALINE, ERIC]) {
    const messages = engine.threads({ chat, limit: 1000 }).reduce((sum, thread) => sum + thread.messageCount, 0);
    const letters = engine.dlq.list({ chat }).length;
    assert.ok(html.includes(`data-messages="${messages}" data-dead-letters="${letters}"`), chat);
  }
  assert.ok(html.includes('data-chats="2" data-messages="4" data-dead-letters="1"'));
  assert.equal(count(html, '<svg '), 6);
  assert.ok(!html.includes('<img src=x') && html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(!html.includes('788 555 444') && !html.includes('250788123456') && html.includes('+250*******44'));
});

test('chat filter, title, an empty store and bad options', (t) => {
  const engine = filled(t);
  const one = engine.reportHtml({ chat: ALINE, title: 'Kacyiru <Heights>' });
  assert.equal(count(one, '<section class="chat"'), 1);
  assert.ok(one.includes('<title>Kacyiru &lt;Heights&gt;</title>') && !one.includes('Kimihurura'));
  const empty = new Engine();
  t.after(() => empty.close());
  assert.ok(empty.reportHtml().includes('The store holds no messages yet.'));
  assert.ok(empty.reportHtml(null).includes('</html>'));
  assert.throws(() => engine.reportHtml({ colour: 'red' }),
    (error) => error instanceof ParleyError && error.status === Status.INVALID_ARGUMENT && error.message.includes('parley_report_html'));
  assert.throws(() => engine.reportHtml({ messageLimit: -1 }), (error) => error instanceof ParleyError && error.status === Status.INVALID_ARGUMENT);
  assert.throws(() => engine.reportHtml('chat'), TypeError);
  assert.throws(() => engine.reportHtml([1]), TypeError);
});

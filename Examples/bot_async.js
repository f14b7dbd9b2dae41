#!/usr/bin/env node
'use strict';
// The bot of bot.js, asynchronous: submit() returns a ticket at once, Parley's worker threads
// enrich the messages (in parallel across chats, in order within each chat) and every result
// arrives as a 'result' event on the JS thread. Usage: node Examples/bot_async.js [FILE.jsonl]

const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { setTimeout: sleep } = require('node:timers/promises');
const { Engine, ParleyError } = require('../bindings/node');
const { decide } = require('./bot.js');

const config = JSON.parse(fs.readFileSync(path.join(__dirname, 'config.json'), 'utf8'));

async function main() {
  const file = process.argv[2] || path.join(__dirname, 'conversation.jsonl');
  const engine = new Engine(config);
  engine.on('result', ({ ticket, context, error }) => {
    if (error) console.log(`#${ticket} failed: ${error.code}: ${error.message}`);
    else console.log(`#${ticket} ${context.message.from} [${context.format}] ${decide(context)}`);
  });
  try {
    const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      for (;;) {
        try {
          engine.submit(line, { priority: 'normal' });
          break;
        } catch (error) {
          if (!(error instanceof ParleyError)) throw error;
          if (error.code !== 'PARLEY_BUSY') {
            console.log(`skipped: ${error.code}: ${error.message}`);
            break;
          }
          await sleep(10); // backpressure: let the results drain, then retry
        }
      }
    }
    await engine.drain(); // every result emitted before this resolves
  } finally {
    engine.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

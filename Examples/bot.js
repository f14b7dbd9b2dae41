#!/usr/bin/env node
'use strict';
// A bot loop: read a JSONL conversation line by line, enrich each message with Parley and decide
// a reply. Usage: node Examples/bot.js [FILE.jsonl]   (default: Examples/conversation.jsonl)

const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { Engine, ParleyError } = require('../bindings/node');

const config = JSON.parse(fs.readFileSync(path.join(__dirname, 'config.json'), 'utf8'));

/** What the bot does with one enriched context: a reply, or why it stays quiet. */
function decide({ status, message, entities }) {
  if (status === 'duplicate') return '(duplicate delivery: already answered)';
  if (message.fromMe) return '(our own message)';
  const first = (type) => entities.find((entity) => entity.type === type);
  const money = first('money');
  if (money) {
    const { amount, currency } = money.value;
    const label = currency ? `${currency} ` : '';
    return `-> Thanks, payment of ${label}${Number(amount).toLocaleString('en-US')} noted.`;
  }
  const phone = first('phone');
  if (phone) return `-> Saved the number ${phone.value.e164}.`;
  const email = first('email');
  if (email) return `-> We will write to ${email.value.address}.`;
  if (message.type !== 'text') return `-> Got your ${message.type}.`;
  return '-> Hello! Send a payment or a contact and I will record it.';
}

async function main() {
  const file = process.argv[2] || path.join(__dirname, 'conversation.jsonl');
  const engine = new Engine(config);
  try {
    const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      try {
        const context = engine.process(line);
        console.log(`${context.message.from} [${context.format}] ${decide(context)}`);
      } catch (error) {
        if (!(error instanceof ParleyError)) throw error;
        console.log(`skipped: ${error.code}: ${error.message}`);
      }
    }
  } finally {
    engine.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

#!/usr/bin/env node
'use strict';
// A bot loop: read a JSONL conversation line by line, enrich each message with Parley and decide
// a reply. Usage: node Examples/bot.js [FILE.jsonl]   (default: Examples/conversation.jsonl)
// Examples/bot_async.js does the same without blocking the event loop (submit + 'result' events).

const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { Engine, ParleyError } = require('../bindings/node');

const config = JSON.parse(fs.readFileSync(path.join(__dirname, 'config.json'), 'utf8'));

/** What the bot does with one enriched context: a reply, or why it stays quiet. */
function decide({ status, message, entities, intent, sentiment, thread, flow }) {
  if (status === 'duplicate') return '(duplicate delivery: already answered)';
  if (message.fromMe) return '(our own message)';
  const first = (type) => entities.find((entity) => entity.type === type);
  const topic = flow.contextSwitch ? ` [new subject: ${thread.topic}]` : '';
  if (sentiment && sentiment.urgency >= 0.6) return `-> URGENT: paging the on-call manager.${topic}`;
  const money = first('money');
  switch (intent && intent.name) {
    case 'rent_payment':
      if (money) {
        const { amount, currency } = money.value;
        return `-> Thanks, payment of ${currency ? `${currency} ` : ''}${Number(amount).toLocaleString('en-US')} noted.${topic}`;
      }
      return `-> Please send the amount and the reference of your payment.${topic}`;
    case 'maintenance_request':
    case 'complaint': {
      const unit = first('unit') || first('property');
      return `-> Sorry about that! A technician will contact you${unit ? ` about ${unit.text}` : ''}.${topic}`;
    }
    case 'viewing_booking': {
      const when = first('datetime');
      return `-> Booked${when ? ` for ${when.value.iso || when.text}` : ''}; we will confirm shortly.${topic}`;
    }
    case 'availability':
    case 'price_inquiry':
      return `-> Here are our available units and prices: https://example.rw/listings${topic}`;
    case 'greeting': return `-> Hello! How can we help?${topic}`;
    case 'thanks': return '-> You are welcome!';
    default:
      if (message.type !== 'text') return `-> Got your ${message.type}.${topic}`;
      return `-> Passing this to a person on our team.${topic}`;
  }
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

module.exports = { decide };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}

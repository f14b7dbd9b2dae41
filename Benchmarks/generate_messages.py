#!/usr/bin/env python3
"""Writes N realistic tenant messages as JSONL, cycling through the three per-message input
formats (normalized, whatsapp-web.js, Baileys), for throughput runs.
Usage: generate_messages.py N > messages.jsonl"""
import json
import random
import sys

TEXTS = [
    "Hi, I paid RWF 50,000 for unit 4B this morning, reference attached",
    "The kitchen sink in apt 12 is leaking again 😡 please send someone today",
    "Can I book a viewing for the 2BR on Kimihurura road? Call me on 0788 123 456",
    "Rent for December: KES 35,000 sent via M-Pesa. Email receipt to amina@example.co.ke",
    "Is the studio still available? What is the deposit, $1,200/month?",
    "Murakoze! The plumber fixed it 👍",
    "Please check https://example.rw/listing/42 and tell me the price",
    "I will be late with rent, can I pay 25000 on Friday and the rest next week?",
]


def normalized(i, chat, text, ts):
    return {"id": f"n{i}", "chat": chat, "from": chat, "fromMe": False, "timestamp": ts, "type": "text", "text": text}


def wwebjs(i, chat, text, ts):
    return {"id": {"fromMe": False, "remote": chat, "id": f"3EB0{i:012X}", "_serialized": f"false_{chat}_3EB0{i:012X}"},
            "from": chat, "to": "250780000000@c.us", "body": text, "type": "chat", "timestamp": ts,
            "hasMedia": False, "fromMe": False, "hasQuotedMsg": False, "deviceType": "android"}


def baileys(i, chat, text, ts):
    jid = chat.replace("@c.us", "@s.whatsapp.net")
    return {"key": {"remoteJid": jid, "fromMe": False, "id": f"BAE5{i:012X}"}, "messageTimestamp": ts,
            "pushName": "Tenant", "message": {"conversation": text}}


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    rng = random.Random(42)
    makers = [normalized, wwebjs, baileys]
    out = sys.stdout
    for i in range(count):
        chat = f"2507881{rng.randrange(100000):05d}@c.us"
        message = makers[i % 3](i, chat, rng.choice(TEXTS), 1764000000 + i)
        out.write(json.dumps(message, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

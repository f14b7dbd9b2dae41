#!/usr/bin/env python3
"""Builds the seed corpora in Fuzz/Corpus/<target>/ from the project's real payloads:
Tests/Fixtures/messages, Tests/Fixtures/webhooks, Tests/Fixtures/intent and Examples/.
Seeds are named seed-*; files libFuzzer or a person adds (crash reproducers, named
crash-*/regression-*) are left alone. Run again after the fixtures change."""
import hashlib, hmac, json, os, struct, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(HERE, "Corpus")
SECRET = b"fuzz-app-secret"  # the app secret FuzzWebhook configures


def read(*parts):
    with open(os.path.join(ROOT, *parts), "rb") as f:
        return f.read()


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def write(target, seeds):
    directory = os.path.join(CORPUS, target)
    os.makedirs(directory, exist_ok=True)
    for name in os.listdir(directory):
        if name.startswith("seed-"):
            os.remove(os.path.join(directory, name))
    for index, data in enumerate(seeds):
        with open(os.path.join(directory, "seed-%03d" % index), "wb") as f:
            f.write(data)
    print("%-12s %3d seeds" % (target, len(seeds)))


messages = []
for name in ("normalized.json", "whatsapp-web.js.json", "baileys.json"):
    for case in json.loads(read("Tests", "Fixtures", "messages", name)):
        messages.append(compact(case["input"]))
for line in read("Examples", "conversation.jsonl").splitlines():
    if line.strip():
        messages.append(line.strip())

webhook_bodies = [read("Tests", "Fixtures", "webhooks", n) for n in ("cloud-api-messages.json", "cloud-api-statuses.json")]
webhook_bodies.append(read("Examples", "webhook.json"))
# Single Cloud API message objects are a message format of their own.
for body in webhook_bodies:
    for entry in json.loads(body).get("entry", []):
        for change in entry.get("changes", []):
            for message in change.get("value", {}).get("messages", []):
                messages.append(compact(message))

webhooks = []
for body in webhook_bodies:
    signature = b"sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest().encode()
    webhooks.append(b"\x00" + body)                              # harness signs it
    webhooks.append(b"\x01" + signature + b"\n" + body)          # header line as given
    webhooks.append(b"\x01" + b"sha256=" + b"0" * 64 + b"\n" + body)  # wrong signature
    webhooks.append(b"\x02" + body)                              # no app secret

configs = [
    read("Examples", "config.json"),
    b"{}",
    b'{"region": "US", "timeZone": "America/New_York", "dayFirst": false, "currency": "usd"}',
    b'{"timeZone": "+02:00", "language": {"intentThreshold": 0.5, "emojiWeight": 2}}',
    b'{"limits": {"maxMessageBytes": 100}, "threads": {"inactivityMinutes": 30}}',
    b'{"webhook": {"appSecret": "s3cret"}, "store": {"synchronous": "full", "busyTimeoutMillis": 100}}',
    b'{"breakers": {"default": {"window": 40, "openSeconds": 10}, "sheets": {"failureRate": 0.25, "window": 20, '
    b'"minimumCalls": 12, "openSeconds": 2.5, "slowCallMicros": 2000000, "slowCallRate": 0.5, "halfOpenPermits": 1}}}',
    b'{"lookups": {"unit": [{"name": "12B", "aliases": ["apt 12B"]}], "tenant": [{"id": "t1", "name": "Aline Uwase"}]}}',
]

intent_lines = read("Tests", "Fixtures", "intent", "snips", "train.tsv").decode().splitlines()
intent_data = [
    ("\n".join(intent_lines[:1] + intent_lines[1:40:3]) + "\n").encode(),   # TSV with header
    ("\r\n".join(intent_lines[300:330:2]) + "\r\n").encode(),              # TSV, CRLF, no header
    b"".join(compact({"text": l.rsplit("\t", 1)[0], "intent": l.rsplit("\t", 1)[1]}) + b"\n" for l in intent_lines[500:530:2]),
    b'{"text": "the tap is leaking", "intent": "repair"}\n\n{"text": "when is rent due", "intent": "rent"}\n',
]


def model_file(labels, buckets, hash_bits=10):
    """An intent model file as IntentModelFile.swift writes it (format 1)."""
    out = b"PRLYINT" + bytes([1, hash_bits, 3, 5, 1])
    out += struct.pack("<II", len(labels), len(buckets)) + struct.pack("<fff", 1.0, 1.0, 1.25)
    for label in labels:
        raw = label.encode()
        out += struct.pack("<I", len(raw)) + raw
    out += b"".join(struct.pack("<I", b) for b in buckets)
    out += b"".join(struct.pack("<f", 1.0 + i / 8) for i in range(len(buckets)))
    out += b"".join(struct.pack("<f", 0.1 * k) for k in range(len(labels)))
    out += b"".join(struct.pack("<f", ((r * 7 + k * 3) % 11 - 5) / 4) for r in range(len(buckets)) for k in range(len(labels)))
    return out + struct.pack("<I", zlib.crc32(out) & 0xFFFFFFFF)


models = []
for labels, buckets in ((["rent", "repair"], [3, 17, 200, 1000]),
                        (["other", "rent", "repair", "viewing"], list(range(5, 1024, 37))),
                        (["a", "ü"], [])):
    data = model_file(labels, buckets)
    models.append(b"\x00" + data)        # as a file, checksum included
    models.append(b"\x01" + data[:-4])   # the harness seals it

write("json", messages + webhook_bodies + configs + [b'[1, -0.0, 1e308, 1E-7, "\\u00e9\\ud83d\\ude00", {"a": [null, true, false]}]'])
write("message", messages)
write("webhook", webhooks)
write("config", configs)
write("intentdata", intent_data)
write("intentmodel", models)

# The host calls of FuzzHostCalls: the first byte picks the call.
host_calls = [
    b"\x00" + compact({"to": "+250 788 123 456", "text": "Your viewing is at 5pm", "priority": "high", "idempotencyKey": "v-17"}),
    b"\x00" + compact({"to": "250788123456@c.us", "media": {"url": "https://example.com/lease.pdf"}, "at": 1764000000000}),
    b"\x01" + compact({"id": "wamid.HBgM", "recipient_id": "250788123456", "status": "delivered", "timestamp": "1764000000"}),
    b"\x01" + compact({"key": {"id": "3EB0"}, "update": {"status": 4}}),
    b"\x01" + compact({"id": "3EB0", "ack": 3}),
    b"\x02\x00" + compact({"error": {"code": 130429, "message": "Rate limit hit"}}),
    b"\x02\x00" + b"rate-overlimit",
    b"\x02\x01" + compact({"messages": [{"id": "wamid.OK"}]}),
    b"\x03" + compact({"event": "qr", "at": 1764000000000}),
    b"\x03" + compact({"event": "connection.update", "connection": "close", "lastDisconnect": {"error": {"output": {"statusCode": 515}}}, "at": 1764000001000}),
    b"\x03" + compact({"event": "disconnected", "reason": "LOGOUT", "at": 1764000002000}),
    b"\x04" + compact({"at": 1764000000000, "latencyMs": 120, "ok": True, "inbound": 3, "activeChats": 2}),
    b"\x05" + b"sheets:tenants!A1:F200\n" + compact({"ttlMs": 60000, "tags": ["range:tenants"], "staleMs": 1000}),
    b"\x06" + "Call +250 788 123 456 or mail aline@example.com (chat 250788123456@c.us) on 2026-11-25".encode(),
]
write("hostcalls", host_calls)

"""Security through the Python binding and the real libParley.so: no phone number or email in
any log line or error message of a full run, owner-only files, webhook replays and body limits."""

import hashlib
import hmac
import json
import logging
import re
import stat
from pathlib import Path

import pytest

from parley import Engine, ParleyError, Status

ROOT = Path(__file__).resolve().parents[3]
CONVERSATION = ROOT / "Examples" / "conversation.jsonl"
CONFIG = ROOT / "Examples" / "config.json"

PHONE_LIKE = re.compile(r"\+?\d[\d \-().]{6,}\d")
EMAIL = re.compile(r"[\w.+%-]+@[\w-]+\.[\w.]+")


def numbers_in(text):
    """The digit strings of every phone-like run of 8+ digits in text (as a tenant wrote it)."""
    found = set()
    for match in PHONE_LIKE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) >= 8:
            found.add(digits)
    return found


def webhook_body(phone, wamid, text):
    return json.dumps({"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{
        "field": "messages", "value": {"messaging_product": "whatsapp", "metadata": {"phone_number_id": "1"},
                                       "contacts": [{"wa_id": phone, "profile": {"name": "Tenant"}}],
                                       "messages": [{"from": phone, "id": wamid, "timestamp": "1764057600",
                                                     "type": "text", "text": {"body": text}}]}}]}]}).encode()


def test_a_full_run_logs_no_unmasked_number_or_email(tmp_path):
    """The example conversation, plus every kind of failure a host meets, with the log at debug
    to a file and to a handler: then every log line and every error message is searched for
    the numbers and emails the input carried."""
    config = json.loads(CONFIG.read_text())
    config["media"]["directory"] = str(ROOT / "Examples" / "media")
    config["store"] = {"path": str(tmp_path / "parley.db")}
    config["log"] = {"path": str(tmp_path / "parley.log"), "level": "debug"}
    config["webhook"] = {"appSecret": "s3cret"}
    conversation = CONVERSATION.read_text()
    secrets = numbers_in(conversation) | {"250788555777", "447700900123", "250722333444"}
    emails = {"aline.uwase@example.com", "eric@kacyiru.rw"}
    handled, errors = [], []
    with Engine(config) as engine:
        engine.set_log_handler(handled.append, level="debug")
        for line in conversation.splitlines():
            engine.process(line)
        bad_inputs = [
            # a timestamp that is not one, from a phone-number chat
            {"id": "x1", "chat": "250788555777@c.us", "from": "250788555777@c.us", "timestamp": "soon",
             "type": "text", "text": "call +250 788 555 777 or mail aline.uwase@example.com"},
            # an unknown type
            {"id": "x2", "chat": "447700900123@c.us", "from": "447700900123@c.us", "timestamp": 1764057600,
             "type": "hologram", "text": "eric@kacyiru.rw"},
            "{not json from +250722333444",
        ]
        for bad in bad_inputs:
            with pytest.raises(ParleyError) as caught:
                engine.process(bad)
            errors.append(caught.value.message)
        body = webhook_body("250722333444", "wamid.S1", "my number is +250 722 333 444")
        with pytest.raises(ParleyError) as caught:
            engine.ingest_webhook(body, "sha256=" + "0" * 64)
        assert caught.value.status == Status.BAD_SIGNATURE
        errors.append(caught.value.message)
        good = "sha256=" + hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
        assert engine.ingest_webhook(body, good)["replay"] is False
        assert engine.ingest_webhook(body, good)["replay"] is True
        engine.fail("250722333444", "wamid.S1", {"message": "sending to +250722333444 (eric@kacyiru.rw) failed"})
        with pytest.raises(ParleyError) as caught:
            engine.dlq_get("250788555777@c.us", "nothing")
        errors.append(caught.value.message)
    log_text = (tmp_path / "parley.log").read_text()
    lines = [json.loads(line) for line in log_text.splitlines()]
    assert len(lines) >= 8, log_text
    assert {"engine.open", "message.rejected", "webhook.signature", "webhook.replay", "message.failed",
            "engine.close"} <= {line["event"] for line in lines}
    assert [line["event"] for line in handled] == [line["event"] for line in lines[1:]], \
        "the handler, set after open, saw every later line"
    everything = log_text + "\n" + json.dumps(handled) + "\n" + "\n".join(errors)
    leaked = sorted(d for d in numbers_in(everything) if any(d in s or s in d for s in secrets if len(s) >= 8))
    assert not leaked, f"unmasked numbers: {leaked}"
    assert not (set(EMAIL.findall(everything)) & emails), EMAIL.findall(everything)
    assert "250*******77@c.us" in everything and "e***@kacyiru.rw" in everything


def test_files_are_owner_only(tmp_path):
    media = tmp_path / "media"
    with Engine({"store": {"path": str(tmp_path / "p.db")}, "log": {"path": str(tmp_path / "p.log")},
                 "media": {"directory": str(media), "keepInline": True}}) as engine:
        png = (ROOT / "Examples" / "media").glob("*.jpg")
        photo = next(png).read_bytes()
        import base64
        engine.process({"id": "p1", "chat": "c1", "from": "c1", "timestamp": 1764057600, "type": "image",
                        "media": {"mimetype": "image/jpeg", "data": base64.b64encode(photo).decode()}})
    for path in [tmp_path / "p.db", tmp_path / "p.log", *[p for p in media.rglob("*") if p.is_file()]]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for path in [media, *[p for p in media.rglob("*") if p.is_dir()]]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o700, path


def test_log_handler_takes_a_logger_and_levels(caplog):
    with Engine() as engine:
        with pytest.raises(ValueError):
            engine.set_log_handler(print, level="loud")
        with pytest.raises(TypeError):
            engine.set_log_handler(42)
        engine.set_log_handler(logging.getLogger("parley.engine"), level="info")
        with caplog.at_level(logging.INFO, logger="parley.engine"):
            with pytest.raises(ParleyError):
                engine.process({"id": "m", "chat": "+250 788 123 456", "from": "x", "timestamp": 1, "type": "nope"})
        records = [r for r in caplog.records if r.name == "parley.engine"]
        assert records and records[0].parley["event"] == "message.rejected"
        assert "788 123 456" not in records[0].getMessage()
        engine.set_log_handler(None)


def test_webhook_body_limit(tmp_path):
    with Engine({"webhook": {"maxBodyBytes": 64}}) as engine:
        with pytest.raises(ParleyError) as caught:
            engine.ingest_webhook(webhook_body("250788123456", "wamid.L", "hello"))
        assert caught.value.status == Status.TOO_LARGE
        assert "webhook.maxBodyBytes" in caught.value.message

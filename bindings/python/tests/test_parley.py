"""Tests of the Python binding through the real libParley.so (run against the installed package)."""

import hashlib
import hmac
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import parley
from parley import Engine, ParleyError, Status

HEADER = Path(__file__).resolve().parents[3] / "include" / "parley.h"

NORMALIZED = {"id": "m1", "chat": "250788123456@c.us", "from": "250788123456@c.us", "fromMe": False,
              "timestamp": 1764000000, "type": "text", "text": "Rent RWF 50,000 paid"}
WWEBJS = {"id": {"fromMe": False, "remote": "250788123456@c.us", "id": "3EB0ABC",
                 "_serialized": "false_250788123456@c.us_3EB0ABC"},
          "body": "Hi", "type": "chat", "timestamp": 1764000000, "from": "250788123456@c.us",
          "to": "250700000000@c.us", "fromMe": False, "hasMedia": False, "hasQuotedMsg": False}
BAILEYS = {"key": {"remoteJid": "250788123456@s.whatsapp.net", "fromMe": False, "id": "BAE5F0"},
           "messageTimestamp": 1764000000, "pushName": "Aline", "message": {"conversation": "Hello"}}
WEBHOOK = json.dumps({
    "object": "whatsapp_business_account",
    "entry": [{"id": "102290129340398", "changes": [{"field": "messages", "value": {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"},
        "contacts": [{"profile": {"name": "Aline"}, "wa_id": "250788123456"}],
        "messages": [{"from": "250788123456", "id": "wamid.HBgLMjUwNzg4MTIzNDU2FQIAEhggQTE=",
                      "timestamp": "1764000100", "type": "text",
                      "text": {"body": "The sink in unit 4B leaks, email me at aline@example.rw"}}],
        "statuses": [{"id": "wamid.OUT1", "status": "delivered", "timestamp": "1764000090",
                      "recipient_id": "250788123456"}]}}]}]}).encode()


def message(i, text="hello"):
    return dict(NORMALIZED, id=f"m{i}", text=text)


def sign(secret, body):
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@pytest.fixture
def engine():
    with Engine() as e:
        yield e


@pytest.fixture
def store_config(tmp_path):
    return {"store": {"path": str(tmp_path / "parley.db")}}


def expect(status, call, *args):
    with pytest.raises(ParleyError) as caught:
        call(*args)
    assert caught.value.status is status, caught.value
    assert caught.value.message, "parley_last_error() should describe the failure"
    return caught.value


# -- library ------------------------------------------------------------------------------

def test_version_matches_the_header():
    text = HEADER.read_text()
    expected = ".".join(re.search(rf"#define PARLEY_VERSION_{p} (\d+)", text).group(1)
                        for p in ("MAJOR", "MINOR", "PATCH"))
    assert parley.version() == expected == parley.__version__


def test_status_mirrors_the_header():
    block = re.search(r"typedef enum parley_status \{([^}]*)\}", HEADER.read_text()).group(1)
    declared = dict((name, int(value)) for name, value in re.findall(r"PARLEY_(\w+) = (\d+)", block))
    assert {s.name: s.value for s in Status} == declared


def test_library_is_the_packaged_copy():
    if os.environ.get("PARLEY_LIBRARY"):
        pytest.skip("PARLEY_LIBRARY overrides the packaged copy")
    assert Path(parley.library_path()) == Path(parley.__file__).resolve().with_name("libParley.so")


# -- formats --------------------------------------------------------------------------------

def test_normalized_message_with_money(engine):
    context = engine.process(NORMALIZED)
    assert context["schema"] == 1
    assert context["status"] == "processed"
    assert context["format"] == "normalized"
    assert context["message"]["id"] == "m1"
    assert context["message"]["text"] == "Rent RWF 50,000 paid"
    money = [e for e in context["entities"] if e["type"] == "money"]
    assert money, context["entities"]
    entity = money[0]
    assert NORMALIZED["text"][entity["start"]:entity["end"]] == entity["text"]
    assert float(entity["value"]["amount"]) == 50000
    assert entity["value"].get("currency") == "RWF"
    assert "totalMicros" in context["timings"]


def test_national_phone_numbers_read_in_the_senders_country(engine):
    message = {"id": "k1", "chat": "254711000001@c.us", "from": "254711000001@c.us", "timestamp": 1764000000,
               "type": "text", "text": "Call my wife on 0722 123 456"}
    phones = [e["value"]["e164"] for e in engine.process(message)["entities"] if e["type"] == "phone"]
    assert phones == ["+254722123456"]
    with Engine({"phoneRegionFromSender": False}) as us_only:
        assert not [e for e in us_only.process(message)["entities"] if e["type"] == "phone"]


def test_a_region_implies_the_currency_and_the_time_zone():
    message = {"id": "z1", "chat": "254711000001@c.us", "from": "254711000001@c.us", "timestamp": 1764158400,
               "type": "text", "text": "I paid 50k rent, can the plumber come tomorrow at 5pm?"}
    with Engine({"region": "KE"}) as kenya:
        entities = {e["type"]: e["value"] for e in kenya.process(message)["entities"]}
    assert entities["money"] == {"amount": 50000, "currency": "KES"}
    assert entities["datetime"]["iso"] == "2025-11-27T17:00:00+03:00"
    with Engine({"region": "US"}) as several_zones:
        entities = {e["type"]: e["value"] for e in several_zones.process(message)["entities"]}
    assert entities["money"]["currency"] == "USD"
    assert entities["datetime"]["iso"] == "2025-11-27T17:00:00+00:00"


def test_a_context_holds_at_most_a_thousand_entities(engine):
    message = dict(NORMALIZED, id="many", text="12 " * 1500)
    context = engine.process(message)
    assert len(context["entities"]) == 1000 and context["entitiesOmitted"] == 500
    assert "entitiesOmitted" not in engine.process(NORMALIZED)


def test_whatsapp_web_js_message(engine):
    context = engine.process(WWEBJS)
    assert context["format"] == "whatsapp-web.js"
    assert context["status"] == "processed"
    assert context["message"]["text"] == "Hi"


def test_baileys_message(engine):
    context = engine.process(BAILEYS)
    assert context["format"] == "baileys"
    assert context["status"] == "processed"
    assert context["message"]["text"] == "Hello"


def test_baileys_edit_and_revoke_join_the_thread_of_their_message(engine):
    key = BAILEYS["key"]
    first = engine.process({**BAILEYS, "message": {"conversation": "The fridge in unit 2A stopped working"}})
    engine.process({**BAILEYS, "key": {**key, "id": "B2"}, "messageTimestamp": 1764000030,
                    "message": {"conversation": "Can I book a viewing of the studio on Friday?"}})
    edit = engine.process({**BAILEYS, "key": {**key, "id": "B3"}, "messageTimestamp": 1764000060,
                           "message": {"protocolMessage": {"key": key, "type": 14,
                                                           "editedMessage": {"conversation": "The fridge in unit 2B stopped working"}}}})
    assert edit["message"]["edit"] == {"messageId": "BAE5F0"}
    assert edit["thread"]["id"] == first["thread"]["id"]
    revoke = engine.process({**BAILEYS, "key": {**key, "id": "B4"}, "messageTimestamp": 1764000090,
                             "message": {"protocolMessage": {"key": key, "type": "REVOKE"}}})
    assert revoke["status"] == "processed"
    assert revoke["message"]["type"] == "revoke" and revoke["message"]["text"] == ""
    assert revoke["message"]["revoke"] == {"messageId": "BAE5F0"}
    assert revoke["thread"]["id"] == first["thread"]["id"]
    assert "intent" not in revoke
    # Another protocol message carries nothing to process.
    with pytest.raises(ParleyError) as error:
        engine.process({**BAILEYS, "key": {**key, "id": "B5"},
                        "message": {"protocolMessage": {"type": 3, "ephemeralExpiration": 604800}}})
    assert error.value.status == Status.UNSUPPORTED


@pytest.mark.parametrize("form", ["str", "bytes", "bytearray", "memoryview"])
def test_message_as_str_or_bytes(engine, form):
    text = json.dumps(NORMALIZED)
    value = {"str": text, "bytes": text.encode(), "bytearray": bytearray(text.encode()),
             "memoryview": memoryview(text.encode())}[form]
    assert engine.process(value)["format"] == "normalized"


def test_non_ascii_text_offsets(engine):
    text = "Muraho 😀 call +250 788 123 456"
    context = engine.process(message(7, text))
    assert context["message"]["text"] == text
    for entity in context["entities"]:
        assert text[entity["start"]:entity["end"]] == entity["text"]


# -- duplicates -----------------------------------------------------------------------------

def test_duplicate_in_memory(engine):
    assert engine.process(NORMALIZED)["status"] == "processed"
    again = engine.process(NORMALIZED)
    assert again["status"] == "duplicate"
    assert again["message"]["id"] == "m1"


def test_duplicate_after_reopen(store_config):
    with Engine(store_config) as first:
        assert first.process(NORMALIZED)["status"] == "processed"
        assert first.process(BAILEYS)["status"] == "processed"
    with Engine(json.dumps(store_config)) as second:
        assert second.process(NORMALIZED)["status"] == "duplicate"
        assert second.process(BAILEYS)["status"] == "duplicate"
        assert second.process(WWEBJS)["status"] == "processed"


# -- failures: one status each, and the store is untouched -----------------------------------

BAD_INPUTS = [
    (Status.MALFORMED_JSON, b'{"id": "m2", '),
    (Status.INVALID_UTF8, b'{"id": "m2", "text": "\xff\xfe"}'),
    (Status.INVALID_MESSAGE, b"[]"),
    (Status.INVALID_MESSAGE, b'{"id": 5}'),
    (Status.UNSUPPORTED, json.dumps(dict(NORMALIZED, id="m2", type="hologram")).encode()),
    (Status.INVALID_ARGUMENT, b""),
    (Status.TOO_LARGE, json.dumps(dict(NORMALIZED, id="m2", text="x" * (10 * 1024 * 1024))).encode()),
]


@pytest.mark.parametrize("status,data", BAD_INPUTS, ids=[s.name + str(i) for i, (s, _) in enumerate(BAD_INPUTS)])
def test_bad_input_status_and_store_intact(store_config, status, data):
    with Engine(store_config) as e:
        assert e.process(NORMALIZED)["status"] == "processed"
        expect(status, e.process, data)
        assert e.process(NORMALIZED)["status"] == "duplicate"
    with Engine(store_config) as e:
        assert e.process(NORMALIZED)["status"] == "duplicate"
        # Nothing of the failed input was stored: m2 is new.
        assert e.process(message(2))["status"] == "processed"


def test_error_attributes(engine):
    error = expect(Status.MALFORMED_JSON, engine.process, "{")
    assert isinstance(error.status, Status)
    assert "MALFORMED_JSON" in str(error)
    assert isinstance(error, Exception)


def test_last_error_is_per_call(engine):
    first = expect(Status.INVALID_MESSAGE, engine.process, "[]")
    second = expect(Status.MALFORMED_JSON, engine.process, "{")
    assert first.message != second.message


def test_str_with_lone_surrogate_is_invalid_utf8(engine):
    expect(Status.INVALID_UTF8, engine.process, '{"id": "\ud800"}')


def test_wrong_python_types():
    with Engine() as e:
        with pytest.raises(TypeError):
            e.process(42)
        with pytest.raises(TypeError):
            e.ingest_webhook(WEBHOOK, 42)
    with pytest.raises(TypeError):
        Engine(3.5)


@pytest.mark.parametrize("config", [
    {"colour": "blue"},
    {"store": {"path": "x.db", "mode": "fast"}},
    {"limits": {"maxMessageBytes": "big"}},
    {"region": 7},
])
def test_invalid_config(config):
    expect(Status.INVALID_CONFIG, Engine, config)


def test_config_malformed_json():
    expect(Status.MALFORMED_JSON, Engine, "{region")


def test_limit_from_config(engine):
    with Engine({"limits": {"maxMessageBytes": 64}}) as small:
        expect(Status.TOO_LARGE, small.process, message(3, "y" * 100))


def test_corrupt_store(tmp_path):
    path = tmp_path / "parley.db"
    path.write_bytes(b"these are a tenant's notes, not a database\n" * 200)
    expect(Status.CORRUPT, Engine, {"store": {"path": str(path)}})


def test_store_in_missing_directory(tmp_path):
    expect(Status.STORAGE, Engine, {"store": {"path": str(tmp_path / "missing" / "dir" / "p.db")}})


# -- webhooks ---------------------------------------------------------------------------------

def test_webhook_signature(store_config):
    config = dict(store_config, webhook={"appSecret": "s3cret"})
    with Engine(config) as e:
        assert e.process(NORMALIZED)["status"] == "processed"
        expect(Status.BAD_SIGNATURE, e.ingest_webhook, WEBHOOK, sign("wrong", WEBHOOK))
        expect(Status.BAD_SIGNATURE, e.ingest_webhook, WEBHOOK, None)
        expect(Status.BAD_SIGNATURE, e.ingest_webhook, WEBHOOK, "sha256=zz")
        assert e.process(NORMALIZED)["status"] == "duplicate"
        result = e.ingest_webhook(WEBHOOK, sign("s3cret", WEBHOOK))
        assert result["format"] == "cloud-api"
        assert result["schema"] == 1
        [context] = result["contexts"]
        assert context["format"] == "cloud-api"
        assert context["status"] == "processed"
        assert "email" in {entity["type"] for entity in context["entities"]}
        assert len(result["statuses"]) == 1
        again = e.ingest_webhook(WEBHOOK.decode(), sign("s3cret", WEBHOOK))
        assert again["contexts"][0]["status"] == "duplicate"


def test_webhook_without_secret_ignores_header(engine):
    result = engine.ingest_webhook(WEBHOOK, "sha256=whatever")
    assert result["contexts"][0]["status"] == "processed"


def test_webhook_that_is_not_cloud_api(engine):
    expect(Status.UNSUPPORTED, engine.ingest_webhook, b'{"object": "page", "entry": []}')
    expect(Status.INVALID_ARGUMENT, engine.ingest_webhook, b"")


# -- lifetime and threads ---------------------------------------------------------------------

def test_use_after_close():
    e = Engine()
    e.process(NORMALIZED)
    e.close()
    assert e.closed
    e.close()  # harmless
    expect(Status.INVALID_ARGUMENT, e.process, NORMALIZED)
    expect(Status.INVALID_ARGUMENT, e.ingest_webhook, WEBHOOK)


def test_many_threads(store_config):
    threads, per_thread = 8, 50
    errors, results = [], []
    lock = threading.Lock()
    # Threads send the same words in one chat: not re-sends here (content dedup off).
    with Engine(dict(store_config, dedup={"contentWindowSeconds": 0})) as e:
        def work(t):
            try:
                for i in range(per_thread):
                    # Every thread processes its own messages and, racing, a shared one.
                    mine = e.process(message(f"t{t}-{i}", f"paid RWF {i},000"))
                    shared = e.process(message(f"shared-{i}"))
                    with lock:
                        results.append((mine["status"], shared["status"]))
                    expect(Status.MALFORMED_JSON, e.process, b"{")
            except BaseException as error:  # noqa: BLE001 - reported below
                errors.append(error)

        pool = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
        for thread in pool:
            thread.start()
        for thread in pool:
            thread.join()
    assert not errors, errors[:3]
    assert len(results) == threads * per_thread
    assert all(mine == "processed" for mine, _ in results)
    shared = [s for _, s in results]
    assert shared.count("processed") == per_thread
    assert shared.count("duplicate") == (threads - 1) * per_thread


def test_close_while_other_threads_work():
    e = Engine()
    stop = threading.Event()
    failures = []

    def work(t):
        i = 0
        while not stop.is_set():
            try:
                e.process(message(f"c{t}-{i}"))
            except ParleyError as error:
                if error.status is not Status.INVALID_ARGUMENT:
                    failures.append(error)
                return
            i += 1

    pool = [threading.Thread(target=work, args=(t,)) for t in range(4)]
    for thread in pool:
        thread.start()
    e.close()
    stop.set()
    for thread in pool:
        thread.join()
    assert not failures


def test_fresh_process_without_ld_library_path(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("LD_LIBRARY_PATH", "PARLEY_LIBRARY")}
    script = (
        "import json, parley\n"
        "with parley.Engine() as e:\n"
        "    c = e.process(json.loads(input()))\n"
        "print(json.dumps({'version': parley.version(), 'library': parley.library_path(),"
        " 'format': c['format'], 'types': [x['type'] for x in c['entities']]}))\n")
    run = subprocess.run([sys.executable, "-c", script], input=json.dumps(NORMALIZED), env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["version"] == parley.version()
    assert report["format"] == "normalized"
    assert "money" in report["types"]


def test_bad_parley_library_names_what_was_tried(tmp_path):
    env = dict(os.environ, PARLEY_LIBRARY=str(tmp_path / "nowhere" / "libParley.so"))
    run = subprocess.run([sys.executable, "-c", "import parley"], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode != 0
    assert "ImportError" in run.stderr and "nowhere" in run.stderr


# -- conversation threads -------------------------------------------------------------------

def test_threads_reply_joins_quoted_thread(engine):
    base = {"chat": "c9", "from": "u", "timestamp": 1764000000, "type": "text"}
    first = engine.process({**base, "id": "t1", "text": "hello"})
    assert first["thread"]["new"] is True
    reply = engine.process({**base, "id": "t2", "timestamp": 1764000060, "text": "again", "quoted": {"id": "t1"}})
    assert reply["thread"]["id"] == first["thread"]["id"]
    assert reply["flow"]["contextSwitch"] is False
    threads = engine.threads(chat="c9")
    assert len(threads) == 1 and threads[0]["messageCount"] == 2
    thread = engine.thread(first["thread"]["id"])
    assert [c["message"]["id"] for c in thread["messages"]] == ["t1", "t2"]
    expect(Status.NOT_FOUND, engine.thread, "no-such-thread")
    expect(Status.INVALID_ARGUMENT, engine.threads, None, "ajar")
    with pytest.raises(TypeError):
        engine.thread(42)
    # Pages: small ones cover the thread once each, in order; past the end is empty.
    for i in range(3, 8):
        engine.process({**base, "id": f"t{i}", "timestamp": 1764000060, "text": f"more {i}", "quoted": {"id": f"t{i - 1}"}})
    page = engine.thread_messages(first["thread"]["id"], offset=2, limit=3)
    assert [c["message"]["id"] for c in page["messages"]] == ["t3", "t4", "t5"] and page["nextOffset"] == 5
    assert [c["message"]["id"] for c in engine.iter_thread_messages(first["thread"]["id"], page=2)] == [f"t{i}" for i in range(1, 8)]
    assert engine.thread_messages(first["thread"]["id"], offset=50)["messages"] == []
    expect(Status.INVALID_ARGUMENT, engine.thread_messages, first["thread"]["id"], 0, 0)
    expect(Status.NOT_FOUND, engine.thread_messages, "no-such-thread")


def test_a_return_to_an_earlier_subject_reopens_its_thread(store_config):
    day = 86400
    base = {"chat": "c11", "from": "250788000124", "type": "text"}
    with Engine(store_config) as engine:
        sink = engine.process({**base, "id": "r1", "timestamp": 1764000000,
                               "text": "The kitchen sink in unit 4B is leaking, please send a plumber"})
        rent = engine.process({**base, "id": "r2", "timestamp": 1764000000 + 2 * day,
                               "text": "I paid the rent for March, RWF 350,000"})
    assert rent["thread"]["new"] is True and rent["flow"]["closedThreads"] == [sink["thread"]["id"]]
    # Three days on, after a restart, the tenant is back to the repair: its thread reopens.
    with Engine(store_config) as engine:
        back = engine.process({**base, "id": "r3", "timestamp": 1764000000 + 5 * day,
                               "text": "The plumber still hasn't come for the sink in 4B"})
        assert back["thread"]["id"] == sink["thread"]["id"] and back["thread"]["new"] is False
        assert back["flow"]["reopened"] == sink["thread"]["id"]
        assert back["flow"]["contextSwitch"] is True and back["flow"]["closedThreads"] == [rent["thread"]["id"]]
        # "any updates??": the repair's request, read through the thread.
        news = engine.process({**base, "id": "r4", "timestamp": 1764000000 + 5 * day + 60, "text": "any updates??"})
        assert news["thread"]["id"] == sink["thread"]["id"] and "reopened" not in news["flow"]
        assert news["intent"]["name"] == "maintenance_request" and news["intent"]["fromThread"] is True
        stored = {t["id"]: t for t in engine.threads(chat="c11")}
        assert stored[sink["thread"]["id"]]["state"] == "open" and stored[sink["thread"]["id"]]["messageCount"] == 3
        assert stored[sink["thread"]["id"]]["lastActivity"] == 1764000000 + 5 * day + 60
        assert stored[rent["thread"]["id"]]["state"] == "closed"


def test_a_detail_continuing_a_thread_reads_as_its_request(engine):
    base = {"chat": "c10", "from": "250788000123", "type": "text"}
    ask = engine.process({**base, "id": "d1", "timestamp": 1764000000,
                          "text": "Hello, can I book a viewing of the 2 bedroom flat on Saturday? Please call me"})
    assert ask["intent"]["name"] == "viewing_booking" and ask["thread"]["intent"] == "viewing_booking"
    # A phone number alone: no words for the classifier, the thread's request, unscored.
    phone = engine.process({**base, "id": "d2", "timestamp": 1764000060, "text": "+250 788 123 456"})
    assert phone["thread"]["id"] == ask["thread"]["id"]
    assert phone["intent"] == {"name": "viewing_booking", "confidence": 0, "alternatives": [], "outOfScope": False,
                               "fromThread": True}
    assert "language" not in phone and "sentiment" not in phone
    # A few words the classifier could not place keep its own reading beside the thread's.
    name = engine.process({**base, "id": "d3", "timestamp": 1764000120, "text": "Claudine Mukamana"})
    assert name["intent"]["name"] == "viewing_booking" and name["intent"]["fromThread"] is True
    assert name["intent"]["classified"] != "viewing_booking"


# -- language: intent, sentiment, dates -------------------------------------------------------

def test_language_fields():
    with parley.Engine({"region": "RW", "timeZone": "Africa/Kigali"}) as engine:
        context = engine.process({"id": "l1", "chat": "c", "from": "u", "timestamp": 1764000000, "type": "text",
                                  "text": "The sink in my flat is leaking again!! water everywhere, please send "
                                          "someone tomorrow at 9am 😡"})
        assert context["language"]["code"] == "en"
        assert context["intent"]["name"] == "maintenance_request"
        assert context["sentiment"]["label"] == "negative"
        assert context["sentiment"]["urgency"] > 0.5
        when = [e for e in context["entities"] if e["type"] == "datetime"]
        assert when and when[0]["value"]["iso"] == "2025-11-25T09:00:00+02:00"


def test_intent_model_training_and_loading(tmp_path, engine):
    model = tmp_path / "model.bin"
    rows = [("the shower is broken", "repair"), ("my sink leaks", "repair"), ("the light does not work", "repair"),
            ("I paid the rent today", "payment"), ("rent sent by mobile money", "payment"),
            ("here is my payment", "payment")]
    data = "\n".join(json.dumps({"text": t, "intent": i}) for t, i in rows)
    summary = parley.train_intent_model(data, model)
    assert summary["examples"] == 6 and summary["intents"] == ["payment", "repair"]
    engine.load_intent_model(model)
    context = engine.process({"id": "i1", "chat": "c", "from": "u", "timestamp": 1, "type": "text",
                              "text": "the shower leaks"})
    assert context["intent"]["name"] == "repair"
    error = expect(Status.INVALID_ARGUMENT, parley.train_intent_model, '{"text": 1}', model)
    assert "line 1" in error.message
    model.write_bytes(b"not a model")
    expect(Status.CORRUPT, engine.load_intent_model, model)
    expect(Status.STORAGE, engine.load_intent_model, tmp_path / "missing.bin")


def test_lookup_lists(engine):
    assert engine.set_lookups({"property": [{"id": "p1", "name": "Kacyiru Heights", "aliases": ["KH"]}]}) == {"property": 1}
    context = engine.process({"id": "k1", "chat": "c", "from": "u", "timestamp": 1, "type": "text",
                              "text": "Is there a flat free at Kacyiru Hights?"})
    match = [e for e in context["entities"] if e["type"] == "property"]
    assert match and match[0]["value"]["id"] == "p1" and match[0]["source"] == "lookup"
    assert context["thread"]["topic"] == "Kacyiru Heights"
    error = expect(Status.INVALID_ARGUMENT, engine.set_lookups, {"property": [{"aliases": []}]})
    assert "property[0]" in error.message
    assert engine.set_lookups({"property": []}) == {}

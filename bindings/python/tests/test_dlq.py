"""The dead-letter queue through the Python binding and the real libParley.so: failures
reported by the host, retries on a fake clock until dead, retry now, resolve, purge."""

import pytest

from parley import Engine, ParleyError, Status

CHAT = "250788123456@c.us"
START = 1_764_000_000_000


def message(id, text="The tap in unit 4B is leaking", chat=CHAT):
    return {"id": id, "chat": chat, "from": chat, "timestamp": 1_764_000_000, "type": "text", "text": text}


def expect(status, call, *args, **kwargs):
    with pytest.raises(ParleyError) as caught:
        call(*args, **kwargs)
    assert caught.value.status == status, caught.value
    assert caught.value.message
    return caught.value


def test_failures_on_a_fake_clock_end_dead_with_their_history(tmp_path):
    config = {"store": {"path": str(tmp_path / "p.db")}, "retries": {"attempts": 3, "firstDelaySeconds": 60,
                                                                       "maxDelaySeconds": 240, "jitter": 0}}
    with Engine(config) as engine:
        original = engine.process(message("m1"))
        engine.fail(CHAT, "m1", {"status": "sheets_down", "message": "HTTP 503"}, now_ms=START)
        letter = engine.dlq_get(CHAT, "m1")
        assert letter["state"] == "failed" and letter["attempts"] == 1
        assert letter["nextAttemptAt"] == START + 60_000
        assert engine.dlq_run_due(now_ms=START + 59_999)["retried"] == []
    with Engine(config) as engine:  # the schedule survives a restart
        run = engine.dlq_run_due(now_ms=START + 60_000)
        assert [(r["id"], r["attempt"]) for r in run["retried"]] == [("m1", 2)]
        context = run["retried"][0]["context"]
        assert context["status"] == "processed"
        assert context["thread"] == original["thread"]
        assert context["message"] == original["message"]
        assert "more" not in run
        engine.fail(CHAT, "m1", "still down", now_ms=START + 61_000)
        assert engine.dlq_get(CHAT, "m1")["nextAttemptAt"] == START + 61_000 + 240_000
        assert engine.dlq_run_due(now_ms=START + 301_000)["retried"][0]["attempt"] == 3
        engine.fail(CHAT, "m1", now_ms=START + 302_000)
        dead = engine.dlq_get(CHAT, "m1")
        assert dead["state"] == "dead" and dead["attempts"] == 3 and "nextAttemptAt" not in dead
        assert [e["attempt"] for e in dead["errors"]] == [1, 2, 3]
        assert [e["message"] for e in dead["errors"]] == ["HTTP 503", "still down", ""]
        assert dead["errors"][0]["status"] == "sheets_down" and dead["errors"][0]["at"] == START
        assert engine.dlq_run_due(now_ms=1 << 53)["retried"] == []


def test_retry_now_resolve_list_and_purge():
    with Engine({"retries": {"attempts": 1}}) as engine:
        for id, text in (("a", "Rent for March is paid"), ("b", "The gate is broken"), ("c", "hello")):
            engine.process(message(id, text))
        engine.fail(CHAT, "a")
        engine.fail(CHAT, "b", {"code": 429})
        assert [m["id"] for m in engine.dlq_list()] == ["a", "b"]
        assert [m["id"] for m in engine.dlq_list(state="dead", limit=1)] == ["a"]
        assert engine.dlq_list(state="failed") == []
        assert engine.dlq_list(chat="nobody") == []
        assert engine.dlq_list()[1]["errors"][0]["code"] == 429
        assert engine.dlq_list()[0]["message"]["text"] == "Rent for March is paid"

        retried = engine.dlq_retry(CHAT, "a")
        assert retried["attempt"] == 2 and retried["context"]["status"] == "processed"
        assert engine.dlq_get(CHAT, "a")["state"] == "processed"
        engine.fail(CHAT, "a", now_ms=START)
        assert engine.dlq_get(CHAT, "a")["state"] == "dead"

        engine.dlq_resolve(CHAT, "a")
        engine.dlq_resolve(CHAT, "a")
        assert engine.dlq_get(CHAT, "a")["state"] == "resolved"
        assert engine.dlq_purge(state="resolved") == 1
        assert engine.dlq_purge() == 1
        assert engine.dlq_purge() == 0
        assert engine.dlq_get(CHAT, "c")["state"] == "processed"
        expect(Status.NOT_FOUND, engine.dlq_get, CHAT, "a")


def test_failures():
    with Engine() as engine:
        engine.process(message("p"))
        expect(Status.NOT_FOUND, engine.fail, CHAT, "nope")
        expect(Status.NOT_FOUND, engine.dlq_retry, CHAT, "nope")
        expect(Status.NOT_FOUND, engine.dlq_resolve, CHAT, "nope")
        expect(Status.INVALID_ARGUMENT, engine.dlq_retry, CHAT, "p")       # processed
        expect(Status.INVALID_ARGUMENT, engine.dlq_resolve, CHAT, "p")
        expect(Status.INVALID_ARGUMENT, engine.fail, "", "p")
        expect(Status.INVALID_ARGUMENT, engine.fail, CHAT, "p", now_ms=-1)
        expect(Status.INVALID_ARGUMENT, engine.fail, CHAT, "p\0x")
        expect(Status.TOO_LARGE, engine.fail, CHAT, "p", "x" * 5000)
        expect(Status.INVALID_ARGUMENT, engine.dlq_list, state="processed")
        expect(Status.INVALID_ARGUMENT, engine.dlq_purge, state="failed")
        with pytest.raises(TypeError):
            engine.fail(CHAT, "p", 42)
        engine.fail(CHAT, "p", "once", now_ms=START)
        expect(Status.INVALID_ARGUMENT, engine.fail, CHAT, "p", now_ms=START)  # already failed
    with pytest.raises(ParleyError) as caught:
        Engine({"retries": {"attempts": 0}})
    assert caught.value.status == Status.INVALID_CONFIG

"""The outbox through the Python binding and the real libParley.so: queue, batches inside the
limits on a fake clock, confirmations, retries, delivery statuses, durability."""

import pytest

from parley import Engine, ParleyError, Status

LIMITS = {"perSecond": 3, "perMinute": 100, "perHour": 1000, "recipient": {"minSpacingMs": 0}}


def expect(status, call, *args, **kwargs):
    with pytest.raises(ParleyError) as caught:
        call(*args, **kwargs)
    assert caught.value.status == status, caught.value
    assert caught.value.message
    return caught.value


def test_batches_stay_inside_the_windows():
    with Engine({"outbox": LIMITS}) as engine:
        ids = [engine.outbox_enqueue({"to": f"2507880{1000 + i}@c.us", "text": "Rent is due"}) for i in range(10)]
        assert ids == sorted(ids) and len(set(ids)) == 10
        first = engine.outbox_next_batch(now_ms=1_000, max=50)
        assert len(first["sends"]) == 3
        assert first["sends"][0]["to"] == "25078801000@c.us"
        assert first["sends"][0]["recipient"] == "25078801000"
        assert first["sends"][0]["outsideServiceWindow"] is True
        assert engine.outbox_next_batch(now_ms=1_500, max=50)["sends"] == []
        for send in first["sends"]:
            engine.outbox_confirm(send["id"], True, {"messageId": f"wamid.{send['id']}"})
        assert len(engine.outbox_next_batch(now_ms=2_000, max=50)["sends"]) == 3
        status = engine.outbox_status()
        assert status["states"]["sent"] == 3
        assert status["rates"]["perSecond"] == {"current": 3, "limit": 3, "effective": 3}


def test_idempotency_priority_and_delivery():
    with Engine({"outbox": LIMITS}) as engine:
        a = engine.outbox_enqueue({"to": "+250 788 123 456", "text": "a", "idempotencyKey": "k"})
        assert engine.outbox_enqueue({"to": "250788123456", "text": "b", "idempotencyKey": "k"}) == a
        low = engine.outbox_enqueue({"to": "250788000001", "text": "later", "priority": "low"})
        high = engine.outbox_enqueue({"to": "250788000002", "text": "now", "priority": "high"})
        batch = engine.outbox_next_batch(now_ms=0, max=1)["sends"]
        assert [s["id"] for s in batch] == [high]
        engine.outbox_confirm(high, True, {"messageId": "wamid.H"})
        assert engine.outbox_delivery({"id": "wamid.H", "status": "read", "timestamp": "1700000000"})
        assert engine.outbox_delivery({"messageId": "wamid.H", "status": "delivered"})
        assert engine.outbox_get(high)["state"] == "read"
        assert engine.outbox_delivery({"id": "wamid.none", "status": "sent"}) is False
        assert low > a


def test_retries_rate_limits_and_failures():
    with Engine({"outbox": dict(LIMITS, retries={"max": 1, "baseMs": 1000})}) as engine:
        sid = engine.outbox_enqueue({"to": "250788123456", "text": "x"})
        engine.outbox_next_batch(now_ms=0)
        engine.outbox_confirm(sid, False, {"error": {"code": 130429}})
        assert engine.outbox_status()["throttle"] == 0.5
        assert engine.outbox_get(sid)["failures"] == 0
        engine.outbox_next_batch(now_ms=1_000)
        engine.outbox_confirm(sid, False, "socket hang up")
        retry_at = engine.outbox_get(sid)["notBefore"]
        assert 1_800 <= retry_at <= 2_200
        assert engine.outbox_next_batch(now_ms=retry_at - 1)["sends"] == []
        # Throttled to one a second: the retry goes out once the last hand-out left the window.
        assert [s["id"] for s in engine.outbox_next_batch(now_ms=retry_at + 1_000)["sends"]] == [sid]
        engine.outbox_confirm(sid, False, {"error": {"code": 131000}})
        send = engine.outbox_get(sid)
        assert send["state"] == "failed" and send["attempts"] == 3


def test_durable_across_reopen(tmp_path):
    config = {"store": {"path": str(tmp_path / "p.db")}, "outbox": dict(LIMITS, leaseMs=60_000)}
    with Engine(config) as engine:
        sid = engine.outbox_enqueue({"to": "250788123456", "text": "x"})
        assert [s["id"] for s in engine.outbox_next_batch(now_ms=0)["sends"]] == [sid]
    with Engine(config) as engine:
        assert engine.outbox_next_batch(now_ms=30_000)["sends"] == []
        again = engine.outbox_next_batch(now_ms=60_000)["sends"]
        assert [s["id"] for s in again] == [sid] and again[0]["attempt"] == 2


def test_bad_arguments():
    with Engine() as engine:
        expect(Status.INVALID_ARGUMENT, engine.outbox_enqueue, {"to": "nobody", "text": "x"})
        expect(Status.INVALID_ARGUMENT, engine.outbox_enqueue, {"to": "250788123456"})
        expect(Status.MALFORMED_JSON, engine.outbox_enqueue, b"{")
        expect(Status.NOT_FOUND, engine.outbox_confirm, 12345, True)
        expect(Status.NOT_FOUND, engine.outbox_get, 12345)
        expect(Status.INVALID_ARGUMENT, engine.outbox_next_batch, -5)
        expect(Status.INVALID_ARGUMENT, engine.outbox_delivery, {"status": "sent"})
    expect(Status.INVALID_CONFIG, Engine, {"outbox": {"perSecnd": 1}})

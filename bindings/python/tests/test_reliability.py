"""Idempotency claims and circuit breakers through the Python binding and the real libParley.so."""

import threading
import time

import pytest

from parley import Engine, ParleyError, Status


@pytest.fixture
def engine():
    with Engine() as e:
        yield e


@pytest.fixture
def store_config(tmp_path):
    return {"store": {"path": str(tmp_path / "parley.db")}}


def expect(status, call, *args, **kwargs):
    with pytest.raises(ParleyError) as caught:
        call(*args, **kwargs)
    assert caught.value.status == status, caught.value
    assert caught.value.message
    return caught.value


# -- idempotency claims ---------------------------------------------------------------------

def test_the_first_claim_wins(engine):
    assert engine.claim("sheets:row:17", 3600) is True
    assert engine.claim("sheets:row:17", 3600) is False
    assert engine.claim("sheets:row:18", 3600) is True
    assert engine.claim("malipo 💸 دفع", 3600) is True
    assert engine.claim("malipo 💸 دفع", 3600) is False


def test_release_lets_the_side_effect_be_retried(engine):
    assert engine.claim("pay:42", 3600)
    engine.release("pay:42")
    assert engine.claim("pay:42", 3600)
    engine.release("never-claimed")  # no error


def test_a_claim_expires(engine):
    assert engine.claim("short", 1)
    assert not engine.claim("short", 1)
    time.sleep(1.1)
    assert engine.claim("short", 1)


def test_claims_survive_close_and_reopen(store_config):
    with Engine(store_config) as engine:
        assert engine.claim("sheets:row:1", 3600)
        assert engine.claim("sheets:row:2", 3600)
        engine.release("sheets:row:2")
    with Engine(store_config) as engine:
        assert not engine.claim("sheets:row:1", 3600)
        assert engine.claim("sheets:row:2", 3600)


def test_concurrent_claimers_exactly_one_first(store_config):
    with Engine(store_config) as engine:
        firsts = []
        errors = []
        lock = threading.Lock()

        def claimer():
            try:
                mine = sum(engine.claim(f"race-{i}", 60) for i in range(50))
            except Exception as error:  # pragma: no cover - reported below
                errors.append(error)
                return
            with lock:
                firsts.append(mine)

        threads = [threading.Thread(target=claimer) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert sum(firsts) == 50


def test_bad_claims(engine):
    expect(Status.INVALID_ARGUMENT, engine.claim, "", 10)
    error = expect(Status.INVALID_ARGUMENT, engine.claim, "k" * 513, 10)
    assert "512" in error.message
    assert engine.claim("k" * 512, 10)
    expect(Status.INVALID_ARGUMENT, engine.claim, "k", 0)
    expect(Status.INVALID_ARGUMENT, engine.claim, "k", -1)
    expect(Status.INVALID_ARGUMENT, engine.claim, "k", 10**12)
    expect(Status.INVALID_ARGUMENT, engine.claim, "k", 1 << 70)
    expect(Status.INVALID_ARGUMENT, engine.claim, "a\0b", 10)
    expect(Status.INVALID_UTF8, engine.claim, "\udc80", 10)
    expect(Status.INVALID_ARGUMENT, engine.release, "")
    expect(Status.INVALID_UTF8, engine.release, "\ud800")
    with pytest.raises(TypeError):
        engine.claim(b"bytes", 10)
    with pytest.raises(TypeError):
        engine.claim("k", 1.5)
    with pytest.raises(TypeError):
        engine.claim("k", True)
    with pytest.raises(TypeError):
        engine.release(None)


def test_claims_on_a_closed_engine():
    engine = Engine()
    engine.close()
    expect(Status.INVALID_ARGUMENT, engine.claim, "k", 10)
    expect(Status.INVALID_ARGUMENT, engine.release, "k")
    expect(Status.INVALID_ARGUMENT, engine.breaker_allow, "sheets")
    expect(Status.INVALID_ARGUMENT, engine.breaker_record, "sheets", True, 10)
    expect(Status.INVALID_ARGUMENT, engine.breakers)


# -- circuit breakers -----------------------------------------------------------------------

CONFIG = {"breakers": {"default": {"openSeconds": 10},
                       "sheets": {"window": 4, "minimumCalls": 4, "halfOpenPermits": 2, "slowCallMicros": 1000}}}
T = 1_764_000_000_000


def by_name(engine, name):
    return next(b for b in engine.breakers() if b["name"] == name)


def test_configured_breakers_are_listed_closed():
    with Engine(CONFIG) as engine:
        assert engine.breakers() == [{"name": "sheets", "state": "closed", "failureRate": 0,
                                      "slowCallRate": 0, "calls": 0}]


def test_breaker_lifecycle_on_the_hosts_clock():
    with Engine(CONFIG) as engine:
        for i in range(4):
            assert engine.breaker_allow("sheets", T) is True
            engine.breaker_record("sheets", i % 2 == 0, 20, T)
        assert engine.breaker_allow("sheets", T) is False
        status = by_name(engine, "sheets")
        assert status["state"] == "open"
        assert status["failureRate"] == 0.5
        assert status["calls"] == 4
        assert status["openedAt"] == T
        assert status["retryAt"] == T + 10_000

        assert engine.breaker_allow("sheets", T + 9_999) is False
        assert [engine.breaker_allow("sheets", T + 10_000) for _ in range(3)] == [True, True, False]
        assert by_name(engine, "sheets")["state"] == "half_open"
        engine.breaker_record("sheets", True, 20, T + 10_001)
        engine.breaker_record("sheets", False, 20, T + 10_002)
        assert by_name(engine, "sheets")["state"] == "open"
        assert engine.breaker_allow("sheets", T + 10_003) is False

        assert engine.breaker_allow("sheets", T + 20_002)
        assert engine.breaker_allow("sheets", T + 20_002)
        engine.breaker_record("sheets", True, 20, T + 20_003)
        engine.breaker_record("sheets", True, 20.4, T + 20_004)
        assert by_name(engine, "sheets") == {"name": "sheets", "state": "closed", "failureRate": 0,
                                             "slowCallRate": 0, "calls": 0}


def test_slow_calls_open_the_breaker():
    with Engine(CONFIG) as engine:
        for _ in range(4):
            assert engine.breaker_allow("sheets", T)
            engine.breaker_record("sheets", True, 1001, T)
        status = by_name(engine, "sheets")
        assert status["state"] == "open"
        assert status["slowCallRate"] == 1
        assert status["failureRate"] == 0


def test_default_clock_and_unconfigured_breakers(engine):
    before = time.time_ns() // 1_000_000
    for _ in range(10):
        assert engine.breaker_allow("whatsapp-send")
        engine.breaker_record("whatsapp-send", False, 5)
    assert engine.breaker_allow("whatsapp-send") is False
    status = by_name(engine, "whatsapp-send")
    assert status["state"] == "open"
    assert before <= status["openedAt"] <= time.time_ns() // 1_000_000
    assert status["retryAt"] == status["openedAt"] + 30_000


def test_bad_breaker_calls(engine):
    expect(Status.INVALID_ARGUMENT, engine.breaker_allow, "")
    expect(Status.INVALID_ARGUMENT, engine.breaker_allow, "n" * 129)
    assert engine.breaker_allow("n" * 128)
    expect(Status.INVALID_UTF8, engine.breaker_allow, "\udcff")
    expect(Status.INVALID_ARGUMENT, engine.breaker_allow, "a\0b")
    expect(Status.INVALID_ARGUMENT, engine.breaker_allow, "sheets", -1)
    expect(Status.INVALID_ARGUMENT, engine.breaker_allow, "sheets", 1 << 60)
    expect(Status.INVALID_ARGUMENT, engine.breaker_record, "sheets", True, -1)
    expect(Status.INVALID_ARGUMENT, engine.breaker_record, "sheets", True, 5, -1)
    expect(Status.INVALID_ARGUMENT, engine.breaker_record, "", True, 5)
    with pytest.raises(TypeError):
        engine.breaker_allow(None)
    with pytest.raises(TypeError):
        engine.breaker_allow("sheets", "now")
    with pytest.raises(TypeError):
        engine.breaker_record("sheets", True, "slow")


@pytest.mark.parametrize("breakers", [
    {"sheets": {"failureRat": 0.5}},
    {"sheets": {"failureRate": 0}},
    {"sheets": {"window": 5, "minimumCalls": 6}},
    {"sheets": {"openSeconds": 0}},
    {"default": {"halfOpenPermits": 0}},
    {"sheets": 3},
    [],
])
def test_bad_breaker_configuration(breakers):
    expect(Status.INVALID_CONFIG, Engine, {"breakers": breakers})


def test_many_threads_on_one_breaker():
    with Engine({"breakers": {"busy": {"window": 10000, "minimumCalls": 10000, "failureRate": 1}}}) as engine:
        allowed = []

        def hammer(index):
            mine = 0
            for i in range(250):
                mine += engine.breaker_allow("busy", 1000)
                engine.breaker_record("busy", (index + i) % 2 == 0, 10, 1000)
            allowed.append(mine)

        threads = [threading.Thread(target=hammer, args=(i,)) for i in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sum(allowed) == 2000
        status = by_name(engine, "busy")
        assert status["calls"] == 2000
        assert status["failureRate"] == 0.5

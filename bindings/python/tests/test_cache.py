"""The API cache through the Python binding and the real libParley.so: TTL and stale window on
a fake clock, tags and write invalidation, leases, get-or-fetch with a Python fetcher (ctypes
callback) and single flight across threads."""

import threading
import time

import pytest

from parley import CacheHit, Engine, ParleyError, Status


@pytest.fixture
def engine():
    with Engine({"cache": {"ttlMs": 1000, "staleMs": 500, "leaseMs": 2000}}) as e:
        yield e


def expect(status, call, *args, **kwargs):
    with pytest.raises(ParleyError) as caught:
        call(*args, **kwargs)
    assert caught.value.status == status, caught.value
    assert caught.value.message
    return caught.value


def test_put_get_fresh_stale_gone(engine):
    engine.cache_put("sheets:tenants!A1:C50", '[["4B","Amina",450]]', now_ms=10_000)
    assert engine.cache_get("sheets:tenants!A1:C50", now_ms=10_999) == CacheHit(b'[["4B","Amina",450]]', False)
    assert engine.cache_get("sheets:tenants!A1:C50", now_ms=11_000).stale is True
    assert engine.cache_get("sheets:tenants!A1:C50", now_ms=11_500) is None
    engine.cache_put("bin", b"\x00\xff\x00", ttl_ms=10, stale_ms=0, now_ms=0)
    assert engine.cache_get("bin", now_ms=9).value == b"\x00\xff\x00"
    assert engine.cache_get("bin", now_ms=10) is None
    stats = engine.cache_stats()
    assert stats["schema"] == 1 and stats["hits"] == 2 and stats["staleHits"] == 1 and stats["misses"] == 2


def test_large_values_are_compressed(engine):
    rows = "[" + ",".join(f'["unit {i}","tenant {i % 97}",{1000 + i % 300}]' for i in range(3000)) + "]"
    engine.cache_put("sheets:all", rows, now_ms=0)
    assert engine.cache_get("sheets:all", now_ms=1).value == rows.encode()
    stats = engine.cache_stats()
    assert stats["compressedEntries"] == 1 and stats["compressionRatio"] > 3, stats


def test_tags_prefix_and_write_invalidation(engine):
    engine.cache_put("sheets:rent!A1:F200", "r", tags=["sheet:rent"], now_ms=0)
    engine.cache_put("sheets:rent:unit:12", "r12", tags=["sheet:rent", "unit:12"], now_ms=0)
    engine.cache_put("sheets:tenants:unit:12", "t12", tags=["unit:12"], now_ms=0)
    assert engine.cache_invalidate_tag("unit:12") == 2
    assert engine.cache_get("sheets:rent!A1:F200", now_ms=1).value == b"r"
    engine.cache_put("sheets:rent:unit:7", "new", tags=["sheet:rent"], invalidates=["sheet:rent"], now_ms=2)
    assert engine.cache_get("sheets:rent!A1:F200", now_ms=3) is None
    assert engine.cache_get("sheets:rent:unit:7", now_ms=3).value == b"new"
    engine.cache_invalidate("sheets:rent:unit:7")
    engine.cache_invalidate("never-there")
    engine.cache_put("a:1", "x", now_ms=0)
    engine.cache_put("a:2", "x", now_ms=0)
    assert engine.cache_invalidate_prefix("a:") == 2


def test_leases(engine):
    first = engine.cache_lease("k", now_ms=100)
    assert first != 0
    assert engine.cache_lease("k", now_ms=200) == 0
    engine.cache_put("k", "v", lease=first, now_ms=300)
    assert engine.cache_get("k", now_ms=301).value == b"v"
    again = engine.cache_lease("k", now_ms=400)
    engine.cache_release("k", again)
    assert engine.cache_lease("k", now_ms=401) != 0
    # Expired after leaseMs on the host's clock.
    assert engine.cache_lease("k", now_ms=2_401) != 0


def test_fetch_miss_hit_refresh_and_failures(engine):
    calls = []

    def fetch(key):
        calls.append(key)
        return f"{key}#{len(calls)}", {"tags": ["sheet:tenants"]}

    assert engine.cache_fetch("t", fetch, now_ms=0) == CacheHit(b"t#1", False)
    assert engine.cache_fetch("t", fetch, now_ms=500) == CacheHit(b"t#1", False)
    assert len(calls) == 1
    assert engine.cache_invalidate_tag("sheet:tenants") == 1
    assert engine.cache_fetch("t", fetch, now_ms=600).value == b"t#2"

    def broken(key):
        raise ConnectionError("sheets is down")

    # Stale, refresh fails: the stale value.
    assert engine.cache_fetch("t", broken, now_ms=1_700) == CacheHit(b"t#2", True)
    # A miss: the fetcher's own exception comes back on this thread.
    with pytest.raises(ConnectionError):
        engine.cache_fetch("other", broken, now_ms=0)

    def timeout(key):
        raise ParleyError(Status.TIMEOUT, "sheets took too long")

    expect(Status.TIMEOUT, engine.cache_fetch, "other", timeout, now_ms=0)
    expect(Status.INVALID_ARGUMENT, engine.cache_fetch, "other", lambda k: ("v", {"bogus": 1}), now_ms=0)
    assert engine.cache_stats()["fetchFailures"] == 4


def test_single_flight_across_threads(engine):
    calls = []
    lock = threading.Lock()
    barrier = threading.Barrier(12)
    results = []

    def fetch(key):
        with lock:
            calls.append(key)
        time.sleep(0.1)
        return b"all tenants"

    def worker():
        barrier.wait()
        hit = engine.cache_fetch("sheets:tenants", fetch, now_ms=5)
        with lock:
            results.append(hit)

    threads = [threading.Thread(target=worker) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert results == [CacheHit(b"all tenants", False)] * 12
    stats = engine.cache_stats()
    assert stats["fetches"] == 1 and stats["coalesced"] == 11 and stats["apiCallsSaved"] == 11


def test_bad_arguments(engine):
    expect(Status.INVALID_ARGUMENT, engine.cache_put, "", "v")
    expect(Status.INVALID_ARGUMENT, engine.cache_put, "k", "v", ttl_ms=0)
    expect(Status.INVALID_ARGUMENT, engine.cache_get, "k" * 2000)
    expect(Status.INVALID_ARGUMENT, engine.cache_get, "k", now_ms=-5)
    expect(Status.INVALID_ARGUMENT, engine.cache_put, "a\0b", "v")
    expect(Status.INVALID_UTF8, engine.cache_put, "\udcff", "v")
    expect(Status.INVALID_ARGUMENT, engine.cache_release, "k", 0)
    # Out of uint64_t's range: refused, not wrapped into another lease by ctypes.
    expect(Status.INVALID_ARGUMENT, engine.cache_release, "k", -1)
    expect(Status.INVALID_ARGUMENT, engine.cache_release, "k", 1 << 64)
    expect(Status.INVALID_ARGUMENT, engine.confirm_writeback, 1 << 64)
    with pytest.raises(TypeError):
        engine.cache_put("k", 5)
    with pytest.raises(ParleyError) as caught:
        Engine({"cache": {"maxBytes": 1}})
    assert caught.value.status == Status.INVALID_CONFIG

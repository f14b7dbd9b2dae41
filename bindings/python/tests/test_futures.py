"""Engine.submit_future through the real libParley.so: concurrent.futures futures settled by
Parley's callback, beside set_callback() and poll(), an error result, re-submits, close with
futures pending, and recovery after a reopen."""

import asyncio
import concurrent.futures
import sqlite3
import threading
import time

import pytest

from parley import Engine, ParleyError, Status

CHATS = [f"25078811111{c}@c.us" for c in range(8)]
TEXTS = ["Is unit 4B still available?", "Rent RWF 50,000 paid for March 🙏",
         "Can I view the flat on Saturday at 10am? Call 0788 123 456", "The kitchen tap drips",
         "thanks!", "Send me the lease please"]


def message(c, n, **extra):
    """Message n of chat c: ids and timestamps rise within a chat."""
    chat = CHATS[c % len(CHATS)]
    return dict({"id": f"f{c}-m{n}", "chat": chat, "from": chat, "fromMe": False,
                 "timestamp": 1764000000 + n, "type": "text", "text": TEXTS[n % len(TEXTS)]}, **extra)


@pytest.fixture
def engine():
    with Engine() as e:
        yield e


def test_many_futures_across_chats_all_resolve(engine):
    expected = {}
    futures = []
    for n in range(30):
        for c in range(8):
            future = engine.submit_future(message(c, n))
            expected[future] = f"f{c}-m{n}"
            futures.append(future)
    assert len({f.ticket for f in futures}) == 240
    done, not_done = concurrent.futures.wait(futures, timeout=30)
    assert not not_done and len(done) == 240
    for future in futures:
        result = future.result()
        assert result["status"] == "PARLEY_OK" and result["recovered"] is False
        assert result["ticket"] == future.ticket
        assert result["context"]["message"]["id"] == expected[future]
    # Nothing left over for poll: every result went to its future.
    assert engine.poll(timeout_ms=50) == []


def test_wait_first_completed_and_as_completed_from_several_threads(engine):
    futures, lock = [], threading.Lock()

    def submitter(c):
        for n in range(25):
            future = engine.submit_future(message(c, n), priority="low" if n % 5 == 0 else "normal")
            with lock:
                futures.append(future)

    threads = [threading.Thread(target=submitter, args=(c,)) for c in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done, _ = concurrent.futures.wait(futures, timeout=30, return_when=concurrent.futures.FIRST_COMPLETED)
    assert done
    seen = [f.result()["context"]["message"]["id"] for f in concurrent.futures.as_completed(futures, timeout=30)]
    assert sorted(seen) == sorted(f"f{c}-m{n}" for c in range(4) for n in range(25))


def test_an_error_result_raises_parley_error(tmp_path):
    # The worker cannot journal while another connection holds the store's write lock: it
    # retries for half of core.messageTimeoutMillis (1 s here), then its result is an error,
    # and the future raises it. The message stays stored as received. (With write-behind a
    # worker needs no write lock: its result would be answered from the inbox.)
    store = str(tmp_path / "parley.db")
    config = {"store": {"path": store, "busyTimeoutMillis": 0, "writeBehind": False}, "ordering": {"holdMillis": 300},
              "core": {"messageTimeoutMillis": 2000}}
    with Engine(config) as engine:
        engine.process(message(0, 0))  # creates the store
        future = engine.submit_future(message(0, 1))
        blocker = sqlite3.connect(store, isolation_level=None, timeout=0)
        try:
            blocker.execute("BEGIN IMMEDIATE")
            with pytest.raises(ParleyError) as caught:
                future.result(timeout=10)
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        error = caught.value
        assert error.status in (Status.BUSY, Status.STORAGE)
        assert error.ticket == future.ticket
        assert error.result["error"]["status"] == "PARLEY_" + error.status.name == error.result["status"] and error.result["ticket"] == future.ticket
        assert isinstance(future.exception(), ParleyError)
    # Still received: recovered after the reopen, through poll (no future owns it any more).
    with Engine({"store": {"path": store}}) as again:
        results = []
        deadline = time.monotonic() + 10
        while not results and time.monotonic() < deadline:
            results = again.poll(timeout_ms=200)
        assert [(r["ticket"], r["recovered"], r["status"]) for r in results] == [(future.ticket, True, "PARLEY_OK")]


def test_futures_beside_a_callback(engine):
    got, lock = [], threading.Lock()

    def on_result(result):
        with lock:
            got.append(result)

    engine.set_callback(on_result)
    plain = [engine.submit(message(0, n)) for n in range(20)]
    futures = [engine.submit_future(message(1, n)) for n in range(20)]
    engine.drain(20000)
    assert all(f.done() for f in futures)
    assert sorted(r["ticket"] for r in got) == sorted(plain)  # only results without a future
    assert {f.result()["ticket"] for f in futures} == {f.ticket for f in futures}
    # The callback keeps its contract: one chat's results in order.
    assert [r["context"]["message"]["id"] for r in got] == [f"f0-m{n}" for n in range(20)]


def test_futures_beside_poll_and_switching_to_a_callback(engine):
    future = engine.submit_future(message(0, 1))
    plain = [engine.submit(message(1, n)) for n in range(10)]
    assert future.result(timeout=10)["ticket"] == future.ticket
    engine.drain(10000)
    first = engine.poll(max=4, timeout_ms=1000)
    assert [r["ticket"] for r in first] == plain[:4]
    # A callback set now receives what was waiting for poll, in order, then the rest.
    got = []
    engine.set_callback(got.append)
    assert [r["ticket"] for r in got] == plain[4:]
    late = engine.submit(message(1, 10))
    engine.drain(10000)
    assert [r["ticket"] for r in got] == plain[4:] + [late]
    # Back to poll, the results() generator included.
    engine.set_callback(None)
    tickets = [engine.submit(message(2, n)) for n in range(3)]
    assert [r["ticket"] for r in engine.results(timeout_ms=1000)] == tickets


def test_resubmitting_the_same_message():
    # Twice while it is queued: one result answers both futures.
    with Engine({"ordering": {"holdMillis": 200}}) as held:
        a = held.submit_future(message(0, 1))
        b = held.submit_future(message(0, 1))
        assert a.ticket == b.ticket
        assert a.result(timeout=10) == b.result(timeout=10)
        assert a.result()["context"]["status"] == "processed"
        # Once processed, a re-submit's future gets the stored context marked duplicate (it is
        # answered inside submit, on this thread, before submit_future returns).
        c = held.submit_future(message(0, 1))
        assert c.done() and c.ticket == a.ticket
        assert c.result()["context"]["status"] == "duplicate"
        assert held.poll(timeout_ms=50) == []


def test_close_with_futures_pending_fails_them():
    engine = Engine({"ordering": {"holdMillis": 60000}})
    futures = [engine.submit_future(message(c, 1)) for c in range(5)]
    assert not any(f.done() for f in futures)
    waiter = concurrent.futures.ThreadPoolExecutor(1).submit(concurrent.futures.wait, futures, 30)
    started = time.monotonic()
    engine.close()
    done, not_done = waiter.result(timeout=10)
    assert time.monotonic() - started < 5
    assert len(done) == 5 and not not_done
    for future in futures:
        error = future.exception()
        assert isinstance(error, ParleyError) and error.status == Status.INVALID_ARGUMENT
        assert "closed" in error.message
    with pytest.raises(ParleyError):
        engine.submit_future(message(0, 2))
    with pytest.raises(ParleyError):  # poll on the closed engine ends, not hangs
        engine.poll(timeout_ms=-1)


def test_drain_then_close_settles_every_future(tmp_path):
    engine = Engine({"store": {"path": str(tmp_path / "p.db")}})
    futures = [engine.submit_future(message(c, n)) for n in range(10) for c in range(4)]
    engine.drain(30000)
    engine.close()
    assert all(f.done() and f.exception() is None for f in futures)


def test_a_cancelled_future_is_only_detached():
    with Engine({"ordering": {"holdMillis": 200}}) as held:
        cancelled = held.submit_future(message(0, 1))
        kept = held.submit_future(message(0, 2))
        assert cancelled.cancel()
        assert kept.result(timeout=10)["context"]["message"]["id"] == "f0-m2"
        held.drain(10000)
        assert held.poll(timeout_ms=50) == []
        assert not held.callback_errors
        # The message was processed all the same: submitting it again finds it.
        again = held.submit_future(message(0, 1))
        assert again.result(timeout=10)["context"]["status"] == "duplicate"


def test_recovered_results_go_to_poll_when_futures_are_used(tmp_path):
    store = str(tmp_path / "parley.db")
    with Engine({"store": {"path": store}, "ordering": {"holdMillis": 60000}}) as before:
        old = [before.submit(message(0, 1)), before.submit(message(1, 1))]
    with Engine({"store": {"path": store}}) as after:
        fresh = after.submit_future(message(2, 1))
        assert fresh.result(timeout=10)["recovered"] is False
        after.drain(10000)
        results = after.poll(max=10, timeout_ms=1000)
        assert sorted(r["ticket"] for r in results) == sorted(old)
        assert all(r["recovered"] for r in results)


def test_asyncio_wrap_future(engine):
    async def main():
        futures = [asyncio.wrap_future(engine.submit_future(message(c, 1))) for c in range(6)]
        return await asyncio.gather(*futures)

    results = asyncio.run(main())
    assert [r["context"]["message"]["id"] for r in results] == [f"f{c}-m1" for c in range(6)]


def test_bad_input_raises_at_once(engine):
    with pytest.raises(ParleyError) as caught:
        engine.submit_future("{not json")
    assert caught.value.status == Status.MALFORMED_JSON
    with pytest.raises(ValueError):
        engine.submit_future(message(0, 1), priority="urgent")
    assert engine.submit_future(message(0, 1)).result(timeout=10)["status"] == "PARLEY_OK"

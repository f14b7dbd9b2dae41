"""The asynchronous API through the real libParley.so: submit, poll, drain, the callback (on
Parley's threads, through ctypes), the results() generator, asyncio, backpressure, duplicates
and recovery after a close."""

import asyncio
import subprocess
import sys
import threading
import time

import pytest

from parley import Engine, ParleyError, Status

CHATS = [f"25078800000{c}@c.us" for c in range(1, 7)]
TEXTS = ["Is unit 4B still available?", "Rent RWF 50,000 paid for March",
         "Can I view the flat on Saturday at 10am?", "The kitchen tap drips", "thanks!",
         "Send me the lease please"]


def message(c, n, **extra):
    """Message n of chat c: ids and timestamps rise within a chat."""
    chat = CHATS[c % len(CHATS)]
    return dict({"id": f"c{c}-m{n}", "chat": chat, "from": chat, "fromMe": False,
                 "timestamp": 1764000000 + n, "type": "text", "text": TEXTS[n % len(TEXTS)]}, **extra)


def submit_many(engine, chats, per_chat, **kwargs):
    return [engine.submit(message(c, n), **kwargs) for n in range(per_chat) for c in range(chats)]


def assert_in_chat_order(results):
    last = {}
    for result in results:
        assert result["status"] == "PARLEY_OK", result.get("error")
        chat, ident = result["context"]["message"]["chat"], result["context"]["message"]["id"]
        n = int(ident.split("-m")[1])
        assert last.get(chat, -1) < n, f"{chat}: {ident} after m{last.get(chat)}"
        last[chat] = n


def poll_all(engine, count, timeout=20.0):
    results = []
    deadline = time.monotonic() + timeout
    while len(results) < count and time.monotonic() < deadline:
        results += engine.poll(max=50, timeout_ms=200)
    return results


@pytest.fixture
def engine():
    with Engine() as e:
        yield e


def test_poll_path_complete_and_in_chat_order(engine):
    tickets = submit_many(engine, 5, 40)
    assert len(set(tickets)) == 200 and all(isinstance(t, int) and t > 0 for t in tickets)
    results = poll_all(engine, 200)
    assert {r["ticket"] for r in results} == set(tickets)
    assert all(r["recovered"] is False for r in results)
    assert_in_chat_order(results)
    assert engine.poll() == []


def test_callback_path_under_load_from_several_threads(engine):
    received = []
    lock = threading.Lock()
    done = threading.Event()
    total = 6 * 50

    def on_result(result):
        with lock:
            received.append(result)
            if len(received) == total:
                done.set()

    engine.set_callback(on_result)
    tickets = []

    def producer(c):
        mine = [engine.submit(message(c, n)) for n in range(50)]
        with lock:
            tickets.extend(mine)

    threads = [threading.Thread(target=producer, args=(c,)) for c in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert done.wait(30), f"{len(received)} of {total}"
    engine.drain(5000)
    assert {r["ticket"] for r in received} == set(tickets)
    assert all(r["recovered"] is False for r in received), [r["ticket"] for r in received if r["recovered"]]
    assert_in_chat_order(received)
    assert engine.poll() == []   # everything went to the callback
    assert not engine.callback_errors


def test_callback_exceptions_are_caught_and_recorded(engine, caplog):
    seen = []

    def broken(result):
        seen.append(result["ticket"])
        raise RuntimeError("boom")

    engine.set_callback(broken)
    tickets = submit_many(engine, 3, 10)
    engine.drain(10000)
    assert sorted(seen) == sorted(tickets)
    assert len(engine.callback_errors) == 30
    assert all(isinstance(e, RuntimeError) for e in engine.callback_errors)
    assert "the result callback raised" in caplog.text
    # Unset: results go back to poll.
    engine.set_callback(None)
    ticket = engine.submit(message(0, 99))
    engine.drain(5000)
    assert [r["ticket"] for r in engine.poll()] == [ticket]


def test_drain_and_close_from_inside_the_callback():
    """drain from the callback raises UNSUPPORTED at once; close from it returns at once,
    the callback is not called after it, and the engine is closed."""
    engine = Engine({"core": {"workers": 2}})
    state = {"calls": 0, "after_close": 0, "drained": False, "closing": False, "closed": False, "drain_error": None}
    lock = threading.Lock()
    submitted = threading.Event()
    closed = threading.Event()

    def fn(result):
        with lock:
            state["calls"] += 1
            n = state["calls"]
            if state["closed"]:
                state["after_close"] += 1
            # Closed once everything is submitted (the host never uses a closed engine) and
            # the first callback has tried its drain (which a close would refuse otherwise).
            close = n >= 5 and submitted.is_set() and state["drained"] and not state["closing"]
            state["closing"] = state["closing"] or close
        if n == 1:
            submitted.wait(10)
            try:
                engine.drain()
            except ParleyError as error:
                state["drain_error"] = error
            with lock:
                state["drained"] = True
        elif close:
            engine.close()
            with lock:
                state["closed"] = True
            closed.set()

    engine.set_callback(fn)
    for n in range(10):
        for c in range(4):
            engine.submit(message(c, n))
    submitted.set()
    assert closed.wait(10), "the callback's close did not return"
    time.sleep(0.3)
    assert engine.closed
    with lock:
        assert state["after_close"] == 0, f"{state['after_close']} calls after close"
    assert state["drain_error"] is not None and state["drain_error"].status == Status.UNSUPPORTED
    assert "result callback" in str(state["drain_error"])
    assert not engine.callback_errors
    with pytest.raises(ParleyError):
        engine.submit(message(0, 99))


def test_close_from_a_callback_that_set_callback_is_handing_results_to():
    """set_callback hands the waiting results over on the calling thread; a close from that
    callback must not wait for the set_callback call it is inside (it hung forever)."""
    engine = Engine()
    engine.submit(message(0, 1))
    engine.submit(message(0, 2))
    engine.drain(5000)
    seen = []

    def close_at_first(result):
        seen.append(result["ticket"])
        engine.close()

    finished = threading.Event()
    worker = threading.Thread(target=lambda: (engine.set_callback(close_at_first), finished.set()), daemon=True)
    worker.start()
    assert finished.wait(10), "set_callback did not return: close from its callback waited for it"
    assert engine.closed and len(seen) == 1
    with pytest.raises(ParleyError):
        engine.set_callback(seen.append)
    # Refused on a closed engine, it changed nothing: results() ends instead of pointing to a callback.
    assert list(engine.results(timeout_ms=100)) == []


def test_thread_ids_with_a_nul_are_refused(engine):
    with pytest.raises(ParleyError) as caught:
        engine.thread("250788000001@c.us#1\0junk")
    assert caught.value.status == Status.INVALID_ARGUMENT


def test_setting_a_callback_hands_over_waiting_results(engine):
    tickets = submit_many(engine, 2, 5)
    engine.drain(5000)
    got = []
    engine.set_callback(got.append)
    assert {r["ticket"] for r in got} == set(tickets)
    assert all(r["recovered"] is False for r in got)
    with pytest.raises(TypeError):
        engine.set_callback(42)


def test_results_generator(engine):
    tickets = submit_many(engine, 4, 10)
    results = list(engine.results(timeout_ms=500))
    assert {r["ticket"] for r in results} == set(tickets)
    assert_in_chat_order(results)
    engine.set_callback(lambda r: None)
    with pytest.raises(RuntimeError):
        next(engine.results(timeout_ms=0))


def test_results_generator_ends_when_the_engine_closes():
    engine = Engine({"ordering": {"holdMillis": 60000}})
    engine.submit(message(0, 1))
    threading.Timer(0.2, engine.close).start()
    started = time.monotonic()
    assert list(engine.results()) == []
    assert time.monotonic() - started < 5


def test_asyncio_next_result_and_async_for(engine):
    async def main():
        tickets = submit_many(engine, 3, 10)
        first = await engine.next_result(timeout_ms=5000)
        rest = []
        async for result in engine.aresults(timeout_ms=500):
            rest.append(result)
        assert await engine.next_result(timeout_ms=0) is None
        return tickets, [first] + rest

    tickets, results = asyncio.run(main())
    assert {r["ticket"] for r in results} == set(tickets)
    assert_in_chat_order(results)


def test_asyncio_cancellation_loses_nothing(engine):
    async def main():
        waiter = asyncio.ensure_future(engine.next_result())
        await asyncio.sleep(0.1)
        ticket = engine.submit(message(0, 1))
        await asyncio.sleep(0)
        waiter.cancel()
        try:
            got = [await waiter]
        except asyncio.CancelledError:
            got = []
        await asyncio.sleep(0.3)
        return ticket, got

    ticket, got = asyncio.run(main())
    engine.drain(5000)
    got += engine.poll()
    assert [r["ticket"] for r in got] == [ticket]


def test_a_cancelled_consumer_leaves_its_results_to_the_next_poll(engine):
    # What a cancelled aresults() had taken waits in a stash; a poll that the stash fills
    # alone must hand those back, not ask the engine for 0 results (an error that dropped them).
    async def main():
        tickets = submit_many(engine, 5, 40)
        engine.drain(10000)
        got = []

        async def consume():
            async for result in engine.aresults():
                got.append(result["ticket"])
                await asyncio.sleep(0.01)

        task = asyncio.create_task(consume())
        await asyncio.sleep(0.035)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
        await asyncio.sleep(0.1)
        while True:
            batch = engine.poll(max=3, timeout_ms=300)
            if not batch:
                break
            got.extend(result["ticket"] for result in batch)
        return tickets, got

    tickets, got = asyncio.run(main())
    assert sorted(got) == sorted(tickets)


def test_priorities(engine):
    tickets = [engine.submit(message(c, 0), priority=p) for c, p in enumerate(["high", "normal", "low"])]
    for bad in ["urgent", "HIGH", 0, None]:
        with pytest.raises(ValueError):
            engine.submit(message(4, 0), priority=bad)
    engine.drain(5000)
    assert {r["ticket"] for r in engine.poll()} == set(tickets)


def test_bad_input_to_submit(engine):
    with pytest.raises(ParleyError) as caught:
        engine.submit("{not json")
    assert caught.value.status == Status.MALFORMED_JSON
    with pytest.raises(ParleyError) as caught:
        engine.submit({"id": "x"})
    assert caught.value.status == Status.INVALID_MESSAGE
    with pytest.raises(TypeError):
        engine.submit(42)
    with pytest.raises(ValueError):
        engine.poll(max=0)


def test_backpressure_busy_until_results_are_collected():
    with Engine({"queue": {"highWater": 5, "lowWater": 2}}) as engine:
        tickets, busy = [], None
        for n in range(20):
            try:
                tickets.append(engine.submit(message(n % 3, n)))
            except ParleyError as error:
                busy = error
                break
        assert len(tickets) == 5
        assert busy is not None and busy.status == Status.BUSY
        engine.drain(5000)
        with pytest.raises(ParleyError) as caught:
            engine.submit(message(0, 50))
        assert caught.value.status == Status.BUSY
        assert len(engine.poll(max=10)) == 5
        ticket = engine.submit(message(0, 51))
        engine.drain(5000)
        assert [r["ticket"] for r in engine.poll()] == [ticket]


def test_duplicate_submit_returns_the_same_ticket(engine):
    first = engine.submit(message(0, 1))
    assert engine.submit(message(0, 1)) == first
    engine.drain(5000)
    # One result when the second submit found the first still queued; two (the second a
    # duplicate) when a worker had processed it already.
    results = engine.poll()
    assert results[0]["ticket"] == first and results[0]["context"]["status"] == "processed"
    assert [(r["ticket"], r["context"]["status"]) for r in results[1:]] in ([], [(first, "duplicate")])
    # Processed: the stored context comes back marked duplicate, under the same ticket, also
    # through the callback (delivered on this thread, inside submit).
    got = []
    engine.set_callback(got.append)
    assert engine.submit(message(0, 1)) == first
    engine.drain(5000)
    assert [(r["ticket"], r["context"]["status"], r["recovered"]) for r in got] == [(first, "duplicate", False)]


def test_recovery_after_close_through_poll(tmp_path):
    store = str(tmp_path / "parley.db")
    with Engine({"store": {"path": store}, "ordering": {"holdMillis": 60000}}) as before:
        tickets = [before.submit(message(0, 1)), before.submit(message(0, 2)), before.submit(message(1, 1))]
        assert before.poll() == []
    with Engine({"store": {"path": store}}) as after:
        results = poll_all(after, 3)
        assert {r["ticket"] for r in results} == set(tickets)
        assert all(r["recovered"] is True for r in results)
        assert_in_chat_order(results)
        ticket = after.submit(message(2, 1))
        [fresh] = poll_all(after, 1)
        assert fresh["ticket"] == ticket and fresh["recovered"] is False


def test_recovery_through_the_callback(tmp_path):
    store = str(tmp_path / "parley.db")
    with Engine({"store": {"path": store}, "ordering": {"holdMillis": 60000}}) as before:
        tickets = [before.submit(message(0, 1)), before.submit(message(1, 1))]
    with Engine({"store": {"path": store}}) as after:
        got = []
        after.set_callback(got.append)
        after.drain(5000)
        fresh = after.submit(message(2, 1))
        after.drain(5000)
        assert sorted(r["ticket"] for r in got if r["recovered"]) == sorted(tickets)
        assert [r["ticket"] for r in got if not r["recovered"]] == [fresh]


def test_drain_timeout_and_close_while_draining():
    engine = Engine({"ordering": {"holdMillis": 60000}})
    engine.submit(message(0, 1))
    with pytest.raises(ParleyError) as caught:
        engine.drain(100)
    assert caught.value.status == Status.TIMEOUT
    errors = []

    def drain_forever():
        try:
            engine.drain()
        except ParleyError as error:
            errors.append(error)

    thread = threading.Thread(target=drain_forever)
    thread.start()
    time.sleep(0.1)
    started = time.monotonic()
    engine.close()
    assert time.monotonic() - started < 2
    thread.join(5)
    assert not thread.is_alive()
    assert [e.status for e in errors] == [Status.INVALID_ARGUMENT]
    with pytest.raises(ParleyError):
        engine.submit(message(0, 2))


def test_close_with_results_in_flight():
    for _ in range(5):
        engine = Engine()
        got = []
        engine.set_callback(got.append)
        submit_many(engine, 5, 40)
        engine.close()
        engine.close()
        assert len(got) <= 200


def test_the_interpreter_exits_with_a_callback_set_and_the_engine_open():
    script = """
import parley
engine = parley.Engine()
engine.set_callback(lambda r: None)
for n in range(100):
    engine.submit({"id": f"m{n}", "chat": f"c{n % 5}@c.us", "from": f"c{n % 5}@c.us",
                   "timestamp": 1764000000 + n, "type": "text", "text": "hello"})
print("submitted")
"""
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30)
    assert child.returncode == 0, child.stderr
    assert child.stdout.strip() == "submitted"


def test_submit_batch_one_commit_tickets_and_a_bad_message():
    with Engine({"queue": {"highWater": 8, "lowWater": 1}}) as engine:
        batch = [message(0, 0), message(1, 0), {"id": "broken"}, message(0, 1), message(0, 0)]
        tickets = engine.submit_batch(batch)
        assert len(tickets) == 5 and tickets[2] == 0 and tickets[4] == tickets[0]
        assert len({tickets[0], tickets[1], tickets[3]}) == 3 and all(t > 0 for t in (tickets[0], tickets[1], tickets[3]))
        engine.drain()
        results = poll_all(engine, 4)
        bad = [r for r in results if r["ticket"] == 0]
        assert len(results) == 4 and len(bad) == 1
        assert bad[0]["status"] == "PARLEY_INVALID_MESSAGE" and "message 2 of the batch" in bad[0]["error"]["message"]
        assert_in_chat_order([r for r in results if r["ticket"]])
        # JSON text of an array works too; a batch larger than queue.highWater never fits.
        text = "[" + ",".join(__import__("json").dumps(message(2, n)) for n in range(3)) + "]"
        assert all(t > 0 for t in engine.submit_batch(text, priority="low"))
        with pytest.raises(ParleyError) as too_large:
            engine.submit_batch([message(3, n) for n in range(9)])
        assert too_large.value.status == Status.TOO_LARGE
        with pytest.raises(ParleyError) as malformed:
            engine.submit_batch(b"[{\"id\":")
        assert malformed.value.status == Status.MALFORMED_JSON
        with pytest.raises(ValueError):
            engine.submit_batch([message(4, 0)], priority="urgent")
        engine.drain()
        assert len(poll_all(engine, 3)) == 3

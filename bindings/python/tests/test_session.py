"""Session care through the Python binding and the real libParley.so: the session lock against
real processes (SIGKILL, SIGSTOP), the client state machine, heartbeats, health, pre-flight."""

import os
import signal
import subprocess
import sys
import time

import pytest

from parley import Engine, ParleyError, SessionLock, Status

HOLDER = r"""
import sys, time
from parley import SessionLock, ParleyError
lock = SessionLock(sys.argv[1], stale_after_ms=int(sys.argv[2]), owner="py-child")
print("held", flush=True)
try:
    while True:
        time.sleep(0.02)
        lock.refresh()
except ParleyError as e:
    print(f"lost {e.status.name} {e.message}", flush=True)
    sys.exit(int(e.status))
"""


def spawn_holder(directory, stale_after_ms=45000):
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(directory), str(stale_after_ms)],
                             stdout=subprocess.PIPE, text=True, env=dict(os.environ))
    assert child.stdout.readline().strip() == "held"
    return child


def expect(status, call, *args, **kwargs):
    with pytest.raises(ParleyError) as caught:
        call(*args, **kwargs)
    assert caught.value.status == status, caught.value
    assert caught.value.message
    return caught.value


def test_lock_is_exclusive_and_released(tmp_path):
    with SessionLock(tmp_path, owner="bot-a") as lock:
        info = lock.info()
        assert info["owner"] == "bot-a" and info["pid"] == os.getpid()
        assert oct(os.stat(info["path"]).st_mode & 0o777) == "0o600"
        error = expect(Status.BUSY, SessionLock, tmp_path, owner="bot-b")
        assert "bot-a" in error.message
        lock.refresh()
    with SessionLock(tmp_path, owner="bot-b"):
        pass
    expect(Status.NOT_FOUND, SessionLock, tmp_path / "missing")
    expect(Status.INVALID_ARGUMENT, SessionLock, tmp_path, stale_after_ms=0)


def test_sigkilled_holder_is_taken_over_at_once(tmp_path):
    child = spawn_holder(tmp_path)
    error = expect(Status.BUSY, SessionLock, tmp_path)
    assert "py-child" in error.message
    child.kill()
    child.wait()
    start = time.monotonic()
    lock = SessionLock(tmp_path)
    assert time.monotonic() - start < 0.5
    lock.release()


def test_sigstopped_holder_loses_the_lock_and_is_told(tmp_path):
    child = spawn_holder(tmp_path, stale_after_ms=300)
    try:
        os.kill(child.pid, signal.SIGSTOP)
        start = time.monotonic()
        lock = None
        while lock is None and time.monotonic() - start < 5:
            try:
                lock = SessionLock(tmp_path, stale_after_ms=300)
            except ParleyError as e:
                assert e.status == Status.BUSY
                time.sleep(0.01)
        took = time.monotonic() - start
        assert lock is not None
        assert 0.2 <= took < 1.5, took
        os.kill(child.pid, signal.SIGCONT)
        assert child.wait(timeout=10) == Status.BUSY
        assert "taken over" in child.stdout.read()
        lock.refresh()
        lock.release()
    finally:
        if child.poll() is None:
            os.kill(child.pid, signal.SIGCONT)
            child.kill()
            child.wait()


def test_state_machine_health_and_preflight(tmp_path):
    config = {"session": {"lockDirectories": {"default": str(tmp_path)}, "backoff": {"seed": 5}}}
    with Engine(config) as engine:
        assert engine.session_event({"event": "qr", "at": 1000})["advice"]["action"] == "repair"
        engine.session_event({"event": "authenticated", "at": 2000})
        ready = engine.session_event({"event": "ready", "at": 3000})
        assert ready["state"] == "ready" and ready["advice"]["action"] == "none"
        lost = engine.session_event({"event": "connection.update", "connection": "close", "at": 4000,
                                     "lastDisconnect": {"error": {"output": {"statusCode": 428}}}})
        assert lost["state"] == "disconnected" and lost["code"] == 428
        assert lost["advice"]["action"] == "reconnect" and 800 <= lost["advice"]["delayMs"] <= 1200
        replaced = engine.session_event({"account": "b", "event": "connection.update", "connection": "close",
                                         "at": 4000, "lastDisconnect": {"error": {"output": {"statusCode": 440}}}})
        assert replaced["advice"]["action"] == "stop"
        error = expect(Status.INVALID_ARGUMENT, engine.session_event, {"event": "reconnecting", "account": "c", "at": 1})
        assert "initializing" in error.message and "reconnecting" in error.message
        expect(Status.UNSUPPORTED, engine.session_event, {"event": "wave", "at": 1})
        expect(Status.MALFORMED_JSON, engine.session_event, "{")

        engine.session_event({"event": "connection.update", "connection": "open", "at": 5000})
        engine.session_heartbeat(at=5000, latency_ms=150, ok=True, inbound=3, active_chats=2)
        expect(Status.INVALID_ARGUMENT, engine.session_heartbeat, at=-5)
        health = engine.session_health("default", now_ms=6000)
        account = health["accounts"][0]
        assert account["state"] == "ready" and 0 <= account["score"] <= 100
        assert [h["to"] for h in account["history"]] == ["qr", "authenticated", "ready", "disconnected", "ready"]
        everyone = engine.session_health(now_ms=6000)
        assert {a["account"] for a in everyone["accounts"]} == {"default", "b"}
        assert everyone["score"] == min(a["score"] for a in everyone["accounts"])
        expect(Status.NOT_FOUND, engine.session_health, "nobody", now_ms=6000)

        now = int(time.time() * 1000)
        engine.session_heartbeat(at=now)
        with SessionLock(tmp_path):
            checks = engine.session_preflight(now_ms=now)
            assert checks["ok"] is True, checks
        checks = engine.session_preflight(now_ms=now)
        assert checks["ok"] is False
        assert [c["name"] for c in checks["checks"] if not c["ok"]] == ["lock"]

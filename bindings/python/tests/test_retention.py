"""Retention (Engine.maintain) through the Python binding and the real libParley.so."""

import sqlite3
import time

import pytest

from parley import Engine, ParleyError, Status

DAY = 86_400
DAY_MS = 86_400_000


def message(id, chat, timestamp):
    return {"id": id, "chat": chat, "from": chat, "timestamp": timestamp, "type": "text",
            "text": "When can I view the 2 bedroom flat?"}


def test_old_messages_go_and_newer_stay(tmp_path):
    wall = time.time_ns() // 1_000_000
    config = {"store": {"path": str(tmp_path / "p.db")}, "retention": {"days": 30}}
    with Engine(config) as engine:
        engine.process(message("old", "a", wall // 1000 - 45 * DAY))
        engine.process(message("new", "a", wall // 1000 + 5 * DAY))
        report = engine.maintain()  # now: both arrived just now, so both stay
        assert report["deleted"] == 0 and report["schema"] == 1
        report = engine.maintain(now_ms=wall + 31 * DAY_MS)
        assert report["deleted"] == 1
        assert report["archived"] == 0
        assert report["autoVacuum"] == "incremental"
        assert set(report) >= {"threadsDeleted", "claimsExpired", "freedPages", "cutoff", "pageCount", "freelistCount"}
        assert engine.process(message("new", "a", wall // 1000 + 5 * DAY))["status"] == "duplicate"
        assert engine.process(message("old", "a", wall // 1000 - 45 * DAY))["status"] == "processed"


def test_archive_receives_the_rows(tmp_path):
    wall = time.time_ns() // 1_000_000
    archive = tmp_path / "archive.db"
    config = {"store": {"path": str(tmp_path / "p.db")}, "retention": {"days": 7, "archive": str(archive)}}
    with Engine(config) as engine:
        for i in range(5):
            engine.process(message(f"m{i}", "a", wall // 1000 - 10 * DAY + i))
        report = engine.maintain(wall + 8 * DAY_MS)
        assert report["archived"] == 5 and report["deleted"] == 0
    rows = sqlite3.connect(archive).execute("SELECT id FROM messages ORDER BY id").fetchall()
    assert [r[0] for r in rows] == [f"m{i}" for i in range(5)]


def test_days_zero_keeps_everything():
    with Engine({"retention": {"days": 0}}) as engine:
        engine.process(message("ancient", "a", 1000))
        report = engine.maintain(time.time_ns() // 1_000_000 + 3650 * DAY_MS)
        assert report["deleted"] == 0 and report["cutoff"] is None


def test_bad_arguments():
    with Engine() as engine:
        with pytest.raises(ParleyError) as caught:
            engine.maintain(-1)
        assert caught.value.status == Status.INVALID_ARGUMENT
        with pytest.raises(TypeError):
            engine.maintain("now")
    with pytest.raises(ParleyError) as caught:
        Engine({"retention": {"days": "thirty"}})
    assert caught.value.status == Status.INVALID_CONFIG
    closed = Engine()
    closed.close()
    with pytest.raises(ParleyError):
        closed.maintain()

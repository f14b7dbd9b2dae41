"""Metrics (Engine.metrics, Engine.metrics_prometheus) through the Python binding."""

import re

import pytest

from parley import Engine, ParleyError


def message(i):
    return {"id": f"m{i}", "chat": f"c{i % 3}", "from": f"c{i % 3}", "timestamp": 1764000000 + i * 400,
            "type": "text", "text": f"unit {i}B has no water"}


def test_metrics_count_outcomes_and_time_every_stage():
    engine = Engine()
    try:
        for i in range(12):
            engine.process(message(i))
        engine.process(message(0))
        with pytest.raises(ParleyError):
            engine.process("{broken")
        m = engine.metrics()
        assert m["schema"] == 1
        assert (m["messages"]["processed"], m["messages"]["duplicate"], m["messages"]["error"]) == (12, 1, 1)
        for stage in ("parse", "enrich", "journal", "total"):
            s = m["latencyMicros"][stage]
            assert s["count"] >= 12 and s["p50"] <= s["p99"] <= s["max"]
        assert m["process"]["rssBytes"] > 1_000_000
        text = engine.metrics_prometheus()
        assert re.search(r'^parley_messages_total\{outcome="processed"\} 12$', text, re.M)
        assert "# TYPE parley_stage_duration_seconds histogram" in text
    finally:
        engine.close()

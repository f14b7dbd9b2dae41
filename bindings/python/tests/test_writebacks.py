"""Write-backs parked while a breaker is open, through the Python binding."""

import pytest

from parley import Engine, ParleyError, Status

CONFIG = {"breakers": {"sheets": {"window": 4, "minimumCalls": 2, "openSeconds": 10}}}


def test_parked_while_open_and_replayed_in_order():
    with Engine(CONFIG) as engine:
        for t in (1000, 2000):
            assert engine.breaker_allow("sheets", now_ms=t)
            engine.breaker_record("sheets", ok=False, micros=1000, now_ms=t)
        first = engine.park_writeback("sheets", {"row": 1}, key="row-1", now_ms=3000)
        assert engine.park_writeback("sheets", {"row": 1}, key="row-1", now_ms=3100) == first
        engine.park_writeback("sheets", {"row": 2}, now_ms=3200)
        assert engine.replay_writebacks("sheets", now_ms=4000)["writebacks"] == []
        due = engine.replay_writebacks("sheets", now_ms=20000)
        assert [w["payload"]["row"] for w in due["writebacks"]] == [1, 2]
        engine.confirm_writeback(first, ok=True)
        with pytest.raises(ParleyError) as caught:
            engine.confirm_writeback(first)
        assert caught.value.status == Status.NOT_FOUND

"""The conversation report through the Python binding and the real libParley.so: a page per
chat with the store's counts, the chat filter and title, escaping, masking, an empty store,
bad options."""

import pytest

from parley import Engine, ParleyError, Status

ALINE = "250788123456@c.us"
ERIC = "250722987654@c.us"


def message(id, chat, text, at):
    return {"id": id, "chat": chat, "from": chat, "timestamp": at, "type": "text", "text": text}


def fill(engine):
    engine.process(message("a1", ALINE, "Hello, the kitchen tap in unit 4B is leaking since last night", 1_764_057_600))
    engine.process(message("a2", ALINE, "This is unacceptable!! Water everywhere, call +250 788 555 444", 1_764_057_700))
    engine.process(message("a3", ALINE, "I paid RWF 350,000 rent on 1 December", 1_764_057_800))
    engine.process(message("e1", ERIC, "Is the 2 bedroom in Kimihurura available? <img src=x onerror=alert(1)>", 1_764_060_000))
    engine.process(message("e2", ERIC, "Can I view it on Saturday at 10am?", 1_764_060_100))
    engine.fail(ERIC, "e2", {"status": "calendar_down", "message": "HTTP 502"}, now_ms=1_764_060_200_000)


def test_a_page_per_chat_with_the_stores_counts(tmp_path):
    with Engine({"store": {"path": str(tmp_path / "p.db")}}) as engine:
        fill(engine)
        html = engine.report_html(generatedAt=1_764_100_000)
        assert isinstance(html, str) and html.startswith("<!DOCTYPE html>")
        assert html.count('<section class="chat"') == 2
        for chat in (ALINE, ERIC):
            messages = sum(t["messageCount"] for t in engine.threads(chat=chat, limit=1000))
            letters = len(engine.dlq_list(chat=chat))
            assert f'data-messages="{messages}" data-dead-letters="{letters}"' in html
        assert 'data-chats="2" data-messages="5" data-dead-letters="1"' in html
        assert html.count("<svg ") == 6
        assert "calendar_down: HTTP 502" in html
        # Escaped and masked.
        assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
        assert "788 555 444" not in html and "250788123456" not in html
        assert "+250*******44" in html


def test_chat_filter_title_and_unmasked_text(tmp_path):
    with Engine({"store": {"path": str(tmp_path / "p.db")}}) as engine:
        fill(engine)
        html = engine.report_html(chat=ALINE, title="Kacyiru <Heights>", mask=False)
        assert html.count('<section class="chat"') == 1
        assert "<title>Kacyiru &lt;Heights&gt;</title>" in html
        assert "Kimihurura" not in html
        assert "call +250 788 555 444" in html          # the message, unmasked on request
        assert "+250*******44" in html                  # the entity table stays masked
        empty = engine.report_html(chat="nobody")
        assert "No messages for chat nobody in this store." in empty


def test_an_empty_store_and_bad_options():
    with Engine() as engine:
        html = engine.report_html()
        assert "The store holds no messages yet." in html and html.rstrip().endswith("</html>")
        for bad in ({"colour": "red"}, {"messageLimit": -1}, {"mask": "yes"}):
            with pytest.raises(ParleyError) as caught:
                engine.report_html(**bad)
            assert caught.value.status == Status.INVALID_ARGUMENT
            assert "parley_report_html" in caught.value.message
        with pytest.raises(ParleyError) as caught:
            engine.report_html(chat="")
        assert caught.value.status == Status.INVALID_ARGUMENT

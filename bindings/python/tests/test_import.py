"""WhatsApp chat-export import through the real libParley.so: the example export as a .txt
(attachments beside it) and as the .zip WhatsApp shares, a second import that adds nothing,
the iOS layout, and bad input (a truncated zip, a zip bomb, a file that is no export)."""

import pathlib
import zipfile

import pytest

from parley import Engine, ParleyError, Status

ROOT = pathlib.Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "Examples" / "whatsapp-export"
TEXT = EXAMPLE / "WhatsApp Chat with Kacyiru Heights Tenants.txt"
FIXTURES = ROOT / "Tests" / "Fixtures" / "import"
NO_READERS = {"ocr": False, "voice": False, "documents": False}


def test_the_example_imports_once(tmp_path):
    config = {"store": {"path": str(tmp_path / "p.db")}, "region": "RW", "media": NO_READERS}
    with Engine(config) as engine:
        summary = engine.import_chat(TEXT, time_zone="Africa/Kigali")
        assert summary["format"] == "android" and summary["dateOrder"] == "dmy"
        assert summary["chat"] == "Kacyiru Heights Tenants"
        assert (summary["messages"], summary["imported"], summary["duplicates"]) == (220, 219, 0)
        assert summary["systemEvents"] == 10 and summary["deleted"] == 1 and summary["edited"] == 1
        assert summary["media"] == 4 and summary["mediaMissing"] == 4 and summary["unparsedLines"] == []
        threads = engine.threads(chat="Kacyiru Heights Tenants", limit=1000)
        assert sum(t["messageCount"] for t in threads) == 219
        again = engine.import_chat(str(TEXT))
        assert (again["imported"], again["duplicates"]) == (0, 219)


def test_the_zip_with_media_fills_the_gallery(tmp_path):
    archive = tmp_path / "WhatsApp Chat - Kacyiru Heights Tenants.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for file in EXAMPLE.iterdir():
            if file.suffix != ".sh":
                z.write(file, file.name)
    config = {"store": {"path": str(tmp_path / "p.db")}, "region": "RW", "media": {"voice": False, "documents": False}}
    with Engine(config) as engine:
        summary = engine.import_chat(archive, chat="kacyiru")
        assert summary["chat"] == "kacyiru" and summary["imported"] == 219 and summary["media"] == 4
        images = engine.gallery(chat="kacyiru", kind="image")
        assert len(images) == 2 and all(item["status"] == "read" for item in images)
        assert engine.gallery(text="377,500")[0]["sender"] == "Amina Uwase"
        notice = engine.gallery(text="guard")
        assert notice and "20,000" in notice[0]["text"]


def test_ios_layout_and_options():
    with Engine() as engine:
        summary = engine.import_chat(FIXTURES / "ios" / "_chat.txt", chat="villas", date_order="mdy", time_zone="+02:00")
        assert summary["format"] == "ios" and summary["dateOrderSource"] == "option"
        assert summary["imported"] == 10 and summary["timeZone"] == "+02:00"
        with pytest.raises(ParleyError) as error:
            engine.import_chat(FIXTURES / "ios" / "_chat.txt", date_order="ymd")
        assert error.value.status == Status.INVALID_ARGUMENT
        with pytest.raises(TypeError):
            engine.import_chat(FIXTURES / "ios" / "_chat.txt", chat=7)


def test_bad_exports_get_a_status(tmp_path):
    cut = tmp_path / "cut.zip"
    cut.write_bytes((FIXTURES / "bomb.zip").read_bytes()[:5000])
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list\nmilk\n")
    with Engine() as engine:
        for path, status in [(FIXTURES / "bomb.zip", Status.TOO_LARGE), (cut, Status.CORRUPT),
                             (notes, Status.UNSUPPORTED), (tmp_path / "missing.txt", Status.NOT_FOUND)]:
            with pytest.raises(ParleyError) as error:
                engine.import_chat(path)
            assert error.value.status == status, (path, error.value)
        with pytest.raises(ParleyError) as error:
            engine.import_chat(cut)
        assert "cut.zip" in error.value.message

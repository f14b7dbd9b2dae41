"""Media through the real libParley.so: OCR, transcription and documents by direct calls and
inside process(), the gallery, a Python transcriber called from Parley's threads, bad files."""

import base64
import os
import pathlib

import pytest

from parley import Engine, ParleyError, Status

FIXTURES = pathlib.Path(__file__).resolve().parents[3] / "Tests" / "Fixtures"


def fixture(name):
    return (FIXTURES / name).read_bytes()


def test_direct_reads():
    with Engine() as engine:
        page = engine.ocr(fixture("ocr/phototest.tif"), maxWords=3)
        assert page["kind"] == "image" and "12 point text" in page["text"]
        assert len(page["words"]) == 3 and 0 < page["confidence"] <= 1
        lease = engine.parse_document(fixture("documents/lease.pdf"), timestamp=1764057600)
        assert lease["format"] == "pdf"
        fields = {e["value"]["key"]: e["value"]["value"] for e in lease["entities"] if e["type"] == "field"}
        assert fields["Tenant"] == "John Mugisha"
        assert any(e["type"] == "money" and e["value"]["amount"] == 350000 for e in lease["entities"])
        scan = engine.parse_document(fixture("documents/scanned-receipt.pdf"))
        assert scan["scanned"] is True and scan["ocrPages"] == 1 and "KIGALI HARDWARE LTD" in scan["text"]
        total = next(e for e in scan["entities"] if e["type"] == "receiptTotal")
        assert total["value"] == {"amount": 42500, "currency": "RWF"}
        note = engine.transcribe(fixture("voice/librivox-0930.ogg"))
        assert note["format"] == "opus" and note["seconds"] > 1 and note["text"]


def test_bad_files_get_a_status():
    with Engine() as engine:
        image = fixture("ocr/phototest.tif")
        for call, data, status in [(engine.ocr, image[:200], Status.BAD_MEDIA),
                                   (engine.ocr, fixture("documents/lease.pdf"), Status.BAD_MEDIA),
                                   (engine.parse_document, fixture("documents/encrypted.pdf"), Status.BAD_MEDIA),
                                   (engine.parse_document, fixture("documents/bomb.xlsx"), Status.TOO_LARGE),
                                   (engine.transcribe, fixture("voice/librivox-0930.ogg")[:3000], Status.BAD_MEDIA),
                                   (engine.transcribe, os.urandom(5000), Status.UNSUPPORTED)]:
            with pytest.raises(ParleyError) as caught:
                call(data)
            assert caught.value.status in (status, Status.BAD_MEDIA), (call.__name__, caught.value)
        with pytest.raises(ParleyError) as caught:
            engine.ocr(b"")
        assert caught.value.status == Status.INVALID_ARGUMENT
        with pytest.raises(TypeError):
            engine.ocr("not bytes")


def test_a_photo_in_a_chat_lands_in_the_gallery(tmp_path):
    with Engine({"store": {"path": str(tmp_path / "p.db")}}) as engine:
        data = base64.b64encode(fixture("ocr/phototest.tif")).decode()
        context = engine.process({"id": "m1", "chat": "c1", "from": "c1", "timestamp": 1764057600, "type": "image",
                                  "text": "notice from the landlord", "mediaData": data})
        media = context["media"]
        assert media["kind"] == "image" and "12 point text" in media["text"]
        assert context["message"]["media"]["path"].endswith(media["sha256"])
        found = engine.gallery(text="point text", chat="c1")
        assert [entry["messageId"] for entry in found] == ["m1"]
        item = engine.gallery_item(media["sha256"])
        assert item["messages"][0]["caption"] == "notice from the landlord"
        with pytest.raises(ParleyError) as caught:
            engine.gallery_item("0" * 64)
        assert caught.value.status == Status.NOT_FOUND


def test_a_python_transcriber_from_parleys_threads():
    calls = []

    def cloud(audio, pcm, options):
        calls.append((len(audio), len(pcm), options))
        return "nimeshalipa kodi ya mwezi huu", 0.88

    with Engine({"media": {"voice": {"engine": "host"}}}) as engine:
        engine.set_transcriber(cloud)
        note = engine.transcribe(fixture("voice/librivox-0930.ogg"))
        assert note["text"] == "nimeshalipa kodi ya mwezi huu" and note["confidence"] == pytest.approx(0.88)
        assert calls and calls[0][1] > 16000

        def broken(audio, pcm, options):
            raise ParleyError(Status.TIMEOUT, "the cloud did not answer")

        engine.set_transcriber(broken)
        with pytest.raises(ParleyError) as caught:
            engine.transcribe(fixture("voice/librivox-0930.ogg"))
        assert caught.value.status == Status.TIMEOUT
        engine.set_transcriber(None)
        with pytest.raises(ParleyError) as caught:
            engine.transcribe(fixture("voice/librivox-0930.ogg"))
        assert caught.value.status == Status.UNSUPPORTED

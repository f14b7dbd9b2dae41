"""The HTML report in a real browser: a store filled through the binding (the example
conversation with its receipt photo, and generated chats with angry moments and dead letters),
the page written, then rendered by headless Chromium (Debian's `chromium`, which
scripts/setup.sh installs from scripts/apt-packages.txt). The DOM Chromium built is checked
(charts present with their accessible names, per-chat message and dead-letter counts equal to
what the store says through the binding, every in-page link resolves, no injected element),
and screenshots at desktop and phone widths are saved under build/test-output/report/ (or
$PARLEY_TEST_OUTPUT) for a person to look at. Without Chromium this test fails: it does not skip."""

import json
import os
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from parley import Engine

ROOT = Path(__file__).resolve().parents[3]
OUTPUT = Path(os.environ.get("PARLEY_TEST_OUTPUT", ROOT / "build" / "test-output")) / "report"
BASE = 1_764_057_600  # 2025-11-25 08:00 UTC

LINES = [
    "Hello, the shower in unit {unit} has no hot water",
    "Still no hot water, this is really frustrating!!",
    "Thanks, the plumber came and fixed it 🙏",
    "When is the rent of RWF 400,000 due this month?",
    "This is the third time the water is off this week, absolutely unacceptable 😡",
    "Can I book a viewing on Saturday at 10am?",
    "Great, the lift is broken AGAIN 🙃",
    "Ok thank you, have a good day",
]


def chromium():
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, ("chromium is not installed: the report's browser test needs Debian's `chromium` "
                   "(scripts/setup.sh installs it from scripts/apt-packages.txt; or apt-get install chromium)")
    return found


def run_chromium(*arguments):
    command = [chromium(), "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--user-data-dir=" + str(OUTPUT / "chromium-profile"), *arguments]
    done = subprocess.run(command, capture_output=True, timeout=180)
    assert done.returncode == 0, f"{command} failed ({done.returncode}): {done.stderr.decode(errors='replace')[-2000:]}"
    return done.stdout.decode("utf-8")


class DOM(HTMLParser):
    """What the test reads of the DOM Chromium serialized."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections = []       # [{attrs, svgs: [{attrs, title, desc}], messages}]
        self.ids = set()
        self.links = []
        self.scripts = 0
        self.images = []
        self.tags = []
        self._svg = None
        self._in = None
        self.title = ""
        self._in_head_title = False
        self.headings = []
        self._heading = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href", "").startswith("#"):
            self.links.append(attrs["href"][1:])
        if tag == "script":
            self.scripts += 1
        if tag == "img":
            self.images.append(attrs)
        if tag == "title" and self._svg is None:
            self._in_head_title = True
        if tag in ("h1", "h2", "h3", "h4"):
            self._heading = [tag, ""]
        if tag == "section" and attrs.get("class") == "chat":
            self.sections.append({"attrs": attrs, "svgs": [], "messages": 0})
        if tag == "li" and "msg" in attrs.get("class", "").split() and self.sections:
            self.sections[-1]["messages"] += 1
        if tag == "svg":
            self._svg = {"attrs": attrs, "title": "", "desc": "", "marks": 0}
        if self._svg is not None and tag in ("title", "desc") and not self._svg[tag]:
            self._in = tag
        if self._svg is not None and tag in ("rect", "circle", "polyline"):
            self._svg["marks"] += 1

    def handle_endtag(self, tag):
        if tag == "svg" and self._svg is not None:
            if self.sections:
                self.sections[-1]["svgs"].append(self._svg)
            self._svg = None
        if tag in ("title", "desc"):
            self._in = None
            self._in_head_title = False
        if self._heading and tag == self._heading[0]:
            self.headings.append(tuple(self._heading))
            self._heading = None

    def handle_data(self, data):
        if self._in and self._svg is not None:
            self._svg[self._in] += data
        elif self._in_head_title:
            self.title += data
        if self._heading:
            self._heading[1] += data


def png_size(path):
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def fill(engine):
    for line in (ROOT / "Examples" / "conversation.jsonl").read_text().splitlines():
        engine.process(line)
    chats = ["250781000001@c.us", "250781000002@c.us", "250781000003@c.us"]
    for n, chat in enumerate(chats):
        for i in range(24 + 8 * n):
            text = LINES[(i + n) % len(LINES)].format(unit=f"{n + 1}A")
            engine.process({"id": f"g{n}-{i}", "chat": chat, "from": chat, "timestamp": BASE + 86_400 + i * 5_400 + n * 600,
                            "type": "text", "text": text, "senderName": f"Tenant {n + 1}"})
    # Two failed handlings and one dead letter (attempts: 1 in the config).
    engine.fail(chats[1], "g1-3", {"status": "sheets_down", "message": "HTTP 503"}, now_ms=BASE * 1000 + 200_000_000)
    engine.fail(chats[2], "g2-5", "timeout <script>alert(1)</script>", now_ms=BASE * 1000 + 200_000_000)
    return chats


def test_the_report_in_headless_chromium(tmp_path):
    chromium()  # fail first and clearly when the browser is missing
    OUTPUT.mkdir(parents=True, exist_ok=True)
    config = json.loads((ROOT / "Examples" / "config.json").read_text())
    config["media"]["directory"] = str(ROOT / "Examples" / "media")
    config["store"] = {"path": str(tmp_path / "store.db")}
    config["retries"] = {"attempts": 1}
    with Engine(config) as engine:
        fill(engine)
        html = engine.report_html(title="Parley conversation report", generatedAt=BASE + 400_000)
        chats = sorted({t["chat"] for t in engine.threads(limit=1000)})
        expected = {chat: (sum(t["messageCount"] for t in engine.threads(chat=chat, limit=1000)),
                           len(engine.dlq_list(chat=chat))) for chat in chats}
    page = OUTPUT / "report.html"
    page.write_text(html, encoding="utf-8")

    dom = DOM()
    dom.feed(run_chromium("--dump-dom", page.as_uri()))
    # Accessible structure: one h1, a chat per h2 after the overview, the page's title.
    assert dom.title == "Parley conversation report"
    assert [h for h, _ in dom.headings].count("h1") == 1
    assert len(dom.sections) == len(chats) == 8
    assert dom.scripts == 0, "a script element in the DOM"
    # Per chat: the store's counts, every message listed, three charts with names.
    for chat, section in zip(chats, dom.sections):
        messages, letters = expected[chat]
        attrs = section["attrs"]
        assert (int(attrs["data-messages"]), int(attrs["data-dead-letters"])) == (messages, letters), chat
        assert section["messages"] == messages, chat
        assert len(section["svgs"]) == 3, chat
        for svg in section["svgs"]:
            assert svg["attrs"].get("role") == "img" and svg["attrs"].get("aria-labelledby")
            assert svg["title"].strip() and svg["desc"].strip()
        assert section["svgs"][2]["marks"] > 0, f"the sentiment chart of {chat} is empty"
    assert sum(letters for _, letters in expected.values()) == 2
    # The angriest moments and every other in-page link land on an element.
    assert [link for link in dom.links if link not in dom.ids] == []
    assert sum(1 for link in dom.links if "-m" in link) > 20
    # The receipt photo is embedded with alt text; the injected error stayed text.
    assert any(img.get("src", "").startswith("data:image/jpeg;base64,") and img.get("alt") for img in dom.images)
    assert "timeout <script>alert(1)</script>" in html.replace("&lt;", "<").replace("&gt;", ">")

    # Screenshots a person can look at: a desktop and a phone-width window.
    for name, size in (("report-desktop.png", (1280, 2400)), ("report-phone.png", (390, 2400))):
        shot = OUTPUT / name
        if shot.exists():
            shot.unlink()
        run_chromium(f"--screenshot={shot}", f"--window-size={size[0]},{size[1]}", page.as_uri())
        assert shot.is_file() and shot.stat().st_size > 20_000, f"{shot} missing or blank"
        assert png_size(shot) == size
    print(f"report and screenshots in {OUTPUT}")

#!/usr/bin/env python3
"""Enrich every message of a JSONL conversation and print one line per message.

Usage: python3 Examples/process.py [FILE.jsonl]   (default: Examples/conversation.jsonl)
Needs the package: pip install ./bindings/python
"""

import json
import sys
from pathlib import Path

import parley

HERE = Path(__file__).resolve().parent


def main() -> int:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "conversation.jsonl"
    config = json.loads((HERE / "config.json").read_text())
    with parley.Engine(config) as engine, source.open("rb") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                context = engine.process(line.rstrip(b"\r\n"))
            except parley.ParleyError as error:
                print(f"{number:3}  {'refused':15}  {error.status.name:10}  {error.message}")
                continue
            message = context["message"]
            entities = ", ".join(entity["type"] for entity in context["entities"]) or "-"
            print(f"{number:3}  {context['format']:15}  {context['status']:10}  {message['id']}: {entities}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

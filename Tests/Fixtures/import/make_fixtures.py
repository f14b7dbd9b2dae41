#!/usr/bin/env python3
"""Writes the import fixtures (Python stdlib only). Everything here is made by the project
(no third-party content; same licence as the project).

- `ios/_chat.txt`: an iOS-layout export (what "WhatsApp Chat - Nyarutarama Villas.zip" holds):
  month-first dates with 2-digit years, a 12-hour clock with U+202F before AM/PM, U+200E marks
  before system notices and media placeholders, an <attached: …> photo, "image omitted", an
  edited and a deleted message, a number as sender, continuation lines, a missed call.
- `bomb.zip`: a `_chat.txt` of 100 MB of "A" deflated to ~100 KB (ratio ~1000:1): refused before
  it is inflated.
"""
import os, zipfile

here = os.path.dirname(os.path.abspath(__file__))
M, NB = "\u200e", "\u202f"

def t(clock):  # "9:00:12 AM" -> with a narrow no-break space before AM/PM
    return clock.replace(" AM", NB + "AM").replace(" PM", NB + "PM")

lines = [
    f"[3/1/25, {t('9:00:12 AM')}] Nyarutarama Villas: {M}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.",
    f"[3/1/25, {t('9:00:12 AM')}] Nyarutarama Villas: {M}Kevin Otieno created group “Nyarutarama Villas”",
    f"[3/1/25, {t('9:01:40 AM')}] Nyarutarama Villas: {M}Kevin Otieno added Aline Mutoni",
    f"[3/1/25, {t('9:05:03 AM')}] Kevin Otieno: Welcome to the Nyarutarama Villas group! Rent is due on the 1st of each month.",
    f"[3/2/25, {t('7:45:10 PM')}] Aline Mutoni: Hi Kevin, the gate code doesn't work for villa 7",
    f"[3/2/25, {t('7:46:00 PM')}] Aline Mutoni: {M}image omitted",
    f"[3/3/25, {t('8:15:22 AM')}] Kevin Otieno: New code is 4471",
    "Please don't share it with visitors.",
    "Thanks!",
    f"{M}[3/14/25, {t('10:02:45 AM')}] {M}+250 788 444 901: Hello, is villa 3 still available for rent?",
    f"[3/14/25, {t('10:05:12 AM')}] Kevin Otieno: {M}<attached: 00000012-PHOTO-2025-03-14-10-05-12.jpg>",
    f"[3/14/25, {t('10:06:30 AM')}] Kevin Otieno: Yes! USD 1,200 per month. Viewing tomorrow at 3 PM?",
    f"[3/14/25, {t('10:07:01 AM')}] {M}+250 788 444 901: Perfect, thank you {M}<This message was edited>",
    f"[3/15/25, {t('4:45:00 PM')}] Aline Mutoni: {M}This message was deleted.",
    f"[3/15/25, {t('4:46:10 PM')}] Aline Mutoni: {M}Missed voice call",
    f"[3/15/25, {t('11:59:59 PM')}] Aline Mutoni: The water pump is making a terrible noise AGAIN 😡",
    f"[3/16/25, {t('12:00:30 AM')}] Kevin Otieno: I'll send the technician first thing tomorrow.",
    f"[3/16/25, {t('12:15:00 PM')}] Nyarutarama Villas: {M}Aline Mutoni changed their phone number to a new number. Tap to message or add the new number.",
]
os.makedirs(os.path.join(here, "ios"), exist_ok=True)
with open(os.path.join(here, "ios", "_chat.txt"), "w", encoding="utf-8", newline="\r\n") as f:
    f.write("\n".join(lines) + "\n")

with zipfile.ZipFile(os.path.join(here, "bomb.zip"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    with z.open("_chat.txt", "w", force_zip64=False) as entry:
        block = b"A" * (1 << 20)
        for _ in range(100):
            entry.write(block)

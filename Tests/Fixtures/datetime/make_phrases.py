#!/usr/bin/env python3
"""Writes phrases.json: date/time phrases with the value Parley must give them.

The expected wall-clock times below are written by hand from the rules documented on
DateTimeExtractor (Sources/ParleyCore/Language/DateTime/DateTimeExtractor.swift); the UTC
offsets and timestamps are computed here with Python's zoneinfo, independently of Parley's
own TZif reader (fold=0: a time in a DST gap moves forward by the gap, an ambiguous time
takes the earlier instant). Run: python3 make_phrases.py > phrases.json
Written for Parley; public domain (CC0).
"""
import json
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

REFERENCES = {
    "kigali": ("Africa/Kigali", "2026-11-26 10:00", "Thursday"),
    "ny_spring": ("America/New_York", "2026-03-07 12:00", "Saturday, the day before DST starts"),
    "ny_fall": ("America/New_York", "2026-10-31 12:00", "Saturday, the day before DST ends"),
    "london": ("Europe/London", "2026-03-27 09:00", "Friday, two days before BST starts"),
}


def aware(zone, wall):
    tz = ZoneInfo(zone)
    naive = datetime.fromisoformat(wall)
    instant = naive.replace(tzinfo=tz).timestamp()  # fold=0
    return datetime.fromtimestamp(instant, tz)


def stamp(zone, wall):
    d = aware(zone, wall)
    return {"iso": d.isoformat(), "timestamp": int(d.timestamp())}


def point(zone, wall, granularity):
    s = stamp(zone, wall)
    return {"iso": s["iso"], "granularity": granularity, "timestamp": s["timestamp"]}


def span(zone, start, end, granularity):
    return {"start": stamp(zone, start), "end": stamp(zone, end), "granularity": granularity}


def after(ref, seconds):
    zone, wall, _ = REFERENCES[ref]
    d = datetime.fromtimestamp(aware(zone, wall).timestamp() + seconds, ZoneInfo(zone))
    return {"iso": d.isoformat(), "granularity": "minute", "timestamp": int(d.timestamp())}


# (reference, text, [entities]) with entities as (type, text, value-spec[, start]).
# value-spec: ("at", wall, granularity) | ("range", wall, wall, granularity)
#           | ("shift", seconds) | ("duration", seconds, iso)
P = []


def add(ref, text, *entities, day_first=True):
    P.append((ref, text, list(entities), day_first))


def whole(ref, text, spec):
    """A phrase that is one datetime entity from its first scalar to its last."""
    add(ref, text, ("datetime", text, spec))


K = "kigali"
# Relative days and weekdays (the reference is Thursday 2026-11-26 10:00 in Kigali).
add(K, "see you tomorrow at 5pm", ("datetime", "tomorrow at 5pm", ("at", "2026-11-27 17:00", "hour")))
add(K, "Saturday at 10am works", ("datetime", "Saturday at 10am", ("at", "2026-11-28 10:00", "hour")))
add(K, "can we meet on Monday?", ("datetime", "Monday", ("at", "2026-11-30 00:00", "day")))
add(K, "next Monday", ("datetime", "next Monday", ("at", "2026-11-30 00:00", "day")))
add(K, "next Friday please", ("datetime", "next Friday", ("at", "2026-12-04 00:00", "day")))
add(K, "I'll pay Friday", ("datetime", "Friday", ("at", "2026-11-27 00:00", "day")))
add(K, "it broke last Monday", ("datetime", "last Monday", ("at", "2026-11-23 00:00", "day")))
add(K, "this Saturday", ("datetime", "this Saturday", ("at", "2026-11-28 00:00", "day")))
add(K, "on Thursday", ("datetime", "Thursday", ("at", "2026-12-03 00:00", "day")))
add(K, "Thursday at 5pm", ("datetime", "Thursday at 5pm", ("at", "2026-11-26 17:00", "hour")))
add(K, "Thursday at 9am", ("datetime", "Thursday at 9am", ("at", "2026-12-03 09:00", "hour")))
add(K, "today", ("datetime", "today", ("at", "2026-11-26 00:00", "day")))
add(K, "tonight?", ("datetime", "tonight", ("at", "2026-11-26 20:00", "hour")))
add(K, "leaking since last night", ("datetime", "last night", ("at", "2026-11-25 20:00", "hour")))
add(K, "yesterday the tap leaked", ("datetime", "yesterday", ("at", "2026-11-25 00:00", "day")))
add(K, "the day after tomorrow", ("datetime", "the day after tomorrow", ("at", "2026-11-28 00:00", "day")))
add(K, "by Friday", ("datetime", "Friday", ("at", "2026-11-27 00:00", "day")))
add(K, "Monday next week", ("datetime", "Monday next week", ("at", "2026-11-30 00:00", "day")))
# Times.
add(K, "come at 5pm", ("datetime", "at 5pm", ("at", "2026-11-26 17:00", "hour")))
add(K, "5 pm is fine", ("datetime", "5 pm", ("at", "2026-11-26 17:00", "hour")))
add(K, "17:00", ("datetime", "17:00", ("at", "2026-11-26 17:00", "minute")))
add(K, "at 5:30pm", ("datetime", "at 5:30pm", ("at", "2026-11-26 17:30", "minute")))
add(K, "lunch at noon", ("datetime", "at noon", ("at", "2026-11-26 12:00", "hour")))
add(K, "before midnight", ("datetime", "midnight", ("at", "2026-11-27 00:00", "hour")))
add(K, "at 5", ("datetime", "at 5", ("at", "2026-11-26 17:00", "hour")))
add(K, "at 11", ("datetime", "at 11", ("at", "2026-11-26 11:00", "hour")))
add(K, "in the morning", ("datetime", "in the morning", ("at", "2026-11-27 09:00", "hour")))
add(K, "in the afternoon", ("datetime", "in the afternoon", ("at", "2026-11-26 15:00", "hour")))
add(K, "in the evening", ("datetime", "in the evening", ("at", "2026-11-26 19:00", "hour")))
add(K, "tomorrow morning", ("datetime", "tomorrow morning", ("at", "2026-11-27 09:00", "hour")))
add(K, "tomorrow at 5", ("datetime", "tomorrow at 5", ("at", "2026-11-27 17:00", "hour")))
add(K, "5 in the afternoon", ("datetime", "5 in the afternoon", ("at", "2026-11-26 17:00", "hour")))
add(K, "tonight at 8", ("datetime", "tonight at 8", ("at", "2026-11-26 20:00", "hour")))
add(K, "at 3pm on Friday", ("datetime", "at 3pm on Friday", ("at", "2026-11-27 15:00", "hour")))
add(K, "Friday, December 4 at 3pm", ("datetime", "Friday, December 4 at 3pm", ("at", "2026-12-04 15:00", "hour")))
add(K, "tomorrow 17:00", ("datetime", "tomorrow 17:00", ("at", "2026-11-27 17:00", "minute")))
add(K, "at 5 o'clock", ("datetime", "at 5 o'clock", ("at", "2026-11-26 17:00", "hour")))
add(K, "5.30pm", ("datetime", "5.30pm", ("at", "2026-11-26 17:30", "minute")))
# Dates.
add(K, "rent due on the 5th", ("datetime", "the 5th", ("at", "2026-12-05 00:00", "day")))
add(K, "5th of December", ("datetime", "5th of December", ("at", "2026-12-05 00:00", "day")))
add(K, "December 5", ("datetime", "December 5", ("at", "2026-12-05 00:00", "day")))
add(K, "Dec 5th 2026", ("datetime", "Dec 5th 2026", ("at", "2026-12-05 00:00", "day")))
add(K, "December 5, 2027", ("datetime", "December 5, 2027", ("at", "2027-12-05 00:00", "day")))
add(K, "moving in 12/03", ("datetime", "12/03", ("at", "2027-03-12 00:00", "day")))
add(K, "lease from 12/03/2026", ("datetime", "12/03/2026", ("at", "2026-03-12 00:00", "day")))
add(K, "12.03.2026", ("datetime", "12.03.2026", ("at", "2026-03-12 00:00", "day")))
add(K, "2026-03-12", ("datetime", "2026-03-12", ("at", "2026-03-12 00:00", "day")))
add(K, "2026-03-12T17:00", ("datetime", "2026-03-12T17:00", ("at", "2026-03-12 17:00", "minute")))
add(K, "12/03/2026", ("datetime", "12/03/2026", ("at", "2026-12-03 00:00", "day")), day_first=False)
add(K, "12/25/2026", ("datetime", "12/25/2026", ("at", "2026-12-25 00:00", "day")))
add(K, "on May 5", ("datetime", "May 5", ("at", "2027-05-05 00:00", "day")))
add(K, "in December", ("datetime", "December", ("at", "2026-12-01 00:00", "month")))
# Relative.
add(K, "in 2 weeks", ("datetime", "in 2 weeks", ("at", "2026-12-10 00:00", "day")))
add(K, "in 3 days", ("datetime", "in 3 days", ("at", "2026-11-29 00:00", "day")))
add(K, "in an hour", ("datetime", "in an hour", ("shift", 3600)))
add(K, "in 30 minutes", ("datetime", "in 30 minutes", ("shift", 1800)))
add(K, "2 days ago", ("datetime", "2 days ago", ("at", "2026-11-24 00:00", "day")))
add(K, "3 hours ago", ("datetime", "3 hours ago", ("shift", -10800)))
add(K, "next week", ("datetime", "next week", ("at", "2026-11-30 00:00", "week")))
add(K, "next month", ("datetime", "next month", ("at", "2026-12-01 00:00", "month")))
add(K, "next year", ("datetime", "next year", ("at", "2027-01-01 00:00", "year")))
add(K, "end of the month", ("datetime", "end of the month", ("at", "2026-11-30 00:00", "day")))
add(K, "by the end of next month", ("datetime", "the end of next month", ("at", "2026-12-31 00:00", "day")))
add(K, "start of next month", ("datetime", "start of next month", ("at", "2026-12-01 00:00", "day")))
add(K, "in 2 months", ("datetime", "in 2 months", ("at", "2027-01-26 00:00", "day")))
# Ranges.
add(K, "from 3 to 5pm", ("datetime", "from 3 to 5pm", ("range", "2026-11-26 15:00", "2026-11-26 17:00", "hour")))
add(K, "between 2 and 4pm", ("datetime", "between 2 and 4pm", ("range", "2026-11-26 14:00", "2026-11-26 16:00", "hour")))
add(K, "3-5pm", ("datetime", "3-5pm", ("range", "2026-11-26 15:00", "2026-11-26 17:00", "hour")))
add(K, "9am to 5pm", ("datetime", "9am to 5pm", ("range", "2026-11-27 09:00", "2026-11-27 17:00", "hour")))
add(K, "Mon–Wed", ("datetime", "Mon–Wed", ("range", "2026-11-30 00:00", "2026-12-02 00:00", "day")))
add(K, "Monday to Wednesday", ("datetime", "Monday to Wednesday", ("range", "2026-11-30 00:00", "2026-12-02 00:00", "day")))
add(K, "this weekend", ("datetime", "this weekend", ("range", "2026-11-28 00:00", "2026-11-29 00:00", "day")))
add(K, "December 5-7", ("datetime", "December 5-7", ("range", "2026-12-05 00:00", "2026-12-07 00:00", "day")))
add(K, "5-7 December", ("datetime", "5-7 December", ("range", "2026-12-05 00:00", "2026-12-07 00:00", "day")))
add(K, "Friday 9am-5pm", ("datetime", "Friday 9am-5pm", ("range", "2026-11-27 09:00", "2026-11-27 17:00", "hour")))
add(K, "tomorrow from 3 to 5", ("datetime", "tomorrow from 3 to 5", ("range", "2026-11-27 15:00", "2026-11-27 17:00", "hour")))
add(K, "open from 8:00 to 17:00", ("datetime", "from 8:00 to 17:00", ("range", "2026-11-27 08:00", "2026-11-27 17:00", "minute")))
add(K, "Tue 1 Dec at 10:00", ("datetime", "Tue 1 Dec at 10:00", ("at", "2026-12-01 10:00", "minute")))
add(K, "10pm to 2am", ("datetime", "10pm to 2am", ("range", "2026-11-26 22:00", "2026-11-27 02:00", "hour")))
# Durations.
add(K, "for 2 weeks", ("duration", "2 weeks", ("duration", 1209600, "P2W")))
add(K, "a lease of 12 months", ("duration", "12 months", ("duration", 31104000, "P12M")))
add(K, "3 days", ("duration", "3 days", ("duration", 259200, "P3D")))
add(K, "it takes an hour", ("duration", "an hour", ("duration", 3600, "PT1H")))
add(K, "30 mins", ("duration", "30 mins", ("duration", 1800, "PT30M")))
add(K, "1.5 hours", ("duration", "1.5 hours", ("duration", 5400, "PT1H30M")))
add(K, "half an hour", ("duration", "half an hour", ("duration", 1800, "PT30M")))
add(K, "for a week", ("duration", "a week", ("duration", 604800, "P1W")))
# French and Swahili.
add(K, "demain à 17h", ("datetime", "demain à 17h", ("at", "2026-11-27 17:00", "hour")))
add(K, "lundi prochain", ("datetime", "lundi prochain", ("at", "2026-11-30 00:00", "day")))
add(K, "le 5 décembre", ("datetime", "le 5 décembre", ("at", "2026-12-05 00:00", "day")))
add(K, "dans 3 jours", ("datetime", "dans 3 jours", ("at", "2026-11-29 00:00", "day")))
add(K, "rdv à 17h30", ("datetime", "à 17h30", ("at", "2026-11-26 17:30", "minute")))
add(K, "après-demain", ("datetime", "après-demain", ("at", "2026-11-28 00:00", "day")))
add(K, "aujourd'hui", ("datetime", "aujourd'hui", ("at", "2026-11-26 00:00", "day")))
add(K, "il y a 2 jours", ("datetime", "il y a 2 jours", ("at", "2026-11-24 00:00", "day")))
add(K, "mardi 14h", ("datetime", "mardi 14h", ("at", "2026-12-01 14:00", "hour")))
add(K, "2 weeks from now", ("datetime", "2 weeks from now", ("at", "2026-12-10 00:00", "day")))
add(K, "kesho", ("datetime", "kesho", ("at", "2026-11-27 00:00", "day")))
add(K, "nitakuja leo", ("datetime", "leo", ("at", "2026-11-26 00:00", "day")))
add(K, "jumatatu", ("datetime", "jumatatu", ("at", "2026-11-30 00:00", "day")))
add(K, "kesho asubuhi", ("datetime", "kesho asubuhi", ("at", "2026-11-27 09:00", "hour")))
add(K, "wiki ijayo", ("datetime", "wiki ijayo", ("at", "2026-11-30 00:00", "week")))
add(K, "siku 3", ("duration", "siku 3", ("duration", 259200, "P3D")))
# Swahili time counts the day's hours from 6 am: saa nne (the 4th hour) is 10:00.
add(K, "nitakuja kesho saa nne asubuhi", ("datetime", "kesho saa nne asubuhi", ("at", "2026-11-27 10:00", "hour")))
whole(K, "kesho saa kumi jioni", ("at", "2026-11-27 16:00", "hour"))
whole(K, "leo saa mbili usiku", ("at", "2026-11-26 20:00", "hour"))
# 09:30 has passed at the reference (10:00): a bare time is the next one.
whole(K, "saa tatu na nusu", ("at", "2026-11-27 09:30", "minute"))
whole(K, "kesho saa 4", ("at", "2026-11-27 10:00", "hour"))
whole(K, "saa sita mchana", ("at", "2026-11-26 12:00", "hour"))
whole(K, "kesho saa 14:30", ("at", "2026-11-27 14:30", "minute"))
# Kinyarwanda uses the same clock; "ejo" (tomorrow or yesterday) leans on it.
add(K, "nzaza ejo saa yine", ("datetime", "ejo saa yine", ("at", "2026-11-27 10:00", "hour")))
# Kinyarwanda weekdays are "ku wa" + an ordinal: Friday is "ku wa gatanu" (the reference is a Thursday).
add(K, "nzaza ku wa gatanu saa yine", ("datetime", "ku wa gatanu saa yine", ("at", "2026-11-27 10:00", "hour")))
whole(K, "kuwa gatandatu", ("at", "2026-11-28 00:00", "day"))
add(K, "ku cyumweru", ("datetime", "cyumweru", ("at", "2026-11-29 00:00", "day"), 3))
whole(K, "icyumweru gitaha", ("at", "2026-11-30 00:00", "week"))
add(K, "nzaza tariki 5 Ukuboza", ("datetime", "5 Ukuboza", ("at", "2026-12-05 00:00", "day")))
# Arabic written in Latin letters, and Arabic-Indic digits.
add(K, "nji ghda", ("datetime", "ghda", ("at", "2026-11-27 00:00", "day")))
whole(K, "bukra at 5pm", ("at", "2026-11-27 17:00", "hour"))
add(K, "يوم ١٥/١٢", ("datetime", "١٥/١٢", ("at", "2026-12-15 00:00", "day"), 4))
# Arabic words, whole (hamza, taa marbuta and tanween folded).
add(K, "أقدر أزور الشقة بكرة الساعة 5 المساء؟", ("datetime", "بكرة الساعة 5 المساء", ("at", "2026-11-27 17:00", "hour")))
whole(K, "غداً الساعة 10 صباحاً", ("at", "2026-11-27 10:00", "hour"))
whole(K, "اليوم الساعة ٣ العصر", ("at", "2026-11-26 15:00", "hour"))
add(K, "الكهرباء مقطوعة من امبارح", ("datetime", "امبارح", ("at", "2026-11-25 00:00", "day")))
add(K, "العقد ينتهي 15 مارس", ("datetime", "15 مارس", ("at", "2027-03-15 00:00", "day")))
# Offsets count Unicode scalars: an emoji is one, a ZWJ family five.
add(K, "🏠🔑 viewing tomorrow 5pm?", ("datetime", "tomorrow 5pm", ("at", "2026-11-27 17:00", "hour"), 11))
add(K, "👨‍👩‍👧 family visit on Saturday", ("datetime", "Saturday", ("at", "2026-11-28 00:00", "day"), 22))
# No entity.
for text in ["unit 4B", "$1,200", "0788 123 456", "2BR", "may I come", "apt 12", "good morning", "Good evening",
             "have a nice day", "24/7 support", "1/2 price", "the 5th floor", "between 2 and 4 people",
             "a second bedroom", "I sat at the door", "score 3:1", "call 0788-123-456", "RWF 350,000 per month",
             "flat 3, block 12", "version 2.5", "room 12/3", "unit 12/03", "kwa saa mbili", "baada ya saa mbili",
             "saa yangu imeharibika", "مساء الخير", "صباح الخير", "umwana wa kane", "inzu ya gatanu", ""]:
    # ("once a week" is a recurrence: Tests/ParleyCoreTests/RecurrenceTests.swift.)
    add(K, text)

NS = "ny_spring"
add(NS, "tomorrow at 2:30am", ("datetime", "tomorrow at 2:30am", ("at", "2026-03-08 02:30", "minute")))
add(NS, "tomorrow at 5pm", ("datetime", "tomorrow at 5pm", ("at", "2026-03-08 17:00", "hour")))
add(NS, "tomorrow", ("datetime", "tomorrow", ("at", "2026-03-08 00:00", "day")))
add(NS, "in 24 hours", ("datetime", "in 24 hours", ("shift", 86400)))
add(NS, "next week", ("datetime", "next week", ("at", "2026-03-09 00:00", "week")))
add(NS, "Monday 9am", ("datetime", "Monday 9am", ("at", "2026-03-09 09:00", "hour")))
add(NS, "tonight", ("datetime", "tonight", ("at", "2026-03-07 20:00", "hour")))
add(NS, "12/03/2026", ("datetime", "12/03/2026", ("at", "2026-12-03 00:00", "day")), day_first=False)
add(NS, "on 3/15", ("datetime", "3/15", ("at", "2026-03-15 00:00", "day")), day_first=False)

NF = "ny_fall"
add(NF, "tomorrow at 1:30am", ("datetime", "tomorrow at 1:30am", ("at", "2026-11-01 01:30", "minute")))
add(NF, "tomorrow at 2:30am", ("datetime", "tomorrow at 2:30am", ("at", "2026-11-01 02:30", "minute")))
add(NF, "Sunday 5pm", ("datetime", "Sunday 5pm", ("at", "2026-11-01 17:00", "hour")))
add(NF, "in 24 hours", ("datetime", "in 24 hours", ("shift", 86400)))
add(NF, "next Saturday", ("datetime", "next Saturday", ("at", "2026-11-07 00:00", "day")))

L = "london"
add(L, "next week", ("datetime", "next week", ("at", "2026-03-30 00:00", "week")))
add(L, "Sunday at 1:30am", ("datetime", "Sunday at 1:30am", ("at", "2026-03-29 01:30", "minute")))
add(L, "this weekend", ("datetime", "this weekend", ("range", "2026-03-28 00:00", "2026-03-29 00:00", "day")))
add(L, "end of the month", ("datetime", "end of the month", ("at", "2026-03-31 00:00", "day")))
add(L, "at 5", ("datetime", "at 5", ("at", "2026-03-27 17:00", "hour")))
add(L, "tomorrow at midnight", ("datetime", "tomorrow at midnight", ("at", "2026-03-29 00:00", "hour")))
add(L, "in 3 days", ("datetime", "in 3 days", ("at", "2026-03-30 00:00", "day")))


def value(ref, spec):
    zone = REFERENCES[ref][0]
    kind = spec[0]
    if kind == "at":
        return point(zone, spec[1], spec[2])
    if kind == "range":
        return span(zone, spec[1], spec[2], spec[3])
    if kind == "shift":
        return after(ref, spec[1])
    return {"seconds": spec[1], "iso": spec[2]}


def main():
    references = {}
    for name, (zone, wall, note) in REFERENCES.items():
        d = aware(zone, wall)
        references[name] = {"timeZone": zone, "timestamp": int(d.timestamp()), "local": d.isoformat(), "note": note}
    phrases = []
    for ref, text, entities, day_first in P:
        item = {"ref": ref, "text": text}
        if not day_first:
            item["dayFirst"] = False
        out = []
        for entity in entities:
            e = {"type": entity[0], "text": entity[1], "value": value(ref, entity[2])}
            if len(entity) > 3:
                e["start"] = entity[3]
                e["end"] = entity[3] + len(entity[1])
            out.append(e)
        item["entities"] = out
        phrases.append(item)
    about = ("Date/time phrases and the values Parley must give them, generated by make_phrases.py: "
             "wall times written by hand, offsets and timestamps from Python's zoneinfo. CC0.")
    json.dump({"about": about, "references": references, "phrases": phrases},
              sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


main()

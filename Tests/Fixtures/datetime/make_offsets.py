#!/usr/bin/env python3
"""Writes offsets.json: UTC offsets of a few zones at chosen instants, from Python's zoneinfo
(an implementation independent of Parley's TZif reader), including instants around DST
changes and far beyond the tables (2045, 2100), where the POSIX TZ footer rule applies.
Run: python3 make_offsets.py > offsets.json. Written for Parley; public domain (CC0)."""
import json
import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

ZONES = ["Africa/Kigali", "Africa/Nairobi", "Africa/Lagos", "Africa/Casablanca", "America/New_York",
         "America/Sao_Paulo", "America/Santiago", "Europe/London", "Europe/Paris", "Europe/Dublin",
         "Asia/Kolkata", "Asia/Kathmandu", "Asia/Tehran", "Australia/Sydney", "Australia/Lord_Howe",
         "Pacific/Auckland", "Pacific/Chatham", "America/St_Johns", "Asia/Gaza", "UTC"]
YEARS = [1950, 1975, 2000, 2021, 2026, 2045, 2100]


def main():
    cases = []
    for name in ZONES:
        tz = ZoneInfo(name)
        instants = []
        for year in YEARS:
            for month in (1, 4, 7, 10):
                instants.append(int(datetime(year, month, 15, 12, tzinfo=timezone.utc).timestamp()))
        # Every transition of 2026 and 2045, and the seconds around it.
        for year in (2026, 2045):
            start = int(datetime(year, 1, 1, tzinfo=timezone.utc).timestamp())
            previous = datetime.fromtimestamp(start, tz).utcoffset()
            t = start
            while t < start + 366 * 86400:
                offset = datetime.fromtimestamp(t, tz).utcoffset()
                if offset != previous:
                    lo, hi = t - 3600, t
                    while hi - lo > 1:
                        mid = (lo + hi) // 2
                        if datetime.fromtimestamp(mid, tz).utcoffset() == previous:
                            lo = mid
                        else:
                            hi = mid
                    instants += [hi - 1, hi]
                    previous = offset
                t += 3600
        for t in sorted(set(instants)):
            offset = datetime.fromtimestamp(t, tz).utcoffset()
            cases.append([name, t, int(offset.total_seconds())])
    json.dump({"about": "UTC offsets [zone, unix seconds, offset seconds] from Python zoneinfo; see make_offsets.py. CC0.",
               "cases": cases}, sys.stdout)
    sys.stdout.write("\n")


main()

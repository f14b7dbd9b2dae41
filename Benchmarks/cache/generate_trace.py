#!/usr/bin/env python3
"""Writes a replayable access trace of a property bot's Google Sheets reads and writes.

Synthetic (no real tenant data exists to replay), modelled on how the bot uses its sheets:
a portfolio of UNITS units and about as many tenants; each tenant message makes the bot read
the tenant's row, often the unit's row and the rent ledger row for the month, sometimes the
open-repairs list or a day's viewing schedule, and the manager's dashboard reads whole ranges.
Who writes is skewed: a Zipf law (exponent 1.1) over tenants, so a few chatty tenants make
most messages. Traffic follows a day: quiet at night, peaks at 9:00 and 18:00. Writes (rent
paid, a repair reported or closed, a viewing booked, a tenant's details updated) invalidate
what they change by tag (tenant:N, unit:N, rent:N, repairs, viewings:DAY, range:tenants,
range:rent for the dashboard's whole ranges), as the bot would through parley_cache_put's "invalidates".

Output, one operation a line, tab-separated:
  R <now_ms> <key> <value_bytes> <tags,comma,separated>     a read (get-or-fetch)
  W <now_ms> <tag,tag>                                       a write: invalidate these tags
Usage: generate_trace.py [--days 7] [--units 2000] [--messages-per-day 6000] [--seed 1] > trace.tsv
"""

import argparse
import bisect
import math
import random
import sys


def zipf_sampler(n, exponent, rng):
    weights = [1.0 / (rank ** exponent) for rank in range(1, n + 1)]
    total = sum(weights)
    cumulative, running = [], 0.0
    for w in weights:
        running += w / total
        cumulative.append(running)
    order = list(range(n))
    rng.shuffle(order)  # popularity is not the id order
    return lambda: order[min(bisect.bisect_left(cumulative, rng.random()), n - 1)]


def day_shape(hour):
    """Relative message rate by hour: night 0.1, peaks at 9 and 18."""
    return 0.1 + math.exp(-((hour - 9) ** 2) / 4) + 0.8 * math.exp(-((hour - 18) ** 2) / 6)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--messages-per-day", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    units = args.units
    tenant_of_message = zipf_sampler(units, 1.1, rng)
    lines = []

    class Sink:
        @staticmethod
        def write(line):
            lines.append((int(line.split('\t', 2)[1]), len(lines), line))

    out = Sink()
    start = 1_767_225_600_000  # 2026-01-01T00:00:00Z
    shapes = [day_shape(h) for h in range(24)]
    shape_total = sum(shapes)
    reads = writes = 0
    for day in range(args.days):
        month = (day // 30) + 1
        for hour in range(24):
            count = round(args.messages_per_day * shapes[hour] / shape_total)
            times = sorted(rng.randrange(3_600_000) for _ in range(count))
            # The manager's dashboard: the whole tenant and rent ranges, twice an hour by day.
            if 7 <= hour <= 20:
                for minute in (5, 35):
                    t = start + day * 86_400_000 + hour * 3_600_000 + minute * 60_000
                    out.write(f"R\t{t}\tsheets:tenants!A1:H{units + 1}\t{units * 110}\trange:tenants\n")
                    out.write(f"R\t{t + 200}\tsheets:rent!A1:F{units + 1}\t{units * 60}\trange:rent\n")
                    reads += 2
            for offset in times:
                t = start + day * 86_400_000 + hour * 3_600_000 + offset
                tenant = tenant_of_message()
                unit = tenant  # one tenant per unit
                out.write(f"R\t{t}\tsheets:tenants!row:{tenant}\t{rng.randint(280, 620)}\ttenant:{tenant}\n")
                reads += 1
                roll = rng.random()
                if roll < 0.55:
                    out.write(f"R\t{t + 40}\tsheets:units!row:{unit}\t{rng.randint(350, 900)}\tunit:{unit}\n")
                    reads += 1
                if roll < 0.35:
                    out.write(f"R\t{t + 80}\tsheets:rent!{unit}:2026-{month:02d}\t{rng.randint(200, 400)}\trent:{unit}\n")
                    reads += 1
                if 0.35 <= roll < 0.50:
                    out.write(f"R\t{t + 80}\tsheets:repairs!open\t{14_000 + rng.randint(0, 6_000)}\trepairs\n")
                    reads += 1
                if 0.50 <= roll < 0.58:
                    out.write(f"R\t{t + 80}\tsheets:viewings!2026-01-{(day % 28) + 2:02d}\t{rng.randint(1_500, 4_000)}\tviewings:{day}\n")
                    reads += 1
                # What the message changes.
                w = rng.random()
                if w < 0.06:  # rent paid
                    out.write(f"W\t{t + 500}\trent:{unit},range:rent\n")
                    writes += 1
                elif w < 0.09:  # repair reported or closed
                    out.write(f"W\t{t + 500}\trepairs\n")
                    writes += 1
                elif w < 0.10:  # viewing booked
                    out.write(f"W\t{t + 500}\tviewings:{day}\n")
                    writes += 1
                elif w < 0.11:  # tenant details updated
                    out.write(f"W\t{t + 500}\ttenant:{tenant},range:tenants\n")
                    writes += 1
    lines.sort()
    sys.stdout.writelines(line for _, _, line in lines)
    print(f"{reads} reads, {writes} writes over {args.days} days, {units} units", file=sys.stderr)


if __name__ == "__main__":
    main()

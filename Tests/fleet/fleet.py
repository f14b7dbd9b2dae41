#!/usr/bin/env python3
"""Several Parley engine processes on one PostgreSQL store, driven through the Python binding
(the C ABI), as a webhook farm behind a load balancer runs them (issue 9's proof).

    fleet.py crash-loop --url URL [--chats 40 --per-chat 40 --kill-every 1.5]
        Three instances; each chat's messages fed in order (Cloud API webhook bodies; the next once the previous
        was accepted), each to a random live instance, some again to another one (WhatsApp's retry
        landing elsewhere); every --kill-every seconds one instance is killed with SIGKILL and
        restarted, and what was in flight to it is sent to another (the balancer's retry).
        Checks that every message was processed exactly once, in its chat's order, and reports
        the takeover time (kill → a stranded message processed elsewhere) as JSON.
    fleet.py throughput --url URL [--instances 1,2,3 --messages 4000 --chats 400]
        Messages per second with 1, 2 and 3 instances on PostgreSQL and one on SQLite in the same
        run, and the database's transactions per message.
    fleet.py instance ...   (internal) one engine process: message lines in, acks out.

URL: a PostgreSQL server Parley may create schemas in (scripts/pg-test-server.sh url). Each run
works in a fresh schema, dropped at the end. Needs `psql` and the `parley` Python package.
"""
import argparse
import json
import os
import random
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time


# ---------------------------------------------------------------------------- the instance

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def instance_main(args):
    import parley
    if args.sqlite:
        store = {"path": args.sqlite}
    else:
        store = {"postgres": args.url, "poolSize": 4, "leaseMillis": args.lease_ms, "pumpMillis": args.pump_ms}
    engine = parley.Engine({"store": store, "core": {"workers": args.workers},
                            "queue": {"highWater": 100000, "lowWater": 1000}})
    out = open(args.out, "a", buffering=1)
    lock = threading.Lock()

    def on_result(result):
        context = result.get("context") or {}
        message = context.get("message") or {}
        flow = context.get("flow") or {}
        line = json.dumps({"t": time.time(), "pid": os.getpid(), "status": result.get("status"),
                           "state": context.get("status"), "id": message.get("id"), "chat": message.get("chat"),
                           "late": bool(flow.get("late")), "gap": "gap" in flow,
                           "recovered": bool(result.get("recovered"))})
        with lock:
            out.write(line + "\n")

    engine.set_callback(on_result)
    print("ready", flush=True)
    for line in sys.stdin:
        text = line.strip()
        if not text:
            continue
        ident = message_id(json.loads(text))
        try:
            ticket = engine.submit_batch(text)[0]
            if not args.quiet:
                print(f"ack {ident} {ticket}", flush=True)
        except parley.ParleyError as error:
            print(f"err {ident} {error.status.name}", flush=True)
    engine.drain(60_000)
    engine.close()
    out.close()


# ---------------------------------------------------------------------------- the driver

def psql(url, sql):
    done = subprocess.run(["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", url, "-c", sql],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"psql failed: {done.stderr.strip()}")
    return done.stdout.strip()


class Schema:
    """A fresh schema on the server and the URL that selects it."""

    def __init__(self, base_url, keep=False):
        self.base = base_url
        self.name = f"fleet_{os.getpid()}_{random.randrange(1 << 30)}"
        self.keep = keep
        psql(base_url, f"CREATE SCHEMA {self.name}")
        self.url = base_url + ("&" if "?" in base_url else "?") + f"options=-csearch_path%3D{self.name}"

    def drop(self):
        if not self.keep:
            psql(self.base, f"DROP SCHEMA IF EXISTS {self.name} CASCADE")


class Instance:
    """One engine process: message lines to its stdin, acks from its stdout."""

    def __init__(self, slot, args, out_dir, url=None, sqlite=None, quiet=False):
        self.slot = slot
        self.out = os.path.join(out_dir, f"results-{slot}.jsonl")
        command = [sys.executable, os.path.abspath(__file__), "instance", "--out", self.out,
                   "--lease-ms", str(args.lease_ms), "--pump-ms", str(args.pump_ms), "--workers", str(args.workers)]
        command += ["--sqlite", sqlite] if sqlite else ["--url", url]
        if quiet:
            command.append("--quiet")   # no acks: nobody reads them while the feeders write
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
        self.buffer = b""
        self.alive = True
        line = self.process.stdout.readline()
        if line.strip() != b"ready":
            raise RuntimeError(f"instance {slot} did not start: {line!r}")

    @property
    def fd(self):
        return self.process.stdout.fileno()

    def send(self, text):
        try:
            self.process.stdin.write(text.encode() + b"\n")
            return True
        except (BrokenPipeError, OSError):
            return False

    def lines(self):
        """What the instance printed since the last call (None at end of file)."""
        chunk = os.read(self.fd, 65536)
        if not chunk:
            return None
        self.buffer += chunk
        *complete, self.buffer = self.buffer.split(b"\n")
        return [line.decode() for line in complete if line]

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.alive = False

    def finish(self, timeout=120):
        self.process.stdin.close()
        # Reading to the end keeps the instance from blocking on a full stdout pipe.
        while self.process.stdout.read(65536):
            pass
        self.process.wait(timeout)
        self.alive = False


def message(chat, n):
    """Message n of a tenant's chat as the WhatsApp Cloud API delivers it: one webhook body."""
    return json.dumps({"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{
        "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "250788000000", "phone_number_id": "106540352242922"},
            "contacts": [{"profile": {"name": f"Tenant {chat[-4:]}"}, "wa_id": chat}],
            "messages": [{"from": chat, "id": f"{chat}-{n}", "timestamp": str(1_764_000_000 + n), "type": "text",
                          "text": {"body": f"message {n} from {chat}: the heater in unit {n % 9 + 1}B is broken again"}}]}}]}]})


def message_id(body):
    """The id of the (first) message of a webhook body."""
    return body["entry"][0]["changes"][0]["value"]["messages"][0]["id"]


def read_results(out_dir):
    results = []
    for name in sorted(os.listdir(out_dir)):
        if name.startswith("results-"):
            with open(os.path.join(out_dir, name)) as handle:
                for line in handle:
                    try:
                        results.append(json.loads(line))
                    except json.JSONDecodeError:
                        pass  # the last line of a killed instance may be cut
    return results


def wait_processed(url, total, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        done = int(psql(url, "SELECT count(*) FROM messages WHERE state IN ('processed', 'duplicate')"))
        if done >= total:
            return True
        time.sleep(0.2)
    return False


def crash_loop(args):
    schema = Schema(args.url, keep=args.keep)
    out_dir = tempfile.mkdtemp(prefix="parley-fleet-")
    rng = random.Random(args.seed)
    chats = [f"2507880{i:05d}" for i in range(args.chats)]
    total = args.chats * args.per_chat
    instances = [Instance(slot, args, out_dir, url=schema.url) for slot in range(3)]
    next_n = {chat: 1 for chat in chats}
    inflight = {}            # chat -> (slot, id)
    accepted = {}            # id -> (slot, time)
    kills = []
    restarts = []            # (time, slot)
    repeats = 0
    resent = 0
    started = time.time()
    next_kill = started + args.kill_every
    next_pause = started + args.pause_every if args.pause_every else float("inf")
    paused = []              # (resume time, instance)
    pauses = 0
    retry_after = {}         # chat -> time: a refused message waits a little before it goes again
    restart_db_at = started + args.db_restart_at if args.db_restart_at else float("inf")
    db_restarts = 0
    sent = 0
    try:
        while len(accepted) < total:
            now = time.time()
            if now > started + args.timeout:
                raise RuntimeError(f"timed out with {len(accepted)} of {total} accepted")
            live = [instance for instance in instances if instance.alive]
            for chat in chats:
                if chat in inflight or next_n[chat] > args.per_chat or not live or retry_after.get(chat, 0) > now:
                    continue
                if args.rate and sent >= (now - started) * args.rate:
                    break
                sent += 1
                target = rng.choice(live)
                ident = f"{chat}-{next_n[chat]}"
                if target.send(message(chat, next_n[chat])):
                    inflight[chat] = (target.slot, ident)
            ready, _, _ = select.select([instance.fd for instance in live], [], [], 0.02)
            for instance in live:
                if instance.fd not in ready:
                    continue
                lines = instance.lines()
                if lines is None:
                    continue
                for line in lines:
                    kind, ident, _ = line.split(" ", 2)
                    chat = ident.rsplit("-", 1)[0]
                    if inflight.get(chat) != (instance.slot, ident):
                        continue  # a repeat's answer
                    del inflight[chat]
                    if kind != "ack":
                        retry_after[chat] = time.time() + 0.2
                        continue  # refused (busy, the database away): sent again
                    accepted[ident] = (instance.slot, time.time())
                    next_n[chat] += 1
                    others = [other for other in instances if other.alive and other is not instance]
                    if others and rng.random() < args.repeat:
                        repeats += 1
                        rng.choice(others).send(message(chat, int(ident.rsplit("-", 1)[1])))
            now = time.time()
            if now >= next_kill and len(accepted) < total:
                victim = rng.choice([instance for instance in instances if instance.alive])
                for when, sleeper in list(paused):
                    if sleeper is victim:
                        paused.remove((when, sleeper))
                victim.kill()
                kills.append({"t": now, "slot": victim.slot})
                for chat, (slot, _) in list(inflight.items()):
                    if slot == victim.slot:
                        del inflight[chat]   # the balancer sends it to another instance
                        resent += 1
                restarts.append((now + args.restart_after, victim.slot))
                next_kill = now + args.kill_every
            if now >= next_pause and len(accepted) < total:
                # A stall longer than the lease (GC, SIGSTOP, a slow disk): its chats are taken
                # over, and when it wakes up its queued work must not be written twice.
                candidates = [instance for instance in instances if instance.alive and all(p[1] is not instance for p in paused)]
                if candidates:
                    sleeper = rng.choice(candidates)
                    sleeper.process.send_signal(signal.SIGSTOP)
                    paused.append((now + args.lease_ms * 2 / 1000, sleeper))
                    pauses += 1
                next_pause = now + args.pause_every
            for when, sleeper in list(paused):
                if time.time() >= when:
                    if sleeper.alive:
                        sleeper.process.send_signal(signal.SIGCONT)
                    paused.remove((when, sleeper))
            if now >= restart_db_at:
                # The database restarts under load: instances see connection errors, retry.
                server = os.path.join(ROOT, "scripts", "pg-test-server.sh")
                subprocess.run([server, "halt"], check=True, capture_output=True)
                time.sleep(1.0)
                subprocess.run([server, "start"], check=True, capture_output=True)
                db_restarts += 1
                restart_db_at = float("inf")
            for when, slot in list(restarts):
                if time.time() >= when:
                    instances[slot] = Instance(slot, args, out_dir, url=schema.url)
                    restarts.remove((when, slot))
        fed = time.time()
        all_processed = wait_processed(schema.url, total, args.timeout)
        drained = time.time()
        for when, sleeper in paused:
            if sleeper.alive:
                sleeper.process.send_signal(signal.SIGCONT)
        for instance in instances:
            if instance.alive:
                instance.finish()
        report = verify(schema.url, read_results(out_dir), accepted, kills, total, args.per_chat)
        report.update({"messages": total, "chats": args.chats, "kills": len(kills), "repeatsSent": repeats,
                       "resentAfterKill": resent, "allProcessed": all_processed, "pauses": pauses,
                       "databaseRestarts": db_restarts,
                       "feedSeconds": round(fed - started, 2), "drainSeconds": round(drained - fed, 2),
                       "leaseMillis": args.lease_ms, "pumpMillis": args.pump_ms})
        return report
    finally:
        for instance in instances:
            if instance.alive:
                instance.kill()
        schema.drop()


def verify(url, results, accepted, kills, total, per_chat):
    states = dict(line.split("|") for line in psql(url, "SELECT state, count(*) FROM messages GROUP BY state").splitlines())
    rows = sum(int(count) for count in states.values())
    out_of_order = int(psql(url, "SELECT count(*) FROM messages WHERE context::jsonb #> '{flow,late}' IS NOT NULL "
                                 "OR context::jsonb #> '{flow,gap}' IS NOT NULL"))
    counted = psql(url, "SELECT chat, sum((summary::jsonb->>'messageCount')::int) FROM threads GROUP BY chat").splitlines()
    miscounted = [line for line in counted if int(line.split("|")[1]) != per_chat]
    processed = {}
    for result in results:
        if result.get("status") == "PARLEY_OK" and result.get("state") == "processed":
            processed.setdefault(result["id"], []).append(result)
    twice = [ident for ident, hits in processed.items() if len(hits) > 1]
    # Takeover: a message the killed instance accepted and had not processed when it died,
    # processed by another instance after the kill.
    first_done = {ident: min(hit["t"] for hit in hits) for ident, hits in processed.items()}
    takeovers = []
    for kill in kills:
        stranded = [first_done[ident] - kill["t"] for ident, (slot, at) in accepted.items()
                    if slot == kill["slot"] and at < kill["t"] and first_done.get(ident, 0) > kill["t"]]
        if stranded:
            takeovers.append(max(stranded))
    return {
        "rows": rows, "states": {state: int(count) for state, count in states.items()},
        "processedOnceInDatabase": rows == total and int(states.get("processed", 0)) == total,
        "outOfOrder": out_of_order, "chatsWithWrongThreadCounts": len(miscounted),
        "resultsHandedToHosts": len(processed), "processedTwiceByHosts": len(twice),
        "resultsLostWithKilledInstances": total - len(processed),
        "takeoverSeconds": {"kills": len(takeovers),
                            "median": round(statistics.median(takeovers), 3) if takeovers else None,
                            "max": round(max(takeovers), 3) if takeovers else None},
    }


def throughput_run(args, instances_count, url=None, sqlite=None):
    out_dir = tempfile.mkdtemp(prefix="parley-fleet-")
    instances = [Instance(slot, args, out_dir, url=url, sqlite=sqlite, quiet=True) for slot in range(instances_count)]
    rng = random.Random(args.seed)
    chats = [f"2507881{i:05d}" for i in range(args.chats)]
    lines = [message(chats[i % args.chats], i // args.chats + 1) for i in range(args.messages)]
    commits_before = int(psql(args.url, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) if url else 0
    started = time.time()
    # One feeder thread per instance: each instance gets a random share, in order.
    shares = [[] for _ in instances]
    for line in lines:
        shares[rng.randrange(len(instances))].append(line)

    def feed(instance, share):
        for line in share:
            instance.send(line)

    feeders = [threading.Thread(target=feed, args=pair) for pair in zip(instances, shares)]
    for thread in feeders:
        thread.start()
    for thread in feeders:
        thread.join()
    for instance in instances:
        instance.finish(timeout=600)   # drains: every message it holds is processed
    if url:
        # Work another instance accepted is processed by its chat's owner: wait for all of it.
        wait_processed(url, args.messages, 600)
    elapsed = time.time() - started
    commits = (int(psql(args.url, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"))
               - commits_before) if url else None
    processed = sum(1 for result in read_results(out_dir) if result.get("state") == "processed")
    return {"instances": instances_count, "backend": "sqlite" if sqlite else "postgres", "messages": args.messages,
            "seconds": round(elapsed, 2), "messagesPerSecond": round(args.messages / elapsed, 1),
            "resultsHanded": processed,
            "transactionsPerMessage": round(commits / args.messages, 2) if commits is not None else None}


def throughput(args):
    runs = []
    with tempfile.TemporaryDirectory(prefix="parley-fleet-sqlite-") as directory:
        runs.append(throughput_run(args, 1, sqlite=os.path.join(directory, "parley.db")))
    for count in [int(n) for n in args.instances.split(",")]:
        schema = Schema(args.url)
        try:
            runs.append(throughput_run(args, count, url=schema.url))
        finally:
            schema.drop()
    return {"runs": runs}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["crash-loop", "throughput", "instance"])
    parser.add_argument("--url", help="PostgreSQL URL (default: scripts/pg-test-server.sh url)")
    parser.add_argument("--sqlite")
    parser.add_argument("--out")
    parser.add_argument("--chats", type=int, default=40)
    parser.add_argument("--per-chat", type=int, default=40)
    parser.add_argument("--messages", type=int, default=4000)
    parser.add_argument("--instances", default="1,2,3")
    parser.add_argument("--kill-every", type=float, default=1.5)
    parser.add_argument("--rate", type=float, default=0, help="messages sent per second at most (0: as fast as accepted)")
    parser.add_argument("--restart-after", type=float, default=0.5)
    parser.add_argument("--pause-every", type=float, default=0,
                        help="every N seconds, SIGSTOP an instance for two lease periods, then SIGCONT (0: never)")
    parser.add_argument("--db-restart-at", type=float, default=0,
                        help="restart the test server (scripts/pg-test-server.sh halt/start) N seconds in (0: never)")
    parser.add_argument("--repeat", type=float, default=0.15, help="share of messages sent again to another instance")
    parser.add_argument("--lease-ms", type=int, default=2000)
    parser.add_argument("--pump-ms", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the schema for inspection")
    parser.add_argument("--quiet", action="store_true", help="(instance) print no acks")
    args = parser.parse_args()
    if args.mode == "instance":
        return instance_main(args)
    if not args.url:
        args.url = subprocess.run([os.path.join(ROOT, "scripts", "pg-test-server.sh"), "url"],
                                  capture_output=True, text=True, check=True).stdout.strip()
    report = crash_loop(args) if args.mode == "crash-loop" else throughput(args)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

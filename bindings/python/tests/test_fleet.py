"""Three engine processes on one PostgreSQL store, one killed with SIGKILL and restarted again
and again while messages stream in (Tests/fleet/fleet.py): every message processed exactly
once and in its chat's order, nothing lost, chats taken over. Needs the test server
(scripts/test.sh starts it and sets PARLEY_PG_URL); without it the test fails, it does not skip."""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def server_url():
    url = os.environ.get("PARLEY_PG_URL")
    if url:
        return url
    return subprocess.run([str(ROOT / "scripts" / "pg-test-server.sh"), "start"], capture_output=True, text=True,
                          check=True).stdout.strip().splitlines()[-1]


def test_three_instances_with_sigkill_process_every_message_once_in_order():
    done = subprocess.run([sys.executable, str(ROOT / "Tests" / "fleet" / "fleet.py"), "crash-loop", "--url", server_url(),
                           "--chats", "30", "--per-chat", "40", "--rate", "100", "--kill-every", "1.0", "--lease-ms", "1500",
                           "--timeout", "240"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout)
    print(json.dumps(report))
    assert report["allProcessed"]
    assert report["processedOnceInDatabase"], report["states"]
    assert report["outOfOrder"] == 0
    assert report["chatsWithWrongThreadCounts"] == 0
    assert report["processedTwiceByHosts"] == 0
    assert report["kills"] >= 3
    # A result can only be missing when its instance died between its commit and the callback.
    assert report["resultsLostWithKilledInstances"] <= report["kills"] * 4


def test_stalled_instances_and_a_database_restart_lose_nothing_and_double_nothing():
    # An instance stopped (SIGSTOP) for two lease periods has its chats taken over; when it
    # wakes up its stale writes are refused. The server restarts under load midway.
    done = subprocess.run([sys.executable, str(ROOT / "Tests" / "fleet" / "fleet.py"), "crash-loop", "--url", server_url(),
                           "--chats", "25", "--per-chat", "40", "--rate", "100", "--kill-every", "4", "--pause-every", "2",
                           "--db-restart-at", "3", "--lease-ms", "1500", "--timeout", "240"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout)
    print(json.dumps(report))
    assert report["databaseRestarts"] == 1
    assert report["pauses"] >= 2
    assert report["allProcessed"]
    assert report["processedOnceInDatabase"], report["states"]
    assert report["outOfOrder"] == 0
    assert report["chatsWithWrongThreadCounts"] == 0
    assert report["processedTwiceByHosts"] == 0

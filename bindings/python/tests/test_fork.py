"""Python's multiprocessing forks (its default start method on Linux) from a process that has
loaded libParley: the children must be able to use the engine, from several threads at once.
Run in a fresh interpreter, so nothing in Parley was initialised before the fork (as in a web
server's master that imports parley and leaves the work to its children)."""

import subprocess
import sys
import textwrap

CHILD_WORK = textwrap.dedent("""
    import multiprocessing, threading
    import parley

    def process_from_threads(child):
        failures = []
        with parley.Engine() as engine:
            def run(thread):
                for i in range(20):
                    message = {"id": f"{child}-{thread}-{i}", "chat": f"c{thread}@c.us", "from": f"c{thread}@c.us",
                               "timestamp": 1764000000 + i, "type": "text",
                               "text": "I paid the rent of 350000 RWF, thanks! The sink is leaking 😡"}
                    try:
                        engine.process(message)
                    except Exception as error:
                        failures.append(error)
            threads = [threading.Thread(target=run, args=(t,)) for t in range(6)]
            for thread in threads:
                thread.start()
            run(6)
            for thread in threads:
                thread.join()
        return len(failures)

    if __name__ == "__main__":
        with multiprocessing.get_context("fork").Pool(2, maxtasksperchild=1) as pool:
            print(pool.map_async(process_from_threads, range(6)).get(timeout=100))
""")


def test_forked_children_process_messages(tmp_path):
    script = tmp_path / "fork_children.py"
    script.write_text(CHILD_WORK)
    # Before Sources/CForkSafety most children spun forever on the Swift runtime's lock.
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=150)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == str([0] * 6)

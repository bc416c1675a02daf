"""Fork server for tests/core/test_crash_safety.py. Not a test module (pytest does not collect
files starting with "_"): the test runs `python _crash_child.py` and talks to it on stdin/stdout.

Importing barnahus_app takes ~0.5 s of CPU, so the server imports it once and forks a fresh
worker process for each run; the test kills the worker with SIGKILL at a random moment. Nothing
is opened before the fork: each worker unlocks the record itself.

Server protocol (one line each way):
  server -> "READY"                      imports done
  "SPAWN <json>"  -> "PID <pid>"         fork a worker (json: mode, record, username, password,
                                         kdf, run, stdout, stderr, keys_dir for mode rotate)
  "REAP <pid>"    -> "STATUS <status>"   waitpid on a worker the test has killed
  "QUIT" or EOF                          kill any worker still alive, then exit

Worker output (to the file named by "stdout"; each line written and flushed at once; <t> is
time.monotonic(), the same clock in every process on Linux, for the test to pace its kills):
  OPEN <t>              the record is unlocked
  ACK <n> <t> <id>      mode "write": create_person number n returned (committed); the person's id
  ROTATED <n> <t>       mode "rotate": rotate_record_key number n returned
A worker never stops by itself: it writes until it is killed. As a guard against strays, it exits
with status 3 after MAX_LIFETIME seconds and with status 4 if the server went away.
"""
from __future__ import annotations

import json
import os
import signal
import sys
import time
import traceback
from pathlib import Path

MAX_LIFETIME = 60.0


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def write_durably(path: Path, text: str) -> None:
    """Deliver a recovery key the way a careful front end would: temp file, fsync, rename,
    fsync the folder. A crash leaves either no file or the whole key."""
    tmp = path.with_name(path.name + ".partial")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, text.encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    dfd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)


def work(req: dict, server_pid: int) -> None:
    from barnahus_app.api import KdfParams, open_record

    deadline = time.monotonic() + MAX_LIFETIME

    def still_wanted() -> None:
        if time.monotonic() > deadline:
            os._exit(3)
        if os.getppid() != server_pid:
            os._exit(4)

    session = open_record(Path(req["record"]), req["username"], req["password"],
                          kdf=KdfParams(**req["kdf"]))
    say(f"OPEN {time.monotonic():.6f}")
    run, n = req["run"], 0
    if req["mode"] == "write":
        while True:
            still_wanted()
            n += 1
            pid = session.create_person(given_name=f"Crash{run:04d}n{n:06d}", family_name="Kill",
                                        acknowledge_duplicates=True)
            say(f"ACK {n} {time.monotonic():.6f} {pid}")
    elif req["mode"] == "rotate":
        keys_dir = Path(req["keys_dir"])
        while True:
            still_wanted()
            n += 1
            target = keys_dir / f"recovery-{run:04d}-{n:04d}.txt"
            session.rotate_record_key(
                deliver_recovery_key=lambda text, to=target: write_durably(to, text))
            say(f"ROTATED {n} {time.monotonic():.6f}")
    raise ValueError(f"unknown mode {req['mode']!r}")


def worker(req: dict, server_pid: int) -> None:
    """In the forked process: own stdout/stderr files, no stdin, never returns."""
    try:
        for fd, name, flags in ((1, req["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
                                (2, req["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
                                (0, os.devnull, os.O_RDONLY)):
            new = os.open(name, flags, 0o600)
            os.dup2(new, fd)
            os.close(new)
        work(req, server_pid)
    except BaseException:
        traceback.print_exc()
        sys.stderr.flush()
        os._exit(1)
    os._exit(2)


def serve() -> None:
    # The expensive part, done once before any fork. No record is opened here.
    import barnahus_app.api  # noqa: F401
    import sqlalchemy.dialects.sqlite.pysqlcipher  # noqa: F401
    from barnahus_app.record import schema
    schema.head_revision()  # loads alembic and the migration scripts

    server_pid = os.getpid()
    alive: set[int] = set()
    say("READY")
    try:
        for line in sys.stdin:
            cmd, _, arg = line.rstrip("\n").partition(" ")
            if cmd == "SPAWN":
                req = json.loads(arg)
                sys.stdout.flush()
                sys.stderr.flush()
                pid = os.fork()
                if pid == 0:
                    worker(req, server_pid)
                alive.add(pid)
                say(f"PID {pid}")
            elif cmd == "REAP":
                pid = int(arg)
                _, status = os.waitpid(pid, 0)
                alive.discard(pid)
                say(f"STATUS {status}")
            elif cmd == "QUIT":
                break
            else:
                raise SystemExit(f"unknown command {cmd!r}")
    finally:
        for pid in alive:  # only workers this server forked
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except OSError:
                pass


if __name__ == "__main__":
    serve()

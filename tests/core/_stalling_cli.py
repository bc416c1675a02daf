"""The real command line, made to stall at one chosen point so a test can kill it there with
SIGKILL. Not a test module (pytest does not collect files starting with "_"); used by
tests/core/test_kill_during_writes.py.

    python _stalling_cli.py MODULE:FUNCTION:N CHEAP_KDF -- barnahus arguments ...

After the N-th call of MODULE.FUNCTION has returned (the function is replaced in its module, so
callers that look it up there at call time are the ones that stall), the program writes
"STALLED" on its standard output and sleeps until it is killed. With CHEAP_KDF "1", every
Argon2 derivation runs at the tests' cheap cost (as tests.support.records.cheap_argon2), for the
commands that always use the production profile (demo).
"""
from __future__ import annotations

import importlib
import os
import sys
import time

STALL_SECONDS = 60.0


def main() -> int:
    spec, cheap, dashes, *argv = sys.argv[1:]
    assert dashes == "--", sys.argv
    module_name, attr, n = spec.split(":")
    module = importlib.import_module(module_name)
    original = getattr(module, attr)
    calls = 0

    def stalling(*args, **kwargs):
        nonlocal calls
        result = original(*args, **kwargs)
        calls += 1
        if calls == int(n):
            sys.stdout.write("STALLED\n")
            sys.stdout.flush()
            time.sleep(STALL_SECONDS)
            os._exit(5)  # never killed: the test fails on the status
        return result

    setattr(module, attr, stalling)
    if cheap == "1":
        from barnahus_app.record import keyslots
        from tests.support.records import FAST_KDF
        derive = keyslots._derive_kek
        keyslots._derive_kek = lambda password, salt, _params: derive(password, salt, FAST_KDF)
    from barnahus_app.cli import main as cli_main
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())

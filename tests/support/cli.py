"""The command line in tests: in-process through barnahus_app.cli.main, so the heavy imports are
paid once, and as a real process where the program's own exit and output are the point."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import NamedTuple

import pytest

from barnahus_app.cli import main

ROOT = Path(__file__).resolve().parents[2]


class CliResult(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


def _environment(env_extra: dict | None) -> dict:
    """The caller's environment without BARNAHUS_ variables, plus env_extra."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BARNAHUS_")}
    env.update({k: str(v) for k, v in (env_extra or {}).items()})
    return env


def run_cli(*args, env_extra: dict | None = None) -> CliResult:
    """`barnahus ARGS` in this process, as run_cli_process runs it: no BARNAHUS_ variables but
    env_extra's, an empty standard input that is no terminal, its output captured."""
    out, err = io.StringIO(), io.StringIO()
    env = _environment(env_extra)
    with pytest.MonkeyPatch.context() as mp:
        for name in set(os.environ) - set(env):
            mp.delenv(name)
        for name, value in env.items():
            mp.setenv(name, value)
        mp.setattr(sys, "stdin", io.StringIO())
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main([str(a) for a in args])
            except SystemExit as e:  # argparse's usage errors; the process exits with this code
                code = e.code
    return CliResult(code, out.getvalue(), err.getvalue())


def run_cli_process(*args, env_extra: dict | None = None, console_script: bool = False
                    ) -> subprocess.CompletedProcess:
    """`python -m barnahus_app.cli ARGS` (or, with console_script, the installed `barnahus`
    command) as a real process, with run_cli's environment and no standard input."""
    if console_script:
        program = [str(Path(sys.executable).with_name("barnahus"))]
        if not Path(program[0]).exists():
            pytest.fail(f"no `barnahus` command beside {sys.executable}: install the project "
                        "(pip install -e '.[test]', as ./dev.sh does).")
    else:
        program = [sys.executable, "-m", "barnahus_app.cli"]
    return subprocess.run([*program, *map(str, args)], cwd=ROOT, env=_environment(env_extra),
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)


def one_line(err: str) -> str:
    """The one line a refused command writes on stderr (and never a traceback)."""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]

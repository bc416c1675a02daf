"""Cold start (issue 17): what the way to the unlock screen must not load, and the command line
read without argparse."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ui.shell.app import parse_args

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("argv,record,lang", [
    ([], None, None),
    (["--record", "/tmp/r.barnahus"], "/tmp/r.barnahus", None),
    (["--record=/tmp/r.barnahus", "--lang", "sv"], "/tmp/r.barnahus", "sv"),
    (["--lang=en"], None, "en"),
    (["--record", "r", "-platform", "offscreen"], "r", None),   # Qt's own arguments pass
])
def test_the_command_line(argv, record, lang):
    args = parse_args(argv)
    assert (args.record, args.lang) == (record, lang)


def test_a_wrong_language_is_still_refused():
    with pytest.raises(SystemExit) as e:
        parse_args(["--lang", "xx"])
    assert e.value.code == 2


def test_the_unlock_screen_loads_no_page(tmp_path):
    code = ("import sys; from ui.shell.app import start; "
            "c = start(['main.py', '--record', sys.argv[1]]); "
            "bad = [m for m in ('ui.cases.case_list', 'ui.cases.workspace', 'ui.admin.panel', "
            "'ui.today.panel', 'ui.calendar.panel', 'ui.shell.first_run') if m in sys.modules]; "
            "print(bad)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "XDG_DATA_HOME": str(tmp_path / "d")}
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "none.barnahus")], env=env,
                         capture_output=True, text=True, timeout=60, cwd=os.getcwd())
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stderr[-2000:]

"""Barnahus Case Record.

    python main.py                      the desktop application
    python main.py --record PATH        the desktop application, at that record's unlock screen
    python main.py COMMAND ...          the command line (python main.py --help lists commands)
"""
from __future__ import annotations

import sys


def _disable_core_dumps() -> None:
    """A core dump would hold the record key and whatever case data is in memory."""
    try:
        import resource
    except ImportError:  # not POSIX
        return
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        pass


_GUI_OPTIONS = ("--record", "--lang")


def wants_gui(args: list[str]) -> bool:
    """No arguments, or only the desktop app's own options."""
    i = 0
    while i < len(args):
        a = args[i]
        if a in _GUI_OPTIONS:
            i += 2
        elif any(a.startswith(o + "=") for o in _GUI_OPTIONS):
            i += 1
        else:
            return False
    return True


def main(argv=None) -> int:
    _disable_core_dumps()
    args = sys.argv[1:] if argv is None else list(argv)
    if wants_gui(args):
        from ui.shell.app import run
        return run([sys.argv[0], *args])
    from barnahus_app.cli import main as cli_main
    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())

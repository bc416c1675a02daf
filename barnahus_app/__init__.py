"""Barnahus Case Record: the core. No Qt here; the desktop app (ui/) and the CLI both call this."""
__version__ = "0.1.0"

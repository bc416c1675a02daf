"""Psychosocial follow-up (issue #15): standardised instruments as data (instruments.py: the
definitions under forms/instruments/ and a centre's own, and how the core scores them)."""

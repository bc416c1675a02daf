"""Interviews: rooms, planning and clash checks, the calendar and its .ics export."""

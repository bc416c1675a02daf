"""Psychosocial assessment and treatment (issue #15): the coordination facts the case roles
read (episodes, attendance, the band of the latest screen, the recovery plan and its reviews),
and the therapy detail (item answers, session and crisis notes) sealed in the "therapy" section
that only therapists hold (policy.SECTIONS, record/sections.py)."""

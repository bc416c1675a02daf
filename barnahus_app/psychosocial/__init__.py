"""Psychosocial assessment and treatment (issue #15): standardised instruments as data
(instruments.py: the definitions under forms/instruments/ and a centre's own, and how the core
scores them); the coordination facts the case roles read (episodes, attendance, the band of each
screen, the recovery plan and its reviews), and the therapy detail (item answers, session and
crisis notes) sealed in the "therapy" section that only therapists hold (policy.SECTIONS,
record/sections.py)."""

"""Medical examinations (issue #14): the coordination facts every case role reads, and the
medical detail (findings, notes, statement, tests, reviews; samples and images) sealed in the
"medical" section that only medical staff hold (policy.SECTIONS, record/sections.py)."""

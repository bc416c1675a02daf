"""The features of the desktop app. Importing one registers its main-window pages and case tabs
(ui/common/pages.py); a new feature is one more line here."""
from ui import (  # noqa: F401 (each registers itself)
    admin, calendar, cases, documents, followup, interviews, justice, medical, meetings, psychosocial, today,
)

"""Long-term follow-up: reminders, age milestones, statutes of limitations."""

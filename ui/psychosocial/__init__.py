"""The psychosocial follow-up of a case in the GUI."""

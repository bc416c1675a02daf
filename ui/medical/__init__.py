"""The Medical tab of a case workspace, for medical staff (issue #14): panel.py and its dialogs
(dialogs.py). Registered with the case workspace's tabs in ui/cases/__init__.py."""

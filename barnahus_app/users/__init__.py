"""Accounts, roles and passwords: the user table and its rules, and the actions on them."""

"""The justice track and compensation (issue #16): proceedings per alleged offender with their
dated events, how the child took part, release notification, and compensation claims tracked to
payment. Support never depends on any of it (001 para 80)."""

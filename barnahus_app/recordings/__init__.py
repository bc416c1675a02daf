"""Recordings: their hashes, media headers, chain of custody and fixity checks."""

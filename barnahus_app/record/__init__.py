"""The record file: its handle, storage, key slots, key derivation, schema and migrations."""

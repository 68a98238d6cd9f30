"""Persistence: SQLite sessions, accounts, uploads, render jobs and draft revisions."""

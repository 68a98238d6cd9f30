"""The SQLite schema of the local backend store (created idempotently at open)."""

from __future__ import annotations

__all__ = ["SCHEMA"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    user_id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL UNIQUE,
    client_addr TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    token_nonce TEXT NOT NULL,
    token_expires REAL NOT NULL,
    created REAL NOT NULL,
    available INTEGER NOT NULL,
    frozen INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS users_addr ON users (client_addr, created);
CREATE TABLE IF NOT EXISTS ledger (
    id INTEGER PRIMARY KEY,
    user_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    amount INTEGER NOT NULL,
    ref TEXT NOT NULL,
    at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    session_id TEXT PRIMARY KEY,
    task_id TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL,
    task_name TEXT NOT NULL,
    language TEXT NOT NULL,
    created REAL NOT NULL,
    draft TEXT NOT NULL,
    video_infos TEXT NOT NULL,
    generated_media TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS uploads (
    asset_id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    filename TEXT NOT NULL,
    path TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
    claim_hash TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    expires REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS jobs (
    render_id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    output_key TEXT NOT NULL,
    draft TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    progress INTEGER NOT NULL DEFAULT 5,
    completed_ms INTEGER,
    reason TEXT,
    duration_s REAL,
    size_bytes INTEGER,
    width INTEGER,
    height INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0
);
"""

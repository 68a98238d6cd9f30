"""Validate the router tables once and write them as `agent/tables/router_compiled.json`.

Run: `python scripts/compile_router_tables.py [--check]` after editing `agent/tables/router_*.toml`.
The file is stamped with the tables' fingerprint; `load_tables` reads it only while the stamp
matches, so a forgotten run costs load time, not correctness (and a unit test reports it).
`--check` exits 1 when the shipped file is stale instead of writing it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from compiled_file import write_or_check

from agent.router.compiled import COMPILED_FILE, dump_tables, fingerprint
from agent.router.rules import TABLE_FILES, parse_tables

TABLES = Path(__file__).resolve().parent.parent / "agent" / "tables"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report a stale file")
    args = parser.parse_args()
    documents = [(TABLES / name).read_text(encoding="utf-8") for name in TABLE_FILES]
    text = dump_tables(parse_tables(documents), fingerprint(documents))
    return write_or_check(TABLES / COMPILED_FILE, text, f"{len(text) // 1024} KB", check=args.check)


if __name__ == "__main__":
    sys.exit(main())

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

from agent.router.compiled import COMPILED_FILE, dump_tables, fingerprint
from agent.router.rules import TABLE_FILES, parse_tables

TABLES = Path(__file__).resolve().parent.parent / "agent" / "tables"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report a stale file")
    args = parser.parse_args()
    documents = [(TABLES / name).read_text(encoding="utf-8") for name in TABLE_FILES]
    text = dump_tables(parse_tables(documents), fingerprint(documents))
    out = TABLES / COMPILED_FILE
    if args.check:
        current = out.read_text(encoding="utf-8") if out.is_file() else ""
        print(f"{out.name}: {'up to date' if current == text else 'STALE'}")
        return 0 if current == text else 1
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({len(text) // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

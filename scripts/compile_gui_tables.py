"""Compile the GUI tables' regexes once and write `agent/tables/gui_compiled.json`.

Run: `python scripts/compile_gui_tables.py [--check]` after editing `agent/tables/gui_*.toml`
or moving to another Python. The file is stamped with the tables' and the regex engine's
fingerprint; `load_gui_tables` reads it only while the stamp matches, so a forgotten run costs
load time, not correctness (and a unit test reports it). `--check` exits 1 when the shipped
file is stale instead of writing it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from compiled_file import write_or_check

from agent.translate.compiled import COMPILED_FILE, Regexes, dump_programs, fingerprint
from agent.translate.tables import build_gui_tables, read_documents

TABLES = Path(__file__).resolve().parent.parent / "agent" / "tables"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report a stale file")
    args = parser.parse_args()
    documents = read_documents()
    regexes = Regexes(record=True)
    build_gui_tables(documents, regexes)
    text = dump_programs(regexes, fingerprint(documents.values()))
    return write_or_check(
        TABLES / COMPILED_FILE, text, f"{len(regexes.recorded)} patterns", check=args.check
    )


if __name__ == "__main__":
    sys.exit(main())

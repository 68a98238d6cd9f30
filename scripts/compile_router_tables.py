"""Validate the router tables once and write them as `agent/tables/router_compiled.marshal`,
with the keyword stage's regexes compiled for this interpreter, and compile the intent model
into `agent/tables/intent_model.marshal`.

Run: `python scripts/compile_router_tables.py [--check]` after editing `agent/tables/router_*.toml`,
the keyword stage's regexes or `agent/tables/intent_model.json`. The files are stamped with the
fingerprint of what they were made from; `load_tables` and `load_intent_model` read them only
while the stamp matches (a regex only while its source is the same), so a forgotten run costs
load time, not correctness (and a unit test reports it). `--check` exits 1 when a shipped file
is stale instead of writing it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from agent.router.compiled import (
    COMPILED_FILE,
    dump_tables,
    fingerprint,
    regexes_of,
    same_tables,
)
from agent.router.intents import COMPILED_MODEL_FILE, MODEL_FILE, IntentModel, model_stamp
from agent.router.keyword import KeywordRouter
from agent.router.rules import TABLE_FILES, parse_tables

TABLES = Path(__file__).resolve().parent.parent / "agent" / "tables"


def _write_or_check(out: Path, data: bytes, *, check: bool) -> int:
    """Exit status: 0 written or up to date, 1 stale (`check`)."""
    if check:
        fresh = out.is_file() and same_tables(out.read_bytes(), data)
        print(f"{out.name}: {'up to date' if fresh else 'STALE'}")
        return 0 if fresh else 1
    out.write_bytes(data)
    print(f"wrote {out} ({len(data) // 1024} KB)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report a stale file")
    args = parser.parse_args()
    documents = [(TABLES / name).read_text(encoding="utf-8") for name in TABLE_FILES]
    tables = parse_tables(documents)
    regexes = regexes_of(KeywordRouter(tables))
    status = _write_or_check(
        TABLES / COMPILED_FILE,
        dump_tables(tables, fingerprint(documents), regexes),
        check=args.check,
    )
    document = (TABLES / MODEL_FILE).read_bytes()
    model = IntentModel.from_json(document.decode("utf-8")).dump(model_stamp(document))
    return status | _write_or_check(TABLES / COMPILED_MODEL_FILE, model, check=args.check)


if __name__ == "__main__":
    sys.exit(main())

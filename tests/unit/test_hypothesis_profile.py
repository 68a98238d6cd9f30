"""Property tests never fail for being slow: the "loaded-machine" profile is in force everywhere.

`tests/conftest.py` loads it for every run (people, `./scripts/check`, CI, where it overrides
hypothesis's own `ci` profile), and no test may put a deadline or the too-slow check back.
"""

from __future__ import annotations

import ast
from pathlib import Path

import hypothesis
from hypothesis import HealthCheck

TESTS = Path(__file__).resolve().parent.parent


def test_the_loaded_machine_profile_is_the_default() -> None:
    profile = hypothesis.settings.get_profile("loaded-machine")
    assert profile.deadline is None
    assert HealthCheck.too_slow in profile.suppress_health_check
    assert hypothesis.settings.default.deadline is None
    assert HealthCheck.too_slow in hypothesis.settings.default.suppress_health_check


def _speed_sensitive(call: ast.Call) -> str | None:
    for keyword in call.keywords:
        value = keyword.value
        if keyword.arg == "deadline" and not (
            isinstance(value, ast.Constant) and value.value is None
        ):
            return "a deadline"
        if keyword.arg == "suppress_health_check" and "too_slow" not in ast.unparse(value):
            return "a suppress_health_check without too_slow"
    return None


def test_no_property_test_sets_a_deadline_or_the_too_slow_check_again() -> None:
    offenders = []
    for path in sorted(TESTS.rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("settings"):
                problem = _speed_sensitive(node)
                if problem:
                    offenders.append(f"{path.relative_to(TESTS)}:{node.lineno}: {problem}")
    assert offenders == []

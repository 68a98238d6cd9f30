"""The install's optional native build (hatch_build.py): a compiler yields a kernel the renderer
loads; a failing compiler yields a reason and no library, and the install goes on."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from agent.local.renderer.resample import load_kernel

ROOT = Path(__file__).resolve().parents[2]


def _hook_module() -> ModuleType:
    pytest.importorskip("hatchling")
    spec = importlib.util.spec_from_file_location("hatch_build", ROOT / "hatch_build.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def hatch_build() -> ModuleType:
    return _hook_module()


@pytest.mark.skipif(shutil.which("cc") is None, reason="no C compiler here")
def test_the_hook_compiles_a_kernel_the_renderer_loads(
    hatch_build: ModuleType, tmp_path: Path
) -> None:
    library = tmp_path / "_resample.so"
    assert hatch_build.compile_kernel(ROOT, library) is None
    assert load_kernel(library, portable=True) is not None


def test_a_failing_compiler_gives_a_reason_and_no_library(
    hatch_build: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CC", shutil.which("false") or "false")
    library = tmp_path / "_resample.so"
    reason = hatch_build.compile_kernel(ROOT, library)
    assert reason is not None
    assert "failed" in reason
    assert not library.exists()
    assert load_kernel(library) is None

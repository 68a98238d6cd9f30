"""Hatchling build hook: compile the renderer's native resample kernel, if a C compiler exists.

Optional by design: without a compiler, or if the compile fails, the install still succeeds and
the renderer uses its OpenCV path (`agent.local.renderer.resample`). Editable installs build the
library next to its source; wheels carry it (and get a platform tag).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SOURCE = Path("agent/local/renderer/_resample.c")
LIBRARY = "_resample.so"  # loaded with ctypes by path, not imported: any suffix would do
FLAGS = ["-O3", "-fPIC", "-shared", "-std=c99", "-fvisibility=default"]


def _compiler() -> list[str] | None:
    """The C compiler command: $CC, Python's own build compiler, or cc/gcc/clang on PATH."""
    for candidate in (
        os.environ.get("CC"),  # noqa: TID251 (a build's compiler is chosen by $CC, as setuptools does)
        sysconfig.get_config_var("CC"),
        "cc",
        "gcc",
        "clang",
    ):
        if not candidate:
            continue
        command = shlex.split(candidate)
        if shutil.which(command[0]):
            return command
    return None


def compile_kernel(root: Path, out: Path) -> str | None:
    """Compile the kernel into `out`; None on success, else why it was skipped."""
    compiler = _compiler()
    if sys.platform == "win32" or compiler is None:
        return "no C compiler found"
    command = [*compiler, *FLAGS, "-o", str(out), str(root / SOURCE), "-lm"]
    try:
        done = subprocess.run(  # noqa: S603 (the compiler and our own source file, no user input)
            command, capture_output=True, text=True, timeout=300, check=False
        )
    except OSError as error:
        return f"{command[0]} failed to start: {error}"
    if done.returncode != 0:
        return f"{' '.join(command)} failed:\n{done.stderr.strip()}"
    return None


class NativeKernelHook(BuildHookInterface):  # type: ignore[misc]
    """Builds agent/local/renderer/_resample.so; leaves the package pure Python if it cannot."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        if version == "editable":
            out = root / SOURCE.with_name(LIBRARY)
        else:
            self._scratch = tempfile.mkdtemp(prefix="nemo-kernel-")
            out = Path(self._scratch) / LIBRARY
        problem = compile_kernel(root, out)
        if problem is not None:
            self.app.display_warning(
                f"native resample kernel not built ({problem}); the renderer will use OpenCV"
            )
            return
        if version != "editable":
            build_data["force_include"][str(out)] = str(SOURCE.with_name(LIBRARY))
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        scratch = getattr(self, "_scratch", None)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)

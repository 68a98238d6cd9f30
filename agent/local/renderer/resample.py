"""The native scale + shift resample of one 8-bit plane (`_resample.c`), loaded with ctypes.

The install compiles the kernel when a C compiler exists (`hatch_build.py`); without it, or on
a CPU without AVX2 (its portable path is slower than OpenCV's), `load_kernel` returns None and
`agent.local.renderer.planes` keeps its OpenCV path. Nothing here touches a frame's contents.
"""

from __future__ import annotations

import ctypes
import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import structlog
from numpy.typing import NDArray

__all__ = ["LIBRARY", "ResampleKernel", "load_kernel"]

LIBRARY = Path(__file__).with_name("_resample.so")
_ABI = 2  # bump with the C file's resample_abi(): a stale library is then not loaded

_log = structlog.get_logger(__name__)

Plane = NDArray[np.uint8]


@dataclass(frozen=True, slots=True)
class ResampleKernel:
    """Bicubic (A = -0.75) resample with replicated borders, one pass per axis.

    Output pixel (x, y) samples the source at (ax * x + bx, ay * y + by), pixel centres at
    whole coordinates. `simd`: whether a vector path runs; `wide`: whether AVX-512 (BW + VBMI)
    may run where the CPU has it (else AVX2). Every path computes the same integers.
    """

    _function: ctypes._CFuncPtr  # type: ignore[name-defined]  # ctypes exports no public name
    simd: bool
    wide: bool = True

    def __call__(
        self, plane: Plane, out: Plane, axis_x: tuple[float, float], axis_y: tuple[float, float]
    ) -> None:
        """Resample `plane` into `out` (both uint8, rows contiguous) at `axis_x`, `axis_y`.

        Args:
            plane: The source plane.
            out: The destination plane, written whole.
            axis_x: (ax, bx): output column x samples source column ax * x + bx.
            axis_y: (ay, by): output row y samples source row ay * y + by.

        Raises:
            ValueError: A plane is empty or not uint8 with contiguous rows, or `out` is
                read-only.
            MemoryError: The kernel could not allocate its scratch rows.
        """
        for array in (plane, out):
            if array.dtype != np.uint8 or array.ndim != 2 or array.strides[1] != 1:
                raise ValueError("planes must be 2-D uint8 with contiguous rows")
            if array.size == 0:
                raise ValueError("planes must not be empty")
        if not out.flags.writeable:
            raise ValueError("the output plane is read-only")
        status = self._function(
            plane.ctypes.data, plane.strides[0], plane.shape[1], plane.shape[0],
            out.ctypes.data, out.strides[0], out.shape[1], out.shape[0],
            *axis_x, *axis_y, self._path(),
        )  # fmt: skip
        if status != 0:
            raise MemoryError("the resample kernel could not allocate its scratch rows")

    def _path(self) -> int:
        """The C side's `simd` argument: 0 portable, 1 AVX2, 2 AVX-512 where the CPU has it."""
        if not self.simd:
            return 0
        return 2 if self.wide else 1


def _bind(library: ctypes.CDLL, *, simd: bool, wide: bool) -> ResampleKernel:
    function = library.resample_plane
    function.restype = ctypes.c_int
    size, length = ctypes.c_ssize_t, ctypes.c_int
    function.argtypes = [
        ctypes.c_void_p, size, length, length, ctypes.c_void_p, size, length, length,
        ctypes.c_double, ctypes.c_double, ctypes.c_double, ctypes.c_double, ctypes.c_int,
    ]  # fmt: skip
    return ResampleKernel(function, simd, wide)


@functools.cache
def load_kernel(
    path: Path = LIBRARY, *, portable: bool = False, wide: bool = True
) -> ResampleKernel | None:
    """The kernel in `path`, or None when it is missing, stale or (unless `portable`) slow here.

    `portable` forces the plain C path even on an AVX2 CPU; `wide=False` keeps an AVX-512 CPU
    on the AVX2 path (the tests compare the three). Loaded once per process and argument set.
    """
    try:
        library = ctypes.CDLL(str(path))
        library.resample_abi.restype = ctypes.c_int
        abi, has_simd = library.resample_abi(), bool(library.resample_has_simd())
    except (OSError, AttributeError) as error:
        _log.debug("resample.kernel_missing", path=str(path), error=str(error), using="opencv")
        return None
    if abi != _ABI:
        _log.debug("resample.kernel_stale", path=str(path), abi=abi, using="opencv")
        return None
    if not portable and not has_simd:
        _log.debug("resample.kernel_without_simd", path=str(path), using="opencv")
        return None
    return _bind(library, simd=not portable, wide=wide)

"""Read input files or standard input as bytes, with clear errors."""

from __future__ import annotations

import sys
from pathlib import Path

from cleaner.io.decode import InputError


def read_bytes(source: str, max_bytes: int) -> bytes:
    """Bytes of a file, or of standard input for `-`."""
    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(source)
        if not path.exists():
            raise InputError(f"{source}: no such file")
        if path.is_dir():
            raise InputError(f"{source}: is a directory, not a file")
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise InputError(f"{source}: too large ({size / 1e6:.0f} MB; the limit is "
                                 f"{max_bytes / 1e6:.0f} MB, see --max-size)")
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except PermissionError:
            raise InputError(f"{source}: permission denied") from None
        except OSError as error:
            raise InputError(f"{source}: cannot read ({error.strerror})") from None
    if len(data) > max_bytes:
        raise InputError(f"{source}: input larger than the limit of {max_bytes / 1e6:.0f} MB (see --max-size)")
    return data

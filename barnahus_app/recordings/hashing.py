"""SHA-256 of files that may be many gigabytes: streamed, with progress and cancel.

One read loop for every hash the app takes (recordings at registration, fixity checks, bundle
manifests, copies of recordings into a bundle). 4 MiB reads keep hashlib (which releases the GIL)
near sha256sum's speed; bench/bench_hashing.py measures the ratio."""
from __future__ import annotations

import errno
import hashlib
import os
from typing import Callable

from barnahus_app.errors import Cancelled, DiskFull, RecordFileError

CHUNK = 4 * 1024 * 1024

Progress = Callable[[int, int], None]   # (bytes done, bytes total)
CancelCheck = Callable[[], bool]


def _open_error(path, e: OSError) -> RecordFileError:
    return RecordFileError(f"The file {os.fspath(path)} cannot be read: {e.strerror or e}.")


def _write(out, data, path) -> None:
    try:
        if data:
            out.write(data)
        else:
            out.flush()
            os.fsync(out.fileno())
    except OSError as e:
        if e.errno == errno.ENOSPC:
            raise DiskFull(f"The disk holding {os.fspath(path)} is full; the copy was removed.") from None
        raise RecordFileError(f"The file {os.fspath(path)} cannot be written: {e.strerror or e}; "
                              "the copy was removed.") from None


def sha256_file(path, progress: Progress | None = None, cancel: CancelCheck | None = None,
                copy_to=None) -> tuple[str, int]:
    """(hex digest, size in bytes) of the file at path. copy_to: a file path written with the
    same bytes in the same pass (created exclusively and owner-only, fsynced; removed again if
    cancelled or failed)."""
    digest = hashlib.sha256()
    done = 0
    try:
        src = open(path, "rb", buffering=0)
    except OSError as e:
        raise _open_error(path, e) from None
    out = None
    try:
        total = os.fstat(src.fileno()).st_size
        if copy_to is not None:
            try:
                out = os.fdopen(os.open(copy_to, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                                        | getattr(os, "O_BINARY", 0), 0o600), "wb")
            except OSError as e:
                raise RecordFileError(f"The file {os.fspath(copy_to)} cannot be created: "
                                      f"{e.strerror or e}.") from None
        buf = bytearray(CHUNK)
        view = memoryview(buf)
        while True:
            if cancel is not None and cancel():
                raise Cancelled("Stopped; nothing was recorded.")
            n = src.readinto(buf)
            if not n:
                break
            digest.update(view[:n])
            if out is not None:
                _write(out, view[:n], copy_to)
            done += n
            if progress is not None:
                progress(done, total)
        if progress is not None and done == 0:
            progress(0, 0)  # an empty file: still tell the progress bar it is finished
        if out is not None:
            _write(out, b"", copy_to)
    except OSError as e:
        if out is not None:
            out.close()
            out = None
            os.unlink(copy_to)
        raise _open_error(path, e) from None
    except BaseException:  # Cancelled, DiskFull, a write error: no partial copy stays
        if out is not None:
            out.close()
            out = None
            os.unlink(copy_to)
        raise
    finally:
        src.close()
        if out is not None:
            out.close()
    return digest.hexdigest(), done


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()

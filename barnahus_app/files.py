"""Writing a file safely, the one way every export, summary, calendar file and key file is
written: under a hidden temporary name in the destination's folder, owner-only (0600), fsynced,
renamed into place without replacing anything, and the folder fsynced. Whatever goes wrong (a
full disk, an unplugged drive, Ctrl+C), the temporary is removed and the destination does not
exist, so the same command can simply be run again."""
from __future__ import annotations

import errno
import os
import secrets
import shutil
from pathlib import Path
from typing import Callable

from barnahus_app.errors import Cancelled, DiskFull, RecordFileError, ValidationError
from barnahus_app.recordings.hashing import sha256_file


def write_file_safely(dest, data: bytes | str, field: str = "out", *, replace: bool = False) -> None:
    """data (text is written as UTF-8) at dest, which must not exist yet; with replace=True (a
    save dialog that asked first) an existing file is replaced whole, in one rename. field names
    the option or form field the destination came from, for the message when it is refused."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    _write_safely(Path(dest), lambda partial: write_new_file(partial, data), field, replace)


def copy_file_safely(src, dest, field: str = "out", *,
                     verify: Callable[[Path, str], None] | None = None,
                     progress: Callable[[int, int], None] | None = None,
                     cancel: Callable[[], bool] | None = None) -> str:
    """A copy of the file src at the new name dest, streamed (a record may be gigabytes) and
    hashed in the same pass, the same way; returns the SHA-256 (hex) of the bytes copied.
    progress(done_bytes, total_bytes) follows the copy; cancel() is asked before each block and
    True stops it with Cancelled. verify(temporary, sha256_hex) runs on the finished copy (its
    pages dropped from the cache, so reading it reads the disk) before it is published: whatever
    it raises leaves nothing at dest."""
    digest = []

    def write(partial: Path) -> None:
        digest.append(copy_new_file(Path(src), partial, progress, cancel))
        if verify:
            verify(partial, digest[0])
    _write_safely(Path(dest), write, field, False)
    return digest[0]


def _write_safely(dest: Path, write: Callable[[Path], None], field: str, replace: bool) -> None:
    if replace and (dest.is_dir() or dest.is_symlink()):
        raise ValidationError(field, f"{dest} is a folder or a link; choose a file name.")
    check_destination(dest, field, replace=replace)
    partial = partial_name(dest)
    try:
        write(partial)
        if replace:
            os.replace(partial, dest)
            fsync_folder(dest.parent)
        else:
            publish_new(partial, dest, field)
    except DiskFull:
        remove_partial(partial)
        raise DiskFull(f"The disk holding {dest.parent} is full; nothing was written.") from None
    except OSError as e:
        remove_partial(partial)
        if e.errno == errno.ENOSPC:
            raise DiskFull(f"The disk holding {dest.parent} is full; nothing was written.") from None
        raise RecordFileError(f"{dest} cannot be written: {e.strerror or e}. Nothing was written.") from None
    except BaseException:
        remove_partial(partial)
        raise


def check_destination(dest, field: str = "out", *, replace: bool = False) -> None:
    """Before the work that makes the file (and before unlocking, on the command line, so a
    refused command leaves no audit entry): a new name, in a folder that exists."""
    dest = Path(dest)
    if not replace and os.path.lexists(dest):
        raise ValidationError(field, f"{dest} already exists; choose another name.")
    if not dest.parent.is_dir():
        raise ValidationError(field, f"the folder {dest.parent} does not exist.")


def partial_name(dest: Path) -> Path:
    """A hidden temporary name beside dest: the leading dot and '.partial-' mark a leftover."""
    return dest.parent / f".{dest.name}.partial-{secrets.token_hex(6)}"


def write_new_file(path: Path, data: bytes) -> None:
    """A new owner-only file holding data, on the disk when this returns."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def copy_new_file(src: Path, path: Path, progress: Callable[[int, int], None] | None = None,
                  cancel: Callable[[], bool] | None = None) -> str:
    """A new owner-only copy of src, on the disk when this returns, and no longer in the page
    cache (so whoever reads it next reads the disk); returns the SHA-256 of the bytes copied."""
    try:
        digest, _ = sha256_file(src, progress, cancel, copy_to=path)
    except Cancelled:
        raise Cancelled() from None
    drop_from_cache(path)
    return digest


def drop_from_cache(path: Path) -> None:
    """Ask the kernel to forget the file's cached pages (written and fsynced ones), so the next
    read comes from the disk; a no-op where posix_fadvise does not exist."""
    if not hasattr(os, "posix_fadvise"):
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def publish_new(partial: Path, dest: Path, field: str = "dest") -> None:
    """Rename a finished file or folder into place without replacing anything that appeared
    meanwhile, and make the rename durable."""
    if os.path.lexists(dest):
        raise ValidationError(field, f"{dest} already exists; nothing was changed.")
    if partial.is_file():
        try:
            os.link(partial, dest)      # fails if dest exists, unlike rename on POSIX
            os.unlink(partial)
            fsync_folder(dest.parent)
            return
        except FileExistsError:
            raise ValidationError(field, f"{dest} already exists; nothing was changed.") from None
        except OSError:
            pass  # FAT and exFAT sticks have no hard links
    os.rename(partial, dest)
    fsync_folder(dest.parent)


def remove_partial(partial: Path) -> None:
    try:
        if partial.is_dir() and not partial.is_symlink():
            shutil.rmtree(partial)
        elif os.path.lexists(partial):
            os.unlink(partial)
    except OSError:
        pass  # e.g. the disk was unplugged; the hidden name marks it as a leftover


def fsync_folder(path: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder to flush it; its renames are journalled
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

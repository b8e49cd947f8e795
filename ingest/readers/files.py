"""Reading a file's bytes safely: missing, unreadable, empty, oversized,
binary and undecodable files become a Skipped with the reason."""

from __future__ import annotations

import codecs
from pathlib import Path

from ingest.readers import results
from ingest.readers.results import Skipped

_SNIFF_BYTES = 8192
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes that text files do not contain (controls other than \t \n \f \r, ESC).
_CONTROL = frozenset(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31, 127}


def bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KiB (without a UTF-16/32 BOM)."""
    head = data[:_SNIFF_BYTES]
    if not head or bom_encoding(head) in ("utf-16", "utf-32"):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.05


def read_bytes(path: Path, max_bytes: int, *, streamed: bool = False) -> bytes | Skipped:
    """The file's bytes, or why not. `streamed` files (JSONL) are read line by
    line elsewhere, so only their first bytes are checked here."""
    source = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return Skipped(source, results.NOT_FOUND, "no such file")
    except OSError as e:
        return Skipped(source, results.UNREADABLE, f"{type(e).__name__}: {e.strerror or e}")
    if size == 0:
        return Skipped(source, results.EMPTY, "the file has 0 bytes")
    if size > max_bytes and not streamed:
        return Skipped(
            source,
            results.TOO_LARGE,
            f"{size:,} bytes, over the {max_bytes:,}-byte cap (GEOKG_MAX_FILE_BYTES)",
        )
    try:
        with path.open("rb") as f:
            data = f.read(_SNIFF_BYTES if streamed else max_bytes + 1)
    except OSError as e:
        return Skipped(source, results.UNREADABLE, f"{type(e).__name__}: {e.strerror or e}")
    if looks_binary(data):
        return Skipped(source, results.BINARY, "contains NUL or control bytes; not a text file")
    return data


def decode_text(data: bytes, source: str) -> str | Skipped:
    """UTF-8 (or UTF-16/32 with a byte-order mark). Anything else is refused
    rather than guessed, since a wrong guess silently garbles names."""
    encoding = bom_encoding(data) or "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        return Skipped(
            source,
            results.UNDECODABLE,
            f"not valid {encoding} at byte {e.start}; convert the file to UTF-8 (e.g. iconv -f cp1252 -t utf-8)",
        )

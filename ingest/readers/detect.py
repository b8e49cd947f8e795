"""Which reader a file needs: by extension, else by sniffing its first bytes."""

from __future__ import annotations

from pathlib import Path

FORMATS = ("auto", "text", "html", "feed", "jsonl")

_BY_EXTENSION = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}
_SNIFF_BYTES = 2048


def sniff(head: bytes) -> str:
    """The format of content starting with `head`; "text" when nothing else fits."""
    start = head[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"["):
        return "json"
    if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
        return "feed"
    if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start or b"<body" in start:
        return "html"
    return "text"


def detect_format(path: Path, fmt: str = "auto") -> str:
    """One of text, html, feed, jsonl, json (a .json file: an object, a list or JSONL)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    suffix = path.suffix.lower()
    if fmt != "auto":
        return "json" if fmt == "jsonl" and suffix == ".json" else fmt
    known = _BY_EXTENSION.get(suffix)
    if known is not None:
        return known
    try:
        with path.open("rb") as f:
            head = f.read(_SNIFF_BYTES)
    except OSError:
        return "text"  # the reader reports why the file cannot be read
    return sniff(head)

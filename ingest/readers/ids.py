"""Stable article ids and outlet names.

An article's id is its canonical URL when it has one (so the same story fetched
twice, with different tracking parameters, is one article), else "sha1:" and the
hash of its normalised text.
"""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ingest.readers.normalize import fingerprint_text

# Query parameters that identify a click, not a page.
_TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ocid", "cmpid", "ref_src", "_ga"}
)
_DEFAULT_PORTS = {"http": 80, "https": 443}

# Hosts whose outlet name is not readable from the domain. Keyed by the
# registered domain (the last two labels, or three for *.co.uk and the like).
_OUTLETS = {
    "wikinews.org": "Wikinews",
    "wikipedia.org": "Wikipedia",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "apnews.com": "AP News",
    "reuters.com": "Reuters",
    "aljazeera.com": "Al Jazeera",
    "thecradle.co": "The Cradle",
    "nytimes.com": "The New York Times",
    "theguardian.com": "The Guardian",
    "washingtonpost.com": "The Washington Post",
}


def canonical_url(url: str | None) -> str | None:
    """Lowercase scheme and host, no default port, fragment, tracking parameters
    or trailing slash; the remaining query parameters sorted. None when `url`
    is not an absolute http(s) URL."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme not in ("http", "https") or not host:
        return None
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in _TRACKING_PARAMS
    ]
    path = parts.path.rstrip("/")
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))


def text_hash(text: str) -> str:
    return hashlib.sha1(fingerprint_text(text).encode("utf-8")).hexdigest()


def article_id(url: str | None, text: str) -> str:
    """The canonical URL, or "sha1:<hash of the normalised text>"."""
    return canonical_url(url) or f"sha1:{text_hash(text)}"


def _registered_domain(host: str) -> str:
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in ("co", "com", "org", "net", "ac", "gov") and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def outlet_from_url(url: str | None) -> str | None:
    """A readable outlet name from the URL's host ("en.wikinews.org" -> "Wikinews"),
    else the host without "www."."""
    canon = canonical_url(url)
    if canon is None:
        return None
    host = urlsplit(canon).hostname or ""
    known = _OUTLETS.get(_registered_domain(host))
    if known:
        return known
    return host.removeprefix("www.") or None

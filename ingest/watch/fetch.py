"""A polite HTTP client for the watcher: a User-Agent naming the project,
robots.txt obeyed, one request per host per `min_interval` seconds, bounded
redirects, timeouts and response sizes, and retries with backoff for the
errors that may pass (timeouts, connection errors, 5xx, 429).

Every failure is a FetchError whose message says what happened; nothing here
decides what a failure means for the source (the watcher does).
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})
ROBOTS_TTL = 3600.0  # seconds a host's robots.txt is trusted
ROBOTS_RETRY = 60.0  # seconds before an unreachable robots.txt is asked again


class FetchError(Exception):
    """A request that gave no usable answer; `retryable` says whether waiting may help."""

    def __init__(self, message: str, retryable: bool = True, status: int | None = None) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.status = status  # the HTTP status, when the server answered


class RobotsDisallowed(FetchError):
    def __init__(self, url: str, agent: str) -> None:
        super().__init__(f"robots.txt of {urlsplit(url).netloc} disallows {url} for {agent!r}", retryable=False)


@dataclass(slots=True)
class Fetched:
    url: str  # after redirects
    status: int  # 200 or 304
    headers: httpx.Headers
    content: bytes = b""


@dataclass(slots=True)
class _Robots:
    parser: urllib.robotparser.RobotFileParser | None  # None: everything allowed
    fetched_at: float
    allow_all: bool = False
    deny_all: bool = False


@dataclass(slots=True)
class FetchSettings:
    user_agent: str = "geokg-watcher/0.1 (+https://github.com/geokg/geokg; news knowledge graph)"
    timeout: float = 20.0
    min_interval: float = 1.0  # seconds between two requests to one host
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    retries: int = 2  # extra attempts for retryable failures
    retry_base: float = 2.0  # seconds before the first retry, doubled each time
    respect_robots: bool = True
    sleep: Callable[[float], None] = field(default=time.sleep)


class PoliteClient:
    def __init__(self, settings: FetchSettings | None = None) -> None:
        self.settings = settings or FetchSettings()
        self._client = httpx.Client(
            headers={"User-Agent": self.settings.user_agent},
            timeout=self.settings.timeout,
            follow_redirects=True,
            max_redirects=self.settings.max_redirects,
        )
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, _Robots] = {}

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, headers: dict[str, str] | None = None) -> Fetched:
        """GET with retries; a 304 comes back as Fetched(status=304)."""
        if self.settings.respect_robots and not self.allowed(url):
            raise RobotsDisallowed(url, self.settings.user_agent)
        attempt = 0
        while True:
            try:
                return self._get_once(url, headers or {})
            except FetchError as e:
                if not e.retryable or attempt >= self.settings.retries:
                    raise
                self.settings.sleep(self.settings.retry_base * 2**attempt)
                attempt += 1

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        robots = self._robots.get(host)
        if robots is None or time.monotonic() - robots.fetched_at > ROBOTS_TTL:
            robots = self._fetch_robots(host)
            self._robots[host] = robots
        if robots.deny_all:
            return False
        if robots.allow_all or robots.parser is None:
            return True
        return robots.parser.can_fetch(self.settings.user_agent, url)

    def _fetch_robots(self, host: str) -> _Robots:
        # As RFC 9309: no robots.txt (4xx) allows everything; an unreachable
        # one (5xx, timeout) disallows everything until it is fetched again.
        now = time.monotonic()
        try:
            answer = self._get_once(f"{host}/robots.txt", {})
        except FetchError as e:
            if e.status is not None and 400 <= e.status < 500:
                return _Robots(None, now, allow_all=True)
            return _Robots(None, now - ROBOTS_TTL + ROBOTS_RETRY, deny_all=True)
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(answer.content.decode("utf-8", errors="replace").splitlines())
        return _Robots(parser, now)

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        if last is not None:
            wait = self.settings.min_interval - (time.monotonic() - last)
            if wait > 0:
                self.settings.sleep(wait)
        self._last_request[host] = time.monotonic()

    def _get_once(self, url: str, headers: dict[str, str]) -> Fetched:
        self._wait_for_host(url)
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return Fetched(str(response.url), 304, response.headers)
                if response.status_code != 200:
                    raise FetchError(
                        f"HTTP {response.status_code} from {url}",
                        retryable=response.status_code in RETRYABLE_STATUS,
                        status=response.status_code,
                    )
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.settings.max_bytes:
                        raise FetchError(f"{url} is over {self.settings.max_bytes:,} bytes; not read", retryable=False)
                    chunks.append(chunk)
                return Fetched(str(response.url), 200, response.headers, b"".join(chunks))
        except httpx.TooManyRedirects as e:
            raise FetchError(f"{url} redirects more than {self.settings.max_redirects} times (a loop?)", False) from e
        except httpx.TimeoutException as e:
            raise FetchError(f"{url} timed out after {self.settings.timeout:g} s") from e
        except httpx.TransportError as e:
            raise FetchError(f"{url}: {type(e).__name__}: {e}") from e
        except httpx.HTTPError as e:  # invalid URL, decoding error...
            raise FetchError(f"{url}: {type(e).__name__}: {e}", retryable=False) from e

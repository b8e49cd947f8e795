"""/docs and /redoc work without internet: the app serves the Swagger UI and
ReDoc assets itself (fastapi-offline), and a real headless Chromium, whose
resolver answers nothing but 127.0.0.1, renders both pages from a live server
while its net log shows that the page asked for nothing outside 127.0.0.1.

Needs Debian's chromium on PATH (`apt-get install -y chromium`); without it
the browser tests fail and say so (never skipped)."""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from api.app import create_app
from api.docs import CONTENT_SECURITY_POLICY, DOCS_ASSETS_URL
from graph.settings import Neo4jSettings
from tests.api.conftest import make_settings

BROWSER_TIMEOUT_S = 90


# --- the HTML and its assets, over ASGI ----------------------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize("page", ["/docs", "/redoc"])
async def test_docs_pages_reference_only_served_assets(page: str, neo4j_settings: Neo4jSettings) -> None:
    app = create_app(make_settings(), neo4j_settings)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        response = await client.get(page)
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        html = response.text
        refs = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert refs, html
        assert not [r for r in refs if "//" in r], f"{page} loads something from another host: {refs}"
        assert "fonts.googleapis" not in html
        for ref in refs:
            assert ref.startswith(DOCS_ASSETS_URL + "/"), ref
            r = await client.get(ref)
            assert r.status_code == 200 and len(r.content) > 1000, ref


# --- a real browser on a live server -------------------------------------------------------


@pytest.fixture(scope="module")
def live_url(neo4j_settings: Neo4jSettings) -> Iterator[str]:
    """The app served by uvicorn on 127.0.0.1 (an ephemeral port) in a thread."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(make_settings(), neo4j_settings), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start within 20 s"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    sock.close()


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        if path := shutil.which(name):
            return path
    pytest.fail("these tests need a headless Chromium: apt-get install -y chromium", pytrace=False)


def browse(url: str, workdir: Path) -> tuple[str, list[tuple[str, str]]]:
    """Load `url` in headless Chromium with every host but 127.0.0.1 unresolvable;
    return the rendered DOM and (url, initiator) of every request it made."""
    netlog = workdir / "net.json"
    command = [
        chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        f"--user-data-dir={workdir / 'profile'}",
        # Every name resolves to nothing but 127.0.0.1: a CDN asset could not load.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        f"--log-net-log={netlog}",
        "--virtual-time-budget=20000", "--window-size=1280,1600",
        f"--screenshot={workdir / 'page.png'}", "--dump-dom", url,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=BROWSER_TIMEOUT_S, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    requests = [
        (e["params"]["url"], str(e["params"].get("initiator", "")))
        for e in log["events"]
        if e["type"] == start_job and "url" in e.get("params", {})
    ]
    return done.stdout, requests


@pytest.mark.parametrize(
    ("page", "rendered"),
    [
        # Swagger UI draws one block per operation from /openapi.json.
        ("/docs", re.compile(r'class="opblock-summary-path"[^>]*>.*?/v1/entities', re.S)),
        # ReDoc draws the operations into its side menu.
        ("/redoc", re.compile(r"Search Entities")),
    ],
)
def test_docs_render_in_headless_chromium_with_no_outside_request(
    page: str, rendered: re.Pattern[str], live_url: str, tmp_path: Path
) -> None:
    dom, requests = browse(live_url + page, tmp_path)
    assert rendered.search(dom), f"{page} did not render the API's operations:\n{dom[:2000]}"
    mine = [u for u, initiator in requests if initiator == live_url or u == live_url + page]
    outside = [u for u in mine if not u.startswith(live_url + "/")]
    assert outside == [], f"{page} asked for outside URLs: {outside}"
    # The assets and the schema came from this server.
    assert live_url + "/openapi.json" in mine
    assert any(u.startswith(live_url + DOCS_ASSETS_URL + "/") and u.endswith(".js") for u in mine), mine
    assert (tmp_path / "page.png").stat().st_size > 10_000

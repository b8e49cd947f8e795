"""Swagger UI (/docs) and ReDoc (/redoc) that work without internet.

FastAPI's own pages load their JS and CSS from a CDN; here the assets come
from the fastapi-offline package and are served by the app under
DOCS_ASSETS_URL. ReDoc's bundle still draws a logo from cdn.redoc.ly, so the
pages carry a Content-Security-Policy that lets the browser fetch from this
server only: nothing on a docs page can reach another host.
"""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

DOCS_URL = "/docs"
REDOC_URL = "/redoc"
# Where the assets are served (a path no /v1 route can take).
DOCS_ASSETS_URL = "/docs-assets"
ASSETS_DIR = Path(fastapi_offline.__file__).parent / "static"

# 'unsafe-inline': both pages start from an inline script, and ReDoc injects
# its styles; blob: workers are ReDoc's search index.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
    "frame-ancestors 'self'"
)


def _secured(page: HTMLResponse) -> HTMLResponse:
    page.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return page


def install_docs(app: FastAPI) -> None:
    """Add /docs, its OAuth2 redirect, /redoc and their assets to `app` (made
    with docs_url=None and redoc_url=None, so FastAPI adds no CDN pages)."""
    if not (ASSETS_DIR / "swagger-ui-bundle.js").is_file():
        raise RuntimeError(
            f"the Swagger UI assets are missing from {ASSETS_DIR}: reinstall fastapi-offline "
            "(pip install --force-reinstall fastapi-offline)"
        )
    app.mount(DOCS_ASSETS_URL, StaticFiles(directory=ASSETS_DIR), name="docs-assets")
    openapi_url = app.openapi_url or "/openapi.json"
    redirect_url = f"{DOCS_URL}/oauth2-redirect"

    @app.get(DOCS_URL, include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        return _secured(
            get_swagger_ui_html(
                openapi_url=openapi_url,
                title=f"{app.title} - Swagger UI",
                oauth2_redirect_url=redirect_url,
                swagger_js_url=f"{DOCS_ASSETS_URL}/swagger-ui-bundle.js",
                swagger_css_url=f"{DOCS_ASSETS_URL}/swagger-ui.css",
                swagger_favicon_url=f"{DOCS_ASSETS_URL}/favicon.png",
            )
        )

    @app.get(redirect_url, include_in_schema=False)
    async def swagger_ui_redirect() -> HTMLResponse:
        return _secured(get_swagger_ui_oauth2_redirect_html())

    @app.get(REDOC_URL, include_in_schema=False)
    async def redoc() -> HTMLResponse:
        return _secured(
            get_redoc_html(
                openapi_url=openapi_url,
                title=f"{app.title} - ReDoc",
                redoc_js_url=f"{DOCS_ASSETS_URL}/redoc.standalone.js",
                redoc_favicon_url=f"{DOCS_ASSETS_URL}/favicon.png",
                with_google_fonts=False,
            )
        )

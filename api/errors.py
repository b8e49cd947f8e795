"""The API's error vocabulary: the only module that knows HTTP status codes.

Every error leaves the API as `{"error": {"code": ..., "message": ...}}`
(validation errors add `details`). Errors from `graph` are mapped here;
anything unexpected becomes a generic 500 whose traceback goes to the log,
never to the client.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.driver_errors import DRIVER_UNAVAILABLE
from graph.errors import GraphError, InvalidQuery, Neo4jUnavailable, NotFound, QueryOutOfMemory, QueryTimedOut

log = logging.getLogger("geokg.api")


class ApiError(Exception):
    """An error the API itself raises (not from `graph`)."""

    code = "api_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadParameter(ApiError):
    """A query parameter that passed type validation but means nothing (an unknown relation type)."""

    code = "validation_error"


class ApiKeyMissing(ApiError):
    code = "api_key_missing"


class ApiKeyInvalid(ApiError):
    code = "api_key_invalid"


class WritesDisabled(ApiError):
    """No API key is configured, so key-protected endpoints are closed."""

    code = "writes_disabled"


class BodyTooLarge(ApiError):
    code = "body_too_large"


class ArticlesNotLoaded(ApiError):
    """Some articles of a POST were read but failed to extract or load; `details`
    lists them and carries the ingest report (what was loaded)."""

    code = "articles_not_loaded"

    def __init__(self, message: str, details: Any) -> None:
        super().__init__(message)
        self.details = details


class IngestUnavailable(ApiError):
    """The ingest pipeline (spaCy model, extractor) cannot be loaded."""

    code = "ingest_unavailable"


# Exception class -> (status, code). Looked up along the MRO, most specific first.
_STATUS: dict[type[Exception], tuple[int, str]] = {
    NotFound: (404, "not_found"),
    InvalidQuery: (400, "invalid_query"),
    # The query's fault, and retrying it fails the same way: not a 503.
    QueryTimedOut: (422, "query_timeout"),
    QueryOutOfMemory: (422, "query_memory_limit"),
    Neo4jUnavailable: (503, "neo4j_unavailable"),
    **{cls: (503, "neo4j_unavailable") for cls in DRIVER_UNAVAILABLE},
    BadParameter: (422, BadParameter.code),
    ApiKeyMissing: (401, ApiKeyMissing.code),
    ApiKeyInvalid: (403, ApiKeyInvalid.code),
    WritesDisabled: (403, WritesDisabled.code),
    BodyTooLarge: (413, BodyTooLarge.code),
    IngestUnavailable: (503, IngestUnavailable.code),
    # Our pipeline failed on articles the client sent well-formed: a server error.
    ArticlesNotLoaded: (500, ArticlesNotLoaded.code),
    # Any other graph error is our fault, not the caller's; its message names
    # the cause (e.g. a missing index and `geokg init`), with no traceback.
    GraphError: (500, "graph_error"),
}

# Status codes of the HTTP errors Starlette raises itself (unknown route, wrong method).
_HTTP_CODES = {404: "not_found", 405: "method_not_allowed", 400: "bad_request", 413: BodyTooLarge.code}


def status_for(exc: Exception) -> tuple[int, str] | None:
    for cls in type(exc).__mro__:
        if cls in _STATUS:
            return _STATUS[cls]
    return None


def error_response(status: int, code: str, message: str, details: Any = None) -> JSONResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        body["details"] = details
    headers = {"WWW-Authenticate": "X-API-Key"} if status == 401 else None
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def response_for(exc: Exception) -> JSONResponse:
    """The JSON error response for any exception (500 for the unexpected)."""
    mapped = status_for(exc)
    if mapped is None:
        return error_response(500, "internal_error", "internal error: the server log has the details")
    status, code = mapped
    message = getattr(exc, "message", None) or str(exc) or code
    return error_response(status, code, message, getattr(exc, "details", None))


def body_too_large(limit: int) -> JSONResponse:
    return response_for(BodyTooLarge(f"the request body is larger than {limit} bytes"))


def _validation_details(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Only location, message and type: pydantic's `input`/`ctx` may echo huge or odd values.
    return [
        {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
        for e in errors
    ]


def install_error_handlers(app: FastAPI) -> None:
    async def on_validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = _validation_details(list(exc.errors()))
        summary = "; ".join(f"{'.'.join(d['loc'])}: {d['msg']}" for d in details[:5])
        return error_response(422, "validation_error", f"invalid request: {summary}", details)

    async def on_http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        return error_response(exc.status_code, code, str(exc.detail))

    async def on_known(_: Request, exc: Exception) -> JSONResponse:
        return response_for(exc)

    async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return response_for(exc)

    app.add_exception_handler(RequestValidationError, on_validation)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, on_http)  # type: ignore[arg-type]
    for cls in (GraphError, ApiError, *DRIVER_UNAVAILABLE):
        app.add_exception_handler(cls, on_known)
    app.add_exception_handler(Exception, on_unexpected)

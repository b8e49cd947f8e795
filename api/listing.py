"""The one list envelope (`items`, `total`, `limit`, `offset`, `next`) and its
CSV form: every list route answers JSON by default and CSV for `format=csv`
or `Accept: text/csv` (one row per item; nested values flattened)."""

from __future__ import annotations

import csv
import io
import json
from typing import Annotated, Any, Literal, TypeVar

from fastapi import Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from graph.views import Page

P = TypeVar("P", bound=Page[Any])

CSV_MEDIA_TYPE = "text/csv"
# For a list route's `responses=`: documents the CSV form in OpenAPI.
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {CSV_MEDIA_TYPE: {"schema": {"type": "string"}}}, "description": "the list (JSON or CSV)"}
}

ListFormat = Annotated[
    Literal["json", "csv"] | None,
    Query(alias="format", description="csv for a CSV table of the items (or send Accept: text/csv)"),
]


def with_next(request: Request, page: P) -> P:
    """The page with `next`: this request's URL at offset + limit, None on the last page."""
    if page.offset + page.limit >= page.total:
        return page
    url = request.url.include_query_params(offset=page.offset + page.limit, limit=page.limit)
    return page.model_copy(update={"next": str(url)})


def wants_csv(request: Request, fmt: str | None) -> bool:
    if fmt is not None:
        return fmt == "csv"
    accept = request.headers.get("accept", "")
    return CSV_MEDIA_TYPE in accept and "application/json" not in accept


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return "|".join(str(v) for v in value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _flat(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects become prefixed columns (`article.url`), lists one cell."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, dict):
            out.update(_flat(value, f"{prefix}{key}."))
        else:
            out[prefix + key] = _cell(value)
    return out


def csv_response(items: list[Any], filename: str, total: int | None = None) -> Response:
    rows = [_flat(i.model_dump(mode="json") if isinstance(i, BaseModel) else dict(i)) for i in items]
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    headers = {"Content-Disposition": f'attachment; filename="{filename}.csv"'}
    if total is not None:
        headers["X-Total-Count"] = str(total)
    return Response(buffer.getvalue(), media_type=f"{CSV_MEDIA_TYPE}; charset=utf-8", headers=headers)


def listing(request: Request, page: P, fmt: str | None, name: str) -> P | Response:
    """A list route's answer: the page with its `next` link, or its items as CSV
    (the page's `total` and `next` in the X-Total-Count and Link headers)."""
    page = with_next(request, page)
    if not wants_csv(request, fmt):
        return page
    # Dumped through the page, so items of any kind (models, dataclasses) are JSON-ready.
    response = csv_response(page.model_dump(mode="json")["items"], name, page.total)
    if page.next:
        response.headers["Link"] = f'<{page.next}>; rel="next"'
    return response

"""GET /v1/export: the filtered fact-edge graph as a file (GraphML, GEXF, JSON,
a zip of Gephi CSVs) or the claims as PLOVER-style events. Same filters as
/v1/analytics; see graph.export for the attribute names of each format."""

from __future__ import annotations

import json
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.dependencies import Filter, GraphDriver, ReadTimeout
from api.schemas import ErrorBody
from graph import export as ex
from graph.analytics.pull import afetch_subgraph

router = APIRouter(prefix="/v1", tags=["export"])

MAX_EVENTS = 200_000


@router.get(
    "/export",
    response_class=Response,
    responses={
        200: {"description": "the file, as an attachment", "content": {
            "application/graphml+xml": {}, "application/gexf+xml": {}, "application/json": {}, "application/zip": {}}},
        422: {"model": ErrorBody},
        503: {"model": ErrorBody},
    },
)
async def export(
    graph: GraphDriver,
    flt: Filter,
    timeout_s: ReadTimeout,
    format: Annotated[Literal["graphml", "gexf", "json", "csv", "plover"], Query()] = "json",
    include_negated: Annotated[bool, Query(description="plover: include negated claims")] = True,
    limit: Annotated[int, Query(ge=1, le=MAX_EVENTS, description="plover: most claims returned")] = 100_000,
) -> Response:
    """Download the graph (graphml, gexf, json; csv = zip of nodes.csv + edges.csv)
    or its claims as PLOVER-style events (plover; since/until apply to claim dates)."""
    driver, database = graph
    if format == "plover":
        cf = ex.ClaimFilter.from_subgraph_filter(flt, include_negated=include_negated)
        records = await ex.afetch_plover(driver, cf, database, limit=limit, timeout_s=timeout_s)
        body = json.dumps(ex.plover_document(records, cf), ensure_ascii=False).encode("utf-8")
        rendered = ex.Rendered(body, "application/json", "geokg-plover.json")
    else:
        g = await afetch_subgraph(driver, flt, database, timeout_s=timeout_s)
        rendered = ex.render_graph(g, format, flt)
    return Response(
        rendered.content,
        media_type=rendered.media_type,
        headers={"Content-Disposition": f'attachment; filename="{rendered.filename}"'},
    )

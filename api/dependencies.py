"""FastAPI dependencies: settings, the repository, the API key, type filters."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Header, Request

from api.errors import ApiKeyInvalid, ApiKeyMissing, BadParameter, WritesDisabled
from api.resources import GraphResources
from api.settings import ApiSettings
from graph.ontology import UnknownRelationType, relation_type
from graph.repository import Repository


def get_api_settings(request: Request) -> ApiSettings:
    return request.app.state.api_settings


def get_resources(request: Request) -> GraphResources:
    return request.app.state.resources


async def get_repository(resources: Annotated[GraphResources, Depends(get_resources)]) -> Repository:
    return await resources.repository()


def _check_key(settings: ApiSettings, given: str | None) -> None:
    if settings.key is None or not settings.key.get_secret_value():
        raise WritesDisabled("this endpoint needs an API key and none is configured: set GEOKG_API_KEY")
    if not given:
        raise ApiKeyMissing("send the API key in the X-API-Key header")
    # Constant-time comparison so response timing does not leak the key.
    if not hmac.compare_digest(given.encode("utf-8"), settings.key.get_secret_value().encode("utf-8")):
        raise ApiKeyInvalid("the X-API-Key header does not match the configured key")


def require_api_key(
    settings: Annotated[ApiSettings, Depends(get_api_settings)],
    x_api_key: Annotated[str | None, Header(alias="X-API-Key")] = None,
) -> None:
    _check_key(settings, x_api_key)


def require_cypher_access(
    settings: Annotated[ApiSettings, Depends(get_api_settings)],
    x_api_key: Annotated[str | None, Header(alias="X-API-Key")] = None,
) -> None:
    if not settings.cypher_open:
        _check_key(settings, x_api_key)


def parse_types(types: str | None) -> list[str] | None:
    """`types=ATTACKS,SUPPLIES_ARMS` as validated vocabulary names (422 otherwise)."""
    if types is None or not types.strip():
        return None
    names: list[str] = []
    for raw in types.split(","):
        if not raw.strip():
            continue
        try:
            names.append(relation_type(raw.strip()).name)
        except UnknownRelationType as e:
            raise BadParameter(f"types: {e}") from e
    return names or None


Repo = Annotated[Repository, Depends(get_repository)]

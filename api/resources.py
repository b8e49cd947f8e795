"""What the API holds for its lifetime: one async Neo4j driver (created in the
lifespan), the repository over it, and, only once POST /v1/articles is used,
a sync driver for the loader and the extractor (spaCy loads once per process).
Nothing here connects at import time."""

from __future__ import annotations

import asyncio
import threading
from typing import TYPE_CHECKING

from neo4j import AsyncDriver, Driver

from graph.driver import create_async_driver, create_driver
from graph.errors import GraphError
from graph.repository import Repository
from graph.settings import Neo4jSettings

if TYPE_CHECKING:
    # Only for the annotation: spaCy loads on the first POST /v1/articles, not at start.
    from ingest.extract import Extractor


class GraphResources:
    def __init__(self, neo4j_settings: Neo4jSettings, pool_size: int = 50, acquire_timeout_s: float = 60.0) -> None:
        self.settings = neo4j_settings
        self._pool_size = pool_size
        self._acquire_timeout_s = acquire_timeout_s
        self._driver: AsyncDriver | None = None
        self._repository: Repository | None = None
        self._driver_error: GraphError | None = None
        self._lock = asyncio.Lock()
        self._sync_driver: Driver | None = None
        self._extractor: Extractor | None = None
        self._sync_lock = threading.Lock()
        # One ingest at a time per process: the spaCy pipeline is shared and
        # not meant for concurrent use, and the CPU is the bottleneck anyway.
        self.ingest_lock = threading.Lock()

    def open(self) -> None:
        """Create the async driver. It connects lazily, so the API starts (and
        answers 503) while Neo4j is down, and recovers when it comes back."""
        try:
            self._driver = create_async_driver(
                self.settings, pool_size=self._pool_size, acquire_timeout_s=self._acquire_timeout_s
            )
            self._repository = Repository(self._driver, self.settings.database)
        except GraphError as e:  # e.g. no password yet for the local server
            self._driver_error = e

    async def repository(self) -> Repository:
        if self._repository is None:
            # Driver creation failed at start (no credentials yet): retry now.
            async with self._lock:
                if self._repository is None:
                    self._driver_error = None
                    self.open()
                    if self._driver_error is not None:
                        raise self._driver_error
        assert self._repository is not None
        return self._repository

    async def driver(self) -> AsyncDriver:
        """The app's one async driver (for routes that query beyond the repository)."""
        await self.repository()
        assert self._driver is not None
        return self._driver

    def sync_driver(self) -> Driver:
        """The loader's driver, made on first use (thread-safe: called from the threadpool)."""
        with self._sync_lock:
            if self._sync_driver is None:
                self._sync_driver = create_driver(self.settings)
            return self._sync_driver

    def extractor(self) -> Extractor:
        """The ingest Extractor, loaded once per process on first use."""
        with self._sync_lock:
            if self._extractor is None:
                from ingest.extract import Extractor

                self._extractor = Extractor()
            return self._extractor

    async def close(self) -> None:
        if self._driver is not None:
            await self._driver.close()
        if self._sync_driver is not None:
            self._sync_driver.close()

"""`geokg serve`: run the HTTP API with uvicorn."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: str = typer.Option(None, help="Address to listen on (default: GEOKG_API_HOST, 127.0.0.1)."),
        port: int = typer.Option(None, help="Port (default: GEOKG_API_PORT, 8000)."),
        workers: int = typer.Option(1, min=1, help="Worker processes (each loads its own driver)."),
        log_level: str = typer.Option("info", help="uvicorn log level."),
    ) -> None:
        """Serve the API (OpenAPI docs at /docs). Neo4j settings come from NEO4J_*."""
        import uvicorn

        from api.settings import get_settings

        settings = get_settings()
        uvicorn.run(
            "api.app:create_app",
            factory=True,
            host=host or settings.host,
            port=port or settings.port,
            workers=workers,
            log_level=log_level,
            proxy_headers=False,
        )

# The geokg API. Used by docker-compose.yml, which also runs Neo4j.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
# Only what the package needs (see .dockerignore); the spaCy model is a pip dependency.
COPY pyproject.toml README.md ./
COPY api ./api
COPY graph ./graph
COPY ingest ./ingest
RUN pip install . \
    && useradd --create-home --uid 10001 geokg

USER geokg
EXPOSE 8000
CMD ["geokg", "serve", "--host", "0.0.0.0", "--port", "8000"]

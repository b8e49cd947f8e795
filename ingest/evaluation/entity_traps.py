"""The gold files' `must_not_entities` lines turned into mechanical checks.

The lines are free text written for people ("'Mahan' and 'Mahan Air' as two
different entities"). The shapes below are recognised; every other line is
returned as not checkable, and the report says so, rather than guessed at.
Parenthesised remarks ("(it is the venue)") are explanations and are ignored.

- "'X' or 'Y' [resolved] as a Person / an Organization or actor / entities":
  a mention X of that kind; "actor": X as an argument of a claim (outside
  LOCATED_IN / CAPITAL_OF); "entity": X as any mention or entity name.
- "'X' and 'Y' as two [different] entities / people / groups", "... as
  different places": the mentions X and Y resolved to more than one entity.
- "'X' / 'Y' as an actor / entity / person separate from Z" ("distinct from"):
  X acting in a claim (actor) or mentioned (entity, person) but not resolved to Z.
- "'X' resolved as [the state|states|group] Z [or Z2]": a mention X resolved to Z.
- seed-gold's "'X' and 'Y' as two different actors when X is the one acting":
  X acting in a claim resolved to another entity than the mentions of Y.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from graph.models import Extraction
from graph.ontology import EntityKind
from ingest.evaluation.gold_matching import GoldEntity, entity_is, gold_entities, norm
from ingest.evaluation.predictions import PredMention, claims_of, mentions_of
from ingest.evaluation.spans import overlaps

EntityCheck = Callable[[Extraction, list[PredMention]], list[str]]

# A place named in a where-claim is not acting.
PLACE_TYPES = frozenset({"LOCATED_IN", "CAPITAL_OF"})

_NAMES = r"(?P<names>'[^']+'(?:\s*(?:,|/|or|and|,\s*or|,\s*and)\s*'[^']+')*)"
_KIND_WORDS: dict[str, str] = {
    **{k.value.lower(): k.value for k in EntityKind},
    **{k.value.lower() + "s": k.value for k in EntityKind},
    "countries": EntityKind.COUNTRY.value,
    "cities": EntityKind.CITY.value,
    "people": EntityKind.PERSON.value,
    "actor": "actor", "actors": "actor", "entity": "entity", "entities": "entity",
}
_ATOM = r"(?:(?:as\s+)?(?:a|an)\s+)?(?:" + "|".join(sorted(_KIND_WORDS, key=len, reverse=True)) + r")"
_KIND_LINE = re.compile(
    rf"^{_NAMES}\s+(?:resolved\s+)?as\s+(?P<atoms>{_ATOM}(?:\s*(?:,|/|or|,\s*or)\s*{_ATOM})*)$", re.I
)
_SPLIT_LINE = re.compile(
    rf"^{_NAMES}\s+as\s+(?:two|different|two\s+different|pairs\s+of\s+different)\s+"
    r"(?:entities|people|persons|groups|places)$", re.I
)
_SEPARATE_LINE = re.compile(
    rf"^{_NAMES}\s+as\s+(?:an?\s+)?(?P<what>actors?|entity|entities|persons?)\s+(?:separate|distinct)\s+from\s+"
    r"(?P<targets>[^'()]+)$", re.I
)
_RESOLVED_AS_LINE = re.compile(
    rf"^{_NAMES}\s+resolved\s+as\s+(?:the\s+(?:states?|group)\s+)?(?P<targets>[^'()]+)$", re.I
)
_SAME_ACTOR_LINE = re.compile(rf"^{_NAMES}\s+as\s+two\s+different\s+actors\b", re.I)


def _quoted(line: str) -> list[str]:
    return re.findall(r"'([^']+)'", line)


def _strip_remarks(line: str) -> str:
    return " ".join(re.sub(r"\([^()]*\)", " ", line).split())


def _same_text(a: str, b: str) -> bool:
    """Mention text equality, ignoring case and a leading article ('the Houthis' = 'Houthis')."""
    def bare(s: str) -> str:
        s = norm(s)
        return s[4:] if s.startswith("the ") else s
    return bare(a) == bare(b)


def _named(text: str, names: list[str]) -> bool:
    return any(_same_text(text, n) for n in names)


def _kind_check(names: list[str], kind: str) -> EntityCheck:
    def check(extraction: Extraction, mentions: list[PredMention]) -> list[str]:
        return [
            f"mention {m.text!r} at {m.start} resolved to {m.entity_name!r} ({m.kind})"
            for m in mentions
            if _named(m.text, names) and m.kind == kind
        ]

    return check


def _actor_check(names: list[str]) -> EntityCheck:
    def check(extraction: Extraction, mentions: list[PredMention]) -> list[str]:
        out = set()
        for c in claims_of(extraction):
            if c.type in PLACE_TYPES:
                continue
            for text, start in ((c.subject_text, c.subject_start), (c.object_text, c.object_start)):
                if _named(text, names):
                    out.add(f"{text!r} at {start} is an argument of a {c.type} claim: {c.sentence}")
        return sorted(out)

    return check


def _not_an_entity_check(names: list[str]) -> EntityCheck:
    def check(extraction: Extraction, mentions: list[PredMention]) -> list[str]:
        text = extraction.article.text
        # Only the longest name's occurrences are "the thing itself"; shorter
        # names ("Popular") count only as whole mentions, so the ordinary word
        # elsewhere in the text is not a violation. A mention inside an
        # occurrence ("Syrian" in "Syrian-Turkish border") is a mention of
        # something else; one that reaches over its edge takes the thing in.
        longest = max(names, key=len)
        long_spans = [(m.start(), m.end()) for m in re.finditer(re.escape(longest), text, flags=re.IGNORECASE)]
        found = []
        for m in mentions:
            crosses = any(overlaps(m.start, m.end, s, e) and not (s <= m.start and m.end <= e) for s, e in long_spans)
            if _named(m.text, names) or crosses:
                found.append(f"mention {m.text!r} at {m.start} -> entity {m.entity_name!r} ({m.kind})")
        for e in extraction.entities.values():
            if _named(e.name, names):
                found.append(f"entity {e.name!r} ({e.kind})")
        return sorted(set(found))

    return check


def _split_check(names: list[str]) -> EntityCheck:
    def check(extraction: Extraction, mentions: list[PredMention]) -> list[str]:
        ids: dict[str, set[str]] = {}
        for m in mentions:
            if _named(m.text, names):
                ids.setdefault(m.entity_id, set()).add(m.text)
        if len(ids) < 2:
            return []
        parts = "; ".join(f"{eid!r} <- {sorted(texts)}" for eid, texts in sorted(ids.items()))
        return [f"{len(ids)} entities: {parts}"]

    return check


def _targets(raw: str, golds: dict[str, GoldEntity]) -> list[tuple[str, GoldEntity | None]]:
    names = [t.strip() for t in re.split(r"\s+or\s+(?:as\s+)?|\s*/\s*", raw.strip()) if t.strip()]
    return [(n, golds.get(n)) for n in names]


def _separate_check(names: list[str], targets: list[tuple[str, GoldEntity | None]], acting: bool) -> EntityCheck:
    def is_target(extraction: Extraction, entity_id: str) -> bool:
        entity = extraction.entities.get(entity_id)
        return any(entity_is(entity, g, n, by_mentions=False) for n, g in targets)

    def check(extraction: Extraction, mentions: list[PredMention]) -> list[str]:
        out = set()
        if acting:
            for c in claims_of(extraction):
                if c.type in PLACE_TYPES:
                    continue
                for text, start, eid in (
                    (c.subject_text, c.subject_start, c.subject_id),
                    (c.object_text, c.object_start, c.object_id),
                ):
                    if _named(text, names) and not is_target(extraction, eid):
                        out.add(f"{text!r} at {start} in a {c.type} claim resolved to {eid!r}: {c.sentence}")
        else:
            for m in mentions:
                if _named(m.text, names) and not is_target(extraction, m.entity_id):
                    out.add(f"mention {m.text!r} at {m.start} resolved to {m.entity_name!r} ({m.kind})")
        return sorted(out)

    return check


def _resolved_as_check(names: list[str], targets: list[tuple[str, GoldEntity | None]]) -> EntityCheck:
    def check(extraction: Extraction, mentions: list[PredMention]) -> list[str]:
        return [
            f"mention {m.text!r} at {m.start} resolved to {m.entity_name!r} ({m.kind})"
            for m in mentions
            if _named(m.text, names)
            and any(entity_is(extraction.entities.get(m.entity_id), g, n, by_mentions=False) for n, g in targets)
        ]

    return check


def _same_actor_check(actor_name: str, entity_name: str) -> EntityCheck:
    """`actor_name` acting (a claim argument outside PLACE_TYPES) must resolve
    to the same entity as the mentions of `entity_name`."""

    def check(extraction: Extraction, mentions: list[PredMention]) -> list[str]:
        ids = Counter(m.entity_id for m in mentions if norm(m.text) == norm(entity_name))
        if not ids:
            return [f"no mention of {entity_name!r} was resolved, so {actor_name!r} cannot be checked"]
        target = ids.most_common(1)[0][0]
        out: dict[int, str] = {}  # one violation per offending mention
        for c in claims_of(extraction):
            if c.type in PLACE_TYPES:
                continue
            for text, start, eid in (
                (c.subject_text, c.subject_start, c.subject_id),
                (c.object_text, c.object_start, c.object_id),
            ):
                if norm(text) == norm(actor_name) and eid != target:
                    out.setdefault(
                        start,
                        f"{actor_name!r} at {start} in a {c.type} claim resolved to {eid!r}, "
                        f"not {target!r}: {c.sentence}",
                    )
        return [out[k] for k in sorted(out)]

    return check


def _kind_line_checks(names: list[str], atoms: str) -> list[EntityCheck]:
    words = re.findall(r"[a-z]+", atoms.lower())
    wanted = [_KIND_WORDS[w] for w in words if w in _KIND_WORDS]
    checks: list[EntityCheck] = []
    for what in dict.fromkeys(wanted):
        if what == "actor":
            checks.append(_actor_check(names))
        elif what == "entity":
            # "'Photo Credit: AP'" also means its parts: the credit line and "AP" in it
            parts = [p.strip() for n in names for p in n.split(":") if p.strip()]
            checks.append(_not_an_entity_check(sorted(set(names + parts), key=len, reverse=True)))
        else:
            checks.append(_kind_check(names, what))
    return checks


def line_checks(line: str, golds: dict[str, GoldEntity]) -> list[EntityCheck]:
    """The checks one `must_not_entities` line stands for; [] when its shape is not recognised."""
    clean = _strip_remarks(line)
    names = _quoted(clean)
    if not names:
        return []
    if _SAME_ACTOR_LINE.match(clean):
        return [_same_actor_check(names[0], names[1])] if len(names) >= 2 else []
    if m := _KIND_LINE.match(clean):
        return _kind_line_checks(names, m["atoms"])
    if _SPLIT_LINE.match(clean):
        return [_split_check(names)] if len(names) >= 2 else []
    if m := _SEPARATE_LINE.match(clean):
        acting = m["what"].lower().startswith("actor")
        return [_separate_check(names, _targets(m["targets"], golds), acting)]
    if m := _RESOLVED_AS_LINE.match(clean):
        return [_resolved_as_check(names, _targets(m["targets"], golds))]
    return []


def entity_checks(gold: dict) -> tuple[list[tuple[str, EntityCheck]], list[str]]:
    """Checks for the gold's `must_not_entities` lines, and the lines left unchecked."""
    golds = gold_entities(gold)
    checks: list[tuple[str, EntityCheck]] = []
    unchecked: list[str] = []
    for line in gold.get("must_not_entities", []):
        built = line_checks(line, golds)
        if not built:
            unchecked.append(line)
        checks.extend((line, c) for c in built)
    return checks, unchecked


def fired_traps(extraction: Extraction, gold: dict) -> tuple[dict[str, list[str]], list[str]]:
    """Each checkable trap line that fires, with what fired it; and the unchecked lines."""
    mentions = mentions_of(extraction)
    checks, unchecked = entity_checks(gold)
    fired: dict[str, list[str]] = {}
    for line, check in checks:
        details = check(extraction, mentions)
        if details:
            fired.setdefault(line, []).extend(details)
    return fired, unchecked

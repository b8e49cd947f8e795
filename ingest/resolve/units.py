"""Military units: numbered unit names NER misses ("158th Fighter Wing", "Task
Force 50"), and the ids of generic unit names.

Which unit a name means decides its id. A name that is nothing but an
ordinal or number and generic unit nouns ("2nd Battalion", "3rd Brigade",
"Task Force 1", "Alpha Company"; `ingest.gazetteer.units.is_generic_unit`)
does not say which army's unit it is: every army has a 2nd Battalion. One
global id would make every article's "2nd Battalion" one node, and unit-chain
MEMBER_OF claims would then join unrelated battalions. So:
- named after its parent in a unit chain ("3rd Battalion, 321st Field
  Artillery Regiment", "2nd Battalion of the 5th Marines"), the id is built
  from the chain ("org:3rd-battalion--321st-field-artillery-regiment"): the
  same chain in another article is the same unit, the same id;
- otherwise it is scoped to the article ("org:2nd-battalion~1a2b3c4d"), and
  a bare mention of a name the article also gives with one chain is that
  chain's unit.
Named units ("101st Airborne Division", "321st Field Artillery Regiment",
"5th Marines") keep global ids. The display name stays as written.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from graph import geodata
from graph.models import Entity
from graph.ontology import EntityKind
from ingest.gazetteer.units import UNIT_NOUNS, is_generic_unit, unit_echelon, unit_noun
from ingest.resolve.state import ACTOR, ArticleState, ResolvedMention, slug_id
from ingest.words.military import NOT_ONLY_UNIT_HEADS

_MILITARY_UNIT = re.compile(
    # A bare "3rd Battalion" too: `qualify_generic_units` gives it an id from
    # its unit chain or from the article, so it never merges across articles.
    r"\b(?:\d+(?:st|nd|rd|th)\s+(?:[A-Z][A-Za-z]+\s+){0,3}"
    r"(?:Wing|Squadron|Group|Battalion|Regiment|Brigade|Division|Fleet|Corps|Battery|Company|Platoon|Army|Marines)"
    r"|(?:Combined\s+)?(?:Joint\s+)?Task\s+Force\s+\d+|CTF[- ]\d+)\b"
)

# Last words of military unit names: a unit NER tags as a place ("in Abel
# Battery") is an organisation. From the gazetteer's unit nouns, minus those
# that also end other names.
UNIT_HEADS = frozenset(n for n in UNIT_NOUNS if " " not in n) - NOT_ONLY_UNIT_HEADS

_SLUG = re.compile(r"[a-z0-9-]+")


def article_scope(article_id: str) -> str:
    """A short, stable tag for one article: the suffix of ids that hold only
    inside it ("org:2nd-battalion~1a2b3c4d")."""
    return hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:8]


def military_units(st: ArticleState) -> None:
    """Numbered military units NER misses: "158th Fighter Wing", "3rd
    Battalion", "Task Force 50", "CTF 50"."""
    for m in _MILITARY_UNIT.finditer(st.doc.text):
        span = st.doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is None or len(span) == 0 or st.in_furniture(span.start):
            continue
        name = span.text
        st.emit(Entity(id=slug_id("org", name), name=name, kind=EntityKind.ORGANIZATION), "exact", span.start, span.end, ACTOR)


def _generic_unit(st: ArticleState, m: ResolvedMention) -> bool:
    """A unit named only by designators and unit nouns, given a slug id from its
    own name (gazetteer entries keep theirs)."""
    e = m.entity
    return e.kind == EntityKind.ORGANIZATION and m.rule == "exact" and e.id == slug_id("org", e.name) and is_generic_unit(e.name)


def _unit_parent(st: ArticleState, m: ResolvedMention, by_start: dict[int, int]) -> int | None:
    """Index in st.out of the unit named right after m as its parent ("m, Y",
    "m of the Y"), or None. Y is an organisation or armed group (or a state
    named by its army, "the 9th Division of the Iraqi Army") of a higher
    echelon; peers in a list ("1st Brigade, 2nd Brigade and 3rd Brigade") are
    no chain."""
    n = len(st.doc)
    j = m.end_token
    if j < n and st.texts[j] == ",":
        j += 1
    elif j < n and st.lowers[j] == "of":
        j += 2 if j + 1 < n and st.lowers[j + 1] == "the" else 1
    else:
        return None
    p = by_start.get(j)
    if p is None:
        return None
    parent = st.out[p]
    kind = parent.entity.kind
    if not (
        kind in (EntityKind.ORGANIZATION, EntityKind.GROUP) and parent.rule in ("exact", "alias")
        or kind == EntityKind.COUNTRY and parent.rule == "institution-metonymy"
    ):
        return None
    if kind != EntityKind.COUNTRY:
        child_rank, parent_rank = unit_echelon(m.entity.name), unit_echelon(parent.entity.name)
        if child_rank is not None and parent_rank is not None and parent_rank <= child_rank:
            return None  # "1st Brigade, 2nd Brigade": peers
        if unit_noun(m.entity.name) == unit_noun(parent.entity.name):
            return None  # "Task Force 1, Task Force 2"
    k = parent.end_token
    if k < n and (st.lowers[k] in ("and", "or") or st.texts[k] == "," and k + 1 < n and st.lowers[k + 1] in ("and", "or")):
        return None  # the last two of a list
    return p


def qualify_generic_units(st: ArticleState) -> None:
    """Give generic unit names their chain id or their article-scoped id (see the module docstring)."""
    generic = [k for k, m in enumerate(st.out) if _generic_unit(st, m)]
    if not generic:
        return
    scope = article_scope(st.article_id)
    by_start = {m.start_token: k for k, m in enumerate(st.out)}
    ids: dict[int, str] = {}
    chains: dict[str, set[str]] = {}  # a generic name's own id -> the chain ids the article gives it
    # Right to left, so that a parent's chain id is known before its child's.
    for k in sorted(generic, key=lambda k: -st.out[k].start_token):
        m = st.out[k]
        p = _unit_parent(st, m, by_start)
        if p is None:
            continue
        base, _, parent_scope = ids.get(p, st.out[p].entity.id).partition("~")
        if _generic_unit(st, st.out[p]) and p not in ids:
            parent_scope = scope  # "3rd Battalion, 2nd Brigade" and no more: still generic
        parent_key = base.split(":", 1)[-1]  # "irq" for IRQ, a parent's own chain kept whole
        if not _SLUG.fullmatch(parent_key):
            parent_key = geodata.slugify(parent_key)
        chain = f"org:{geodata.slugify(m.entity.name)}--{parent_key}"
        ids[k] = f"{chain}~{parent_scope}" if parent_scope else chain
        chains.setdefault(m.entity.id, set()).add(ids[k])
    for k in generic:
        m = st.out[k]
        if k not in ids:
            known = chains.get(m.entity.id, set())
            ids[k] = next(iter(known)) if len(known) == 1 else f"{m.entity.id}~{scope}"
        st.out[k] = replace(m, entity=replace(m.entity, id=ids[k]))


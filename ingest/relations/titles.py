"""Titles: "Israel's outgoing Defense Minister Benny Gantz", "Likud Party leader
Benjamin Netanyahu", "X, the president of Y", "Gen. Joseph Votel, commander,
U.S. Central Command" -> LEADER_OF/OFFICIAL_OF (or MEMBER_OF for a role that is
not an office: "Abu Jandal, an ISIL fighter")."""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from graph.ontology import EntityKind, Modality
from ingest.relations.arguments import Arg, DocIndex
from ingest.relations.candidates import Candidate, make_candidate
from ingest.words.people import LEADER_TITLES, MEMBER_NOUNS, OFFICIAL_TITLES, TITLE_MODIFIERS
from ingest.words.places import LOCATIVE_PREPS


def title_candidates(index: DocIndex) -> tuple[list[Candidate], dict[str, Arg]]:
    """The title claims of every Person mention, and the state each official
    stands for (person id -> the country of a current title)."""
    candidates: list[Candidate] = []
    office: dict[str, Arg] = {}
    for m in index.mentions:
        if m.entity.kind != EntityKind.PERSON:
            continue
        for org, title, head, rule in titles((m.start_token, m.end_token), index):
            if rule.startswith("member:"):
                candidates.append(make_candidate("MEMBER_OF", index.arg_of_mention(m), org, head, 0.6, rule))
                continue
            rtype, modality = title_kind(title)
            person = index.arg_of_mention(m)
            c = make_candidate(rtype, person, org, head, 0.8, rule, title=title, modality=modality)
            c.trigger_start = head.idx
            c.trigger_end = head.idx + len(head.text)
            candidates.append(c)
            if org.entity.kind == EntityKind.COUNTRY and modality is None:
                office.setdefault(m.entity.id, org)
    return candidates, office


def titles(person_mention_tokens: tuple[int, int], index: DocIndex) -> Iterator[tuple[Arg, str, Token, str]]:
    """(organisation, title text, title head token, rule) for one Person mention.

    Scans the words just before the name ("Israel's outgoing Defense Minister",
    "Likud Party leader", "Azeri Ambassador to the US"), then an apposition
    after it ("Benny Gantz, Israel's defence minister") or before it ("the
    president of Russia, Vladimir Putin").
    """
    doc = index.doc
    start, end = person_mention_tokens
    sent_start = doc[start].sent.start
    # 1. left of the name: title words, state/organisation names, "'s", "to the"
    i = start - 1
    left = start
    while i >= sent_start and start - i <= 10:
        t = doc[i]
        m = index.mention_at(t)
        if m is not None:
            if m.entity.kind == EntityKind.PERSON:
                break
            left = m.start_token
            i = m.start_token - 1
            continue
        low = t.lower_
        if _is_title_word(low) or low in _TITLE_GLUE:
            left = i
            i -= 1
            continue
        break
    # the phrase must not start with glue ("the", "to", "'s")
    while left < start and doc[left].lower_ in _TITLE_GLUE:
        left += 1
    # "a former advisor for U.S. President Donald Trump": the title of the name
    # is the last segment after "for"/"of"/"to" that still holds a title head
    for j in range(start - 1, left - 1, -1):
        if doc[j].lower_ in ("for", "of", "to") and any(is_title_head(t) for t in doc[j + 1 : start]):
            if not any(is_title_head(t) for t in doc[left:j]) or index.mention_at(doc[j + 1]) is None:
                break
            left = j + 1
            break
    phrase = doc[left:start]
    heads = [t for t in phrase if is_title_head(t)]
    if heads:
        orgs: list[Arg] = []
        hosts: set[str] = set()
        j = left
        while j < start:
            m = index.mention_at(doc[j])
            if m is None:
                j += 1
                continue
            k = m.start_token - 1
            while k >= left and doc[k].lower_ == "the":
                k -= 1
            arg = index.arg_of_mention(m)
            if k >= left and doc[k].lower_ in ("to", "in"):
                hosts.add(arg.entity.id)  # "Ambassador to the US": the host state
            else:
                orgs.append(arg)
            j = m.end_token
        title_toks = [t for t in phrase if index.mention_at(t) is None or index.mention_at(t).entity.id in hosts]
        # a state named as the place of the clause is not the employer ("In Turkey Minister Ellwood met")
        orgs = [
            o
            for o in orgs
            if (o.mention is None or o.mention.role != "place")
            and not (o.mention is not None and o.mention.start_token > 0 and doc[o.mention.start_token - 1].lower_ in LOCATIVE_PREPS)
        ]
        if orgs and title_toks:
            title_text = doc[title_toks[0].i : title_toks[-1].i + 1].text
            yield orgs[0], _clean_title(title_text), heads[-1], "title:prenominal"
    # 2. apposition: "Gantz, Israel's defense minister" / "the president of Russia, Putin"
    root = doc[end - 1]
    yield from _comma_title(end, index)
    for cand in [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else []):
        if not is_title_head(cand) and cand.lemma_.lower() not in MEMBER_NOUNS:
            continue
        org_args = index.modifier_args(cand)
        for c in cand.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                org_args.extend(a for p in c.children if p.dep_ == "pobj" for a in index.args(p))
        org_args = [a for a in org_args if a.entity.kind != EntityKind.PERSON]
        if org_args:
            lo = min([cand.i] + [c.i for c in cand.children if c.dep_ in ("amod", "compound") and c.i < cand.i and index.mention_at(c) is None])
            hi = cand.i + 1
            for c in cand.children:  # "chief of staff", "Secretary of State"
                if c.dep_ == "prep" and c.lower_ == "of" and c.i == hi:
                    pobj = [p for p in c.children if p.dep_ == "pobj"]
                    if pobj and index.mention_at(pobj[0]) is None and pobj[0].i == hi + 1:
                        hi = pobj[0].i + 1
            title_text = doc[lo:hi].text
            indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in cand.children)
            org = org_args[0]
            if (
                indefinite
                and title_kind(_clean_title(title_text))[0] == "LEADER_OF"
                and org.entity.kind in (EntityKind.ORGANIZATION, EntityKind.GROUP)
            ):
                # "Abu Jandal, an ISIL gang leader": one of the group's many
                # leaders of some part of it, so a member, not the group's leader
                yield org, "", cand, "member:appositive-indefinite"
                return
            yield org, _clean_title(title_text), cand, "title:appositive"
            return
        if cand.lemma_.lower() in MEMBER_NOUNS:
            # "Abu Jandal, an ISIL fighter": a member, not an office holder
            for a in index.modifier_args(cand):
                if a.entity.kind in (EntityKind.ORGANIZATION, EntityKind.GROUP):
                    yield a, "", cand, "member:appositive"
                    return


def _comma_title(end: int, index: DocIndex) -> Iterator[tuple[Arg, str, Token, str]]:
    """"Gen. Joseph Votel, commander, U.S. Central Command": the military
    style of a title, with the organisation set off by a second comma rather
    than "of". Read from the words: the parser rarely links the two."""
    doc = index.doc
    if end >= len(doc) or doc[end].text != ",":
        return
    j = end + 1
    words: list[Token] = []
    while j < len(doc) and len(words) < 3 and index.mention_at(doc[j]) is None and _is_title_word(doc[j].lower_):
        words.append(doc[j])
        j += 1
    if not words or not any(is_title_head(t) for t in words):
        return
    if j + 1 >= len(doc) or doc[j].text != ",":
        return
    k = j + 1
    while k < min(j + 3, len(doc) - 1) and index.mention_at(doc[k]) is None and doc[k].is_title:
        k += 1  # "Combined Joint Forces ...": a name the resolver found only in part
    m = index.mention_at(doc[k])
    if m is None or m.start_token != k or m.entity.kind not in (EntityKind.ORGANIZATION, EntityKind.GROUP, EntityKind.COUNTRY):
        return
    head = [t for t in words if is_title_head(t)][-1]
    yield index.arg_of_mention(m), _clean_title(" ".join(t.text for t in words)), head, "title:comma"


_TITLE_GLUE = frozenset({"the", "to", "of", "for", "'s", "’s", "-", "–", "and"})


def is_title_head(t: Token) -> bool:
    low = t.lower_
    lemma = t.lemma_.lower()
    return low in LEADER_TITLES or low in OFFICIAL_TITLES or lemma in LEADER_TITLES or lemma in OFFICIAL_TITLES


def _is_title_word(low: str) -> bool:
    return low in LEADER_TITLES or low in OFFICIAL_TITLES or low in TITLE_MODIFIERS or low.rstrip("s") in OFFICIAL_TITLES


def _clean_title(text: str) -> str:
    words = [w for w in text.replace("’s", " ").replace("'s", " ").split() if w.lower() not in ("the",)]
    while words and words[-1].lower() in ("of", "for", "to", "and", "-", "–"):
        words.pop()
    return " ".join(words).strip(" ,-")


def title_kind(title: str) -> tuple[str, Modality | None]:
    """LEADER_OF or OFFICIAL_OF for a title, and HISTORICAL for a former holder."""
    words = [w.lower().strip(",.") for w in title.split()]
    former = any(w in ("former", "ex", "late") or w.startswith("ex-") for w in words)
    modality = Modality.HISTORICAL if former else None
    deputy = any(w in ("deputy", "vice", "acting") for w in words)
    joined = " ".join(words)
    head_is_leader = any(w in LEADER_TITLES for w in words) or "prime minister" in joined
    if "minister" in words and "prime minister" not in joined:
        head_is_leader = False
    if any(w in ("ambassador", "spokesman", "spokeswoman", "spokesperson", "envoy") for w in words):
        head_is_leader = False
    # "chief of staff", "police chief", "army chief": heads a part, not the whole
    if "chief" in words and ("staff" in words or words.index("chief") > 0 and words[words.index("chief") - 1] in ("police", "army", "intelligence", "military", "fire", "security")):
        head_is_leader = False
    return ("LEADER_OF" if head_is_leader and not deputy else "OFFICIAL_OF"), modality

"""Titles: "Israel's outgoing Defense Minister Benny Gantz", "Likud Party leader
Benjamin Netanyahu", "X, the president of Y", "Gen. Joseph Votel, commander,
U.S. Central Command" -> LEADER_OF/OFFICIAL_OF (or MEMBER_OF for a role that is
not an office: "Abu Jandal, an ISIL fighter").

Also counterparts ("his Greek counterpart, X"), the official of a boss's state,
and titles a clause states (copula, "as"). Long because the noun-phrase
and clause readings share the title words and the body rules; the clause part
(`clause_titles`) and `counterparts` are the natural split if it grows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from spacy.tokens import Token

from graph.ontology import EntityKind, Modality
from ingest.relations.arguments import Arg, DocIndex
from ingest.relations.candidates import Candidate, make_candidate
from ingest.words.people import (
    ALLEGED_WORDS,
    COUNTERPART_NOUNS,
    DEPUTY_WORDS,
    FORMER_WORDS,
    FUTURE_WORDS,
    LEADER_TITLES,
    MEMBER_NOUNS,
    OFFICIAL_TITLES,
    PART_WORDS,
    PARTY_OFFICE_WORDS,
    PORTFOLIO_WORDS,
    STATE_HEAD_PHRASES,
    STATE_HEAD_TITLES,
    TITLE_MODIFIERS,
)
from ingest.words.places import LOCATIVE_PREPS
from ingest.words.pronouns import RELATIVE_PRONOUNS


def title_candidates(index: DocIndex) -> tuple[list[Candidate], dict[str, Arg]]:
    """The title claims of every Person mention, and the state each official
    stands for (person id -> the country of a current title)."""
    candidates: list[Candidate] = []
    office: dict[str, Arg] = {}
    held: dict[str, Candidate] = {}  # person id -> their first title claim
    of_person: list[tuple[Arg, Arg, str, Token]] = []
    for m in index.mentions:
        if m.entity.kind != EntityKind.PERSON:
            continue
        person = index.arg_of_mention(m)
        for org, title, head, rule in titles((m.start_token, m.end_token), index):
            # every title here is said by a noun phrase, so presupposed
            if rule.startswith("member:"):
                candidates.append(make_candidate("MEMBER_OF", person, org, head, 0.6, rule, presupposed=True))
                continue
            if rule == "title:of-person":
                of_person.append((person, org, title, head))
                continue
            if is_party(org) and not party_office(title):
                # "Conservative MP Tobias Ellwood", "Maryland's Republican Governor": members, no office in the party
                candidates.append(make_candidate("MEMBER_OF", person, org, head, 0.7, "member:party-title", presupposed=True))
                continue
            c = _title_candidate(person, org, title, head, rule, rtype="OFFICIAL_OF" if rule.endswith("-indefinite") else None)
            candidates.append(c)
            candidates.extend(_nested_body(org, index))
            held.setdefault(m.entity.id, c)
            if org.entity.kind == EntityKind.COUNTRY and c.modality is None:
                office.setdefault(m.entity.id, org)
    # "Merkel's spokesperson, Steffen Seibert": an official of the boss's state
    for person, boss, title, head in of_person:
        state = office.get(boss.entity.id)
        if state is not None and state.entity.id != person.entity.id:
            arg = Arg(state.entity, boss.text, boss.start, boss.end, "title-holder", boss.mention)
            candidates.append(_title_candidate(person, arg, title, head, "title:of-person", rtype="OFFICIAL_OF"))
    for person, state, head in counterparts(index):
        # "his Greek counterpart, Nikos Dendias": the office of the possessor, in the other state
        boss = held.get(head.boss_id) if head.boss_id else None
        title = boss.title if boss is not None and boss.title else "counterpart"
        rtype = boss.type if boss is not None else "OFFICIAL_OF"
        candidates.append(_title_candidate(person, state, title, head.token, "title:counterpart", rtype=rtype))
    candidates.extend(clause_titles(index, office))
    return candidates, office


def _nested_body(body: Arg, index: DocIndex) -> Iterator[Candidate]:
    """"head of the IRGC's Quds Force": the person leads the Quds Force, and
    the Quds Force is part of the IRGC (a state owner has no such type)."""
    m = body.mention
    if m is None or body.entity.kind not in (EntityKind.ORGANIZATION, EntityKind.GROUP):
        return
    root = index.doc[m.start_token : m.end_token].root
    for c in root.children:
        owner = index.mention_at(c) if c.dep_ == "poss" else None
        if owner is not None and owner.entity.kind in (EntityKind.ORGANIZATION, EntityKind.GROUP) and owner.entity.id != body.entity.id:
            yield make_candidate("MEMBER_OF", body, index.arg_of_mention(owner), c, 0.55, "member:title-body-owner", presupposed=True)


def _title_candidate(person: Arg, org: Arg, title: str, head: Token, rule: str, rtype: str | None = None) -> Candidate:
    kind, modality = title_kind(title, org.entity.kind)
    c = make_candidate(rtype or kind, person, org, head, 0.8, rule, title=title, modality=modality, presupposed=True)
    c.trigger_start = head.idx
    c.trigger_end = head.idx + len(head.text)
    return c


@dataclass(frozen=True, slots=True)
class _Counterpart:
    token: Token
    boss_id: str | None


def counterparts(index: DocIndex) -> Iterator[tuple[Arg, Arg, _Counterpart]]:
    """"his Greek, Cypriot and French counterparts, A, B and C": each named
    person holds the possessor's office in the state of the demonym in the
    same place of the list. Read from the words: the parser rarely attaches
    the names to the noun."""
    doc = index.doc
    for tok in doc:
        if tok.lower_ not in COUNTERPART_NOUNS:
            continue
        # left: the demonyms and, before them, the possessor
        states: list[Arg] = []
        boss_id: str | None = None
        i = tok.i - 1
        while i >= tok.sent.start:
            m = index.mention_at(doc[i])
            if m is not None and m.entity.kind == EntityKind.COUNTRY:
                states.insert(0, index.arg_of_mention(m))
                i = m.start_token - 1
                continue
            if m is not None and m.entity.kind == EntityKind.PERSON:
                boss_id = m.entity.id  # "his" or "Blair's"
                break
            if doc[i].lower_ in (",", "and") or doc[i].pos_ == "ADJ":
                i -= 1
                continue
            break
        # right: the names, set off by a comma or not ("counterpart Ariel Sharon")
        names: list[Arg] = []
        j = tok.i + 1
        while j < tok.sent.end:
            m = index.mention_at(doc[j])
            if m is not None and m.start_token == j and m.entity.kind == EntityKind.PERSON:
                names.append(index.arg_of_mention(m))
                j = m.end_token
                continue
            if doc[j].lower_ in (",", "and") and (names or j == tok.i + 1):
                j += 1
                continue
            break
        if not states or len(states) != len(names):
            continue
        for person, state in zip(names, states):
            if person.entity.id != boss_id:
                yield person, state, _Counterpart(tok, boss_id)


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
        if low == "and" and i == start - 1:
            break  # "a Hezbollah official and Mohammed Reda": two people, not one title
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
        orgs = [o for o in orgs if is_body(o)]
        if orgs and title_toks:
            title_text = doc[title_toks[0].i : title_toks[-1].i + 1].text
            # "Philippine Red Cross chair": the body nearest the title, the demonym qualifies it
            near = [o for o in orgs if o.mention is not None and o.mention.start_token < heads[-1].i] or orgs
            yield near[-1], _clean_title(title_text), heads[-1], "title:prenominal"
            last_org_end = max(o.mention.end_token for o in orgs if o.mention is not None) if any(o.mention for o in orgs) else left
            after = [t for t in title_toks if t.i >= last_org_end]
            body = _of_body_after(end, index) if any(is_title_head(t) for t in after) else None
            if body is not None and body.entity.id not in {o.entity.id for o in orgs}:
                # "AU chairperson President Abdel Fattah el-Sisi of Egypt": a second title, of the body after the name
                k = heads[-1].i
                while k - 1 >= after[0].i and not is_title_head(doc[k - 1]) and doc[k - 1].lower_ in TITLE_MODIFIERS:
                    k -= 1
                yield body, _clean_title(doc[k : heads[-1].i + 1].text), heads[-1], "title:postnominal"
        elif title_toks:
            # "President Hassan Rouhani of Iran": the body follows the name
            body = _of_body_after(end, index)
            if body is not None:
                title_text = doc[title_toks[0].i : title_toks[-1].i + 1].text
                yield body, _clean_title(title_text), heads[-1], "title:postnominal"
    elif (shared := _shared_plural_title(start, end, index)) is not None:
        # "Presidents Muhammadu Buhari of Nigeria and Patrice Talon of Benin"
        body = _of_body_after(end, index)
        if body is not None:
            yield body, shared[0], shared[1], "title:postnominal"
    party = _party_before(start, index)
    if party is not None and not heads:
        yield party, "", doc[party.mention.start_token], "member:party"  # type: ignore[union-attr]
    # 2. apposition: "Gantz, Israel's defense minister" / "the president of Russia, Putin"
    root = doc[end - 1]
    yield from _comma_title(end, index)
    yield from _as_parenthetical(end, index)
    appos = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    appos = [c for c in appos if is_title_head(c) or c.lemma_.lower() in MEMBER_NOUNS]
    if not appos and start >= 2 and doc[start - 1].text == ",":
        # the parse lost the apposition: "The Labour Party's leader, Jeremy Corbyn
        # announced"; "the prosecutor general of Tehran, Ali Alghasi Mehr, said"
        k = start - 2
        body = index.mention_at(doc[k])
        if body is not None and body.entity.kind != EntityKind.PERSON:
            k = body.start_token - 1
            while k > 0 and doc[k].lower_ == "the":
                k -= 1
            k = k - 1 if k > 0 and doc[k].lower_ in ("of", "for") else -1
        if k >= 0 and is_title_head(doc[k]) and index.mention_at(doc[k]) is None:
            appos = [doc[k]]
    for cand in appos:
        if not is_title_head(cand) and cand.lemma_.lower() not in MEMBER_NOUNS:
            continue
        if cand.tag_ in ("NNS", "NNPS") and not root.conjuncts:
            continue  # a plural title beside one name is another item of a list
        org_args = index.modifier_args(cand)
        for c in cand.children:
            # "the president of Russia", "a spokesman for the PMF"
            if c.dep_ == "prep" and c.lower_ in ("of", "for"):
                org_args.extend(a for p in c.children if p.dep_ == "pobj" for a in _named_in(p, index))
        bosses = [a for a in org_args if a.entity.kind == EntityKind.PERSON and a.via != "pronoun"]
        org_args = [a for a in org_args if a.entity.kind != EntityKind.PERSON and is_body(a)]
        if not org_args and bosses and cand.lemma_.lower() not in MEMBER_NOUNS:
            # "Merkel's spokesperson, Steffen Seibert": an official of the state
            # the boss holds office in (title_candidates reads it from the boss)
            yield bosses[0], _clean_title(cand.text), cand, "title:of-person"
            return
        if org_args:
            # "then the deputy executive director": every modifier left of the head that names no entity
            lo = cand.i
            while lo - 1 > cand.left_edge.i - 1 and lo - 1 >= 0 and index.mention_at(doc[lo - 1]) is None and doc[lo - 1].dep_ not in ("det", "poss", "case", "punct"):
                lo -= 1
            hi = cand.i + 1
            for c in cand.children:  # "chief of staff", "Secretary of State"
                if c.dep_ == "prep" and c.lower_ == "of" and c.i == hi:
                    pobj = [p for p in c.children if p.dep_ == "pobj"]
                    if pobj and index.mention_at(pobj[0]) is None and pobj[0].i == hi + 1:
                        hi = pobj[0].i + 1
            title_text = doc[lo:hi].text
            indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in cand.children)
            org = org_args[0]
            if indefinite and title_kind(_clean_title(title_text), org.entity.kind)[0] == "LEADER_OF":
                if org.entity.kind == EntityKind.GROUP:
                    # "Abu Jandal, an ISIL gang leader": one of the group's many
                    # leaders of some part of it, so a member, not the group's leader
                    yield org, "", cand, "member:appositive-indefinite"
                    return
                if org.entity.kind == EntityKind.ORGANIZATION:
                    # "X, a director of the Commission": one of its directors (a board), an official
                    yield org, _clean_title(title_text), cand, "title:appositive-indefinite"
                    return
            yield org, _clean_title(title_text), cand, "title:appositive"
            return
        if cand.lemma_.lower() in MEMBER_NOUNS:
            # "Abu Jandal, an ISIL fighter": a member, not an office holder
            for a in index.modifier_args(cand):
                if a.entity.kind in (EntityKind.ORGANIZATION, EntityKind.GROUP):
                    yield a, "", cand, "member:appositive"
                    return


def _as_parenthetical(end: int, index: DocIndex) -> Iterator[tuple[Arg, str, Token, str]]:
    """"Obama, as US President, signed": a title set off after the name by
    ", as ... ,". Read from the words: the parser often takes "as" for a
    subordinating conjunction here."""
    doc = index.doc
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ != "as":
        return
    j = end + 2
    orgs: list[Arg] = []
    words: list[Token] = []
    while j < len(doc) and j - end < 10:
        m = index.mention_at(doc[j])
        if m is not None and m.entity.kind != EntityKind.PERSON and m.start_token == j:
            if doc[j - 1].lower_ not in ("to", "in"):
                orgs.append(index.arg_of_mention(m))
            j = m.end_token
            continue
        if m is None and (_is_title_word(doc[j].lower_) or doc[j].lower_ in _TITLE_GLUE):
            words.append(doc[j])
            j += 1
            continue
        break
    heads = [t for t in words if is_title_head(t)]
    orgs = [o for o in orgs if is_body(o)]
    if not heads or not orgs or j >= len(doc) or doc[j].text not in (",", ".", ";"):
        return
    yield orgs[0], _clean_title(" ".join(t.text for t in words)), heads[-1], "title:as-parenthetical"


def party_office(title: str) -> bool:
    """A title that is an office in a party ("party leader", "Vice Chairman"),
    not an office its member holds elsewhere ("Republican Governor", "Labour MP")."""
    return any(w.strip(",.") in PARTY_OFFICE_WORDS for w in title.lower().split())


def is_party(arg: Arg) -> bool:
    return arg.entity.kind == EntityKind.ORGANIZATION and arg.entity.name.split()[-1].lower() == "party"


def _party_before(start: int, index: DocIndex) -> Arg | None:
    """"the Democrat Nancy Pelosi", "a Republican, Mark Amodei": a party's
    member noun right before a name."""
    doc = index.doc
    k = start - 1
    if k >= 1 and doc[k].text == ",":
        k -= 1
    if k < 0:
        return None
    m = index.mention_at(doc[k])
    if m is None or m.end_token != k + 1 or m.start_token < 1 or doc[m.start_token - 1].lower_ not in ("a", "an", "the", "fellow"):
        return None
    arg = index.arg_of_mention(m)
    return arg if is_party(arg) and m.rule == "coreference" else None


def is_body(arg: Arg) -> bool:
    """Whether an argument is a body a title can be held in: an organisation,
    group or state the resolver found, not a title or a portfolio taken for
    one ("Coast Guard Commandant", "the Secretary of Transportation", a
    one-word "Executive")."""
    # the entity's name, not the mention's words: "Labour" may stand for the Labour Party
    words = [w for w in arg.entity.name.lower().replace("-", " ").split() if w != "the"]
    if not words:
        return False
    if words[-1] in LEADER_TITLES or words[-1] in OFFICIAL_TITLES:
        return False  # the name ends in a title head: it is the title
    return not all(w in PORTFOLIO_WORDS or w in ("of", "and", "&") for w in words)


def _of_body_after(end: int, index: DocIndex) -> Arg | None:
    """The body in "NAME of [the] BODY" right after a name."""
    doc = index.doc
    if end >= len(doc) or doc[end].lower_ != "of":
        return None
    k = end + 1
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    if k >= len(doc):
        return None
    m = index.mention_at(doc[k])
    if m is None or m.start_token != k or m.entity.kind not in _BODY_KINDS or m.role == "place" and m.entity.kind != EntityKind.COUNTRY:
        return None
    arg = index.arg_of_mention(m)
    return arg if is_body(arg) else None


def _shared_plural_title(start: int, end: int, index: DocIndex) -> tuple[str, Token] | None:
    """"Presidents A of X and B of Y": B shares the plural title written before A."""
    doc = index.doc
    root = doc[end - 1]
    if root.dep_ != "conj":
        return None
    first = index.mention_at(root.head)
    if first is None or first.entity.kind != EntityKind.PERSON or first.start_token < 1:
        return None
    title = doc[first.start_token - 1]
    if title.tag_ not in ("NNS", "NNPS") or not is_title_head(title):
        return None
    return title.lemma_.capitalize(), title


_BODY_KINDS = (EntityKind.COUNTRY, EntityKind.ORGANIZATION, EntityKind.GROUP, EntityKind.CITY)


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
    if low in LEADER_TITLES or low in OFFICIAL_TITLES or lemma in LEADER_TITLES or lemma in OFFICIAL_TITLES:
        return True
    # the last word of a multi-word head ("Crown Prince")
    return t.i > 0 and f"{t.doc[t.i - 1].lower_} {low}" in STATE_HEAD_PHRASES


def _named_in(p: Token, index: DocIndex) -> list[Arg]:
    """The bodies a title's "of"/"for" object names: its own mention or its
    possessor and modifiers ("head of Iran's Quds Force"), and its
    coordination; not an apposition it carries ("head of the Quds Force, a
    U.S.-designated Foreign Terrorist Organization" leads the Quds Force)."""
    out: list[Arg] = []
    for t in [p] + [c for c in p.conjuncts if c.i > p.i]:
        direct = index.direct(t)
        if direct is not None:
            out.append(direct)
        elif t.pos_ in ("NOUN", "PROPN"):
            out.extend(index.modifier_args(t))
    return out


def _is_title_word(low: str) -> bool:
    sing = low[:-1] if low.endswith("s") else low
    return low in TITLE_MODIFIERS or sing in LEADER_TITLES or sing in OFFICIAL_TITLES or low in LEADER_TITLES or low in OFFICIAL_TITLES


def _clean_title(text: str) -> str:
    words = [w for w in text.replace("’s", " ").replace("'s", " ").split() if w.lower() not in ("the",)]
    while words and words[-1].lower() in ("of", "for", "to", "and", "-", "–"):
        words.pop()
    return " ".join(words).strip(" ,-")


def _singular(w: str) -> str:
    """"presidents" -> "president": a plural title ("Presidents A and B") is each one's."""
    if w.endswith("s") and (w[:-1] in LEADER_TITLES or w[:-1] in OFFICIAL_TITLES):
        return w[:-1]
    return w


def title_kind(title: str, org_kind: EntityKind | None = None) -> tuple[str, Modality | None]:
    """LEADER_OF or OFFICIAL_OF for a title held in an entity of `org_kind`,
    and the title's own modality: HISTORICAL for a former holder ("former",
    "then"), PLANNED for one not yet in office ("-elect", "designate"),
    ALLEGED for a doubted one ("the alleged leader")."""
    words = [_singular(w.lower().strip(",.")) for w in title.replace("-", " - ").split()]
    flat = [w for w in words if w != "-"]
    joined = " ".join(flat)
    modality: Modality | None = None
    if any(w in FORMER_WORDS or w.startswith("ex-") for w in words) or "ex" in flat:
        modality = Modality.HISTORICAL
    elif any(w in FUTURE_WORDS for w in flat):
        modality = Modality.PLANNED
    elif any(w in ALLEGED_WORDS for w in flat):
        modality = Modality.ALLEGED
    if any(w in DEPUTY_WORDS for w in flat) or any(w in PART_WORDS for w in flat):
        return "OFFICIAL_OF", modality
    raw = [_singular(w.lower().strip(",.")) for w in title.split()]
    state_head = any(p in joined for p in STATE_HEAD_PHRASES) or any(w in STATE_HEAD_TITLES for w in flat)
    if "minister" in flat and "prime minister" not in joined:
        return "OFFICIAL_OF", modality
    if any(w in ("ambassador", "spokesman", "spokeswoman", "spokesperson", "envoy", "aide", "adviser", "advisor") for w in flat):
        return "OFFICIAL_OF", modality
    # "chief of staff", "police chief", "army chief": heads a part, not the whole
    if "chief" in flat and "chief executive" not in joined and (
        "staff" in flat or flat.index("chief") > 0 and flat[flat.index("chief") - 1] in ("police", "army", "intelligence", "military", "fire", "security")
    ):
        return "OFFICIAL_OF", modality
    if org_kind == EntityKind.COUNTRY:
        # a director, commander or chief of a state is one of its officials
        return ("LEADER_OF" if state_head else "OFFICIAL_OF"), modality
    head_is_leader = state_head or any(w in LEADER_TITLES for w in flat + raw) or "secretary general" in joined
    return ("LEADER_OF" if head_is_leader else "OFFICIAL_OF"), modality


# Verbs that give someone an office named by "as": "elected Johnson as leader".
_APPOINTING_VERBS = frozenset(
    "elect re-elect reelect appoint reappoint name nominate choose select install confirm swear serve act remain".split()
)


def clause_titles(index: DocIndex, office: dict[str, Arg] | None = None) -> Iterator[Candidate]:
    """Titles a clause states rather than a noun phrase presupposes, so they go
    through the clause's negation and modality: the copula ("al-Muhandis was
    the deputy commander of the PMF", "the army, whose commander-in-chief is
    President Assad") and "as" after a verb of appointment or service
    ("elected Johnson as the new Conservative leader", "served as mayor of
    London")."""
    for tok in index.doc:
        if tok.lemma_ == "be" and tok.pos_ in ("AUX", "VERB"):
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            attr = [c for c in tok.children if c.dep_ in ("attr", "acomp")]
            if subj and attr:
                for person_tok, title_tok in ((subj[0], attr[0]), (attr[0], subj[0])):
                    if person_tok.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
                        person_tok = tok.head  # "McGurk, who was Trump's envoy"
                    yield from _stated_title(person_tok, title_tok, index, "title:copula", office or {})
        elif tok.lower_ == "as" and tok.dep_ == "prep":
            title_toks = [c for c in tok.children if c.dep_ == "pobj"]
            head = tok.head
            if not title_toks:
                continue
            if head.pos_ == "VERB" and head.lemma_.lower() in _APPOINTING_VERBS:
                holders = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")] or [
                    c for c in head.children if c.dep_ == "nsubj"
                ]
            elif index.mention_at(head) is not None:
                holders = [head]  # "Trump, as US President, ..."
            elif tok.i >= 2 and tok.nbor(-1).text == ",":
                # "Obama, as US President, signed": the subject just before the comma
                holders = [
                    c for c in head.children
                    if c.dep_ in ("nsubj", "nsubjpass") and (m := index.mention_at(c)) is not None and m.end_token == tok.i - 1
                ]
            else:
                continue
            for h in holders:
                yield from _stated_title(h, title_toks[0], index, "title:as", office or {})


def _stated_title(person_tok: Token, title_tok: Token, index: DocIndex, rule: str, office: dict[str, Arg]) -> Iterator[Candidate]:
    pm = index.mention_at(person_tok)
    if pm is None or pm.entity.kind != EntityKind.PERSON or not is_title_head(title_tok):
        return
    if index.mention_at(title_tok) is not None:
        return  # "Assad is President Assad": the name, not a title
    doc = index.doc
    mods = index.modifier_args(title_tok)
    bodies = [a for a in mods if a.entity.kind != EntityKind.PERSON]
    # "Trump's envoy": an official of the state the boss holds office in
    bodies += [
        Arg(office[a.entity.id].entity, a.text, a.start, a.end, "title-holder", a.mention)
        for a in mods
        if a.entity.kind == EntityKind.PERSON and a.via != "pronoun" and a.entity.id in office
    ]
    for c in title_tok.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "for"):
            bodies += [a for p in c.children if p.dep_ == "pobj" for a in index.args(p, allow_pronoun=False)]
        if c.dep_ == "poss" and c.lower_ == "whose" and title_tok.head.dep_ == "relcl":
            bodies += index.args(title_tok.head.head, allow_pronoun=False)  # "the army, whose commander is"
    bodies = [a for a in bodies if a.entity.kind in _BODY_KINDS and is_body(a) and a.entity.id != pm.entity.id]
    if not bodies:
        return
    lo = min([title_tok.i] + [c.i for c in title_tok.children if c.dep_ in ("amod", "compound") and index.mention_at(c) is None])
    hi = title_tok.i
    while hi + 2 < len(doc) and doc[hi + 1].text == "-" and doc[hi + 2].is_alpha:
        hi += 2  # "commander-in-chief", split by the tokenizer
    title = _clean_title(doc[lo : hi + 1].text)
    rtype, modality = title_kind(title, bodies[0].entity.kind)
    if is_party(bodies[0]) and not party_office(title):
        rtype = "MEMBER_OF"  # "served as a Republican senator"
    elif rtype == "LEADER_OF" and bodies[0].entity.kind == EntityKind.ORGANIZATION and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in title_tok.children
    ):
        rtype = "OFFICIAL_OF"  # "was an original director of the foundation": one of its board
    person = index.arg_of_mention(pm)
    c = make_candidate(rtype, person, bodies[0], title_tok, 0.7, rule, title=title, modality=modality)
    yield c

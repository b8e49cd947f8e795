"""Speakers: quotations, the person each quotation or statement is in the words
of, and the body a speaker speaks for (what "I" and "we" resolve to)."""

from __future__ import annotations

import bisect

from spacy.tokens import Span, Token

from graph.models import Entity
from graph.ontology import EntityKind
from ingest.resolve.state import ACTOR, ArticleState
from ingest.words.people import RANK_ABBREVIATIONS, TITLE_HEADS, TITLE_WORDS
from ingest.words.speech import QUOTE_SPEECH_VERBS, STATEMENT_NOUNS, STATEMENT_VERBS


def quotations(st: ArticleState, para_starts: list[int]) -> list[tuple[int, int]]:
    """Quotations as (opening mark, end) token ranges, sorted: the end is the
    closing mark's index, or the paragraph's end when a quotation runs on
    (news style opens each paragraph of a long quote anew and closes only
    the last). Curly and straight double quotes; single quotes are left out
    (they are also apostrophes)."""
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    para = 0
    for t in st.doc:
        while para + 1 < len(para_starts) and t.idx >= para_starts[para + 1]:
            para += 1
            if open_at is not None:
                out.append((open_at, t.i))
                open_at = None
        text = t.text
        if text == "\u201c" or text == '"' and open_at is None:
            if open_at is not None:
                out.append((open_at, t.i))
            open_at = t.i
        elif open_at is not None and text in ("\u201d", '"'):
            out.append((open_at, t.i))
            open_at = None
    if open_at is not None:
        out.append((open_at, len(st.doc)))
    return out


def quote_speakers(
    st: ArticleState, quotes: list[tuple[int, int]], speakers: list[tuple[int, Entity]], para_starts: list[int]
) -> list[Entity | None]:
    """The named speaker of each quotation (see `quote_speaker`); a quotation
    naming none goes on the previous one's words when it follows it in the
    same paragraph with no other person named between ('"A," said X. "B."')."""
    out: list[Entity | None] = []
    person_starts = [(m.start_token, m.entity.id) for m in st.out if m.entity.kind == EntityKind.PERSON]
    for k, q in enumerate(quotes):
        speaker = quote_speaker(st, q, speakers)
        if speaker is None and k > 0 and out[k - 1] is not None:
            prev, before = quotes[k - 1], out[k - 1]
            same_para = para_of(st, prev[0], para_starts) == para_of(st, q[0], para_starts)
            others = any(prev[0] < i < q[0] and pid != before.id for i, pid in person_starts)
            if same_para and not others:
                speaker = before
        out.append(speaker)
    return out


def para_of(st: ArticleState, token_i: int, para_starts: list[int]) -> int:
    return bisect.bisect_right(para_starts, st.doc[token_i].idx) - 1


def statement_blocks(st: ArticleState, quotes: list[tuple[int, int]], para_starts: list[int]) -> list[tuple[int, int, Entity]]:
    """Statements introduced by a line that names one person, a speech word
    and ends in a colon ('Foreign Secretary X said:', 'X released the
    following statement:'), then the statement's paragraphs, quoted or not:
    (colon, end, speaker). Matched on words, not the parse: the parser often
    misreads 'said:' before a line break. The statement ends at the next
    such line, or at the paragraph that names the speaker again outside a
    quotation (narration has resumed: 'Votel expressed his desire'), else
    at the end of the text."""
    doc, n = st.doc, len(st.doc)
    text = st.text
    persons = sorted(
        (m.start_token, m.end_token, m.entity)
        for m in st.out
        if m.entity.kind == EntityKind.PERSON and m.rule != "pronoun"
    )
    intros: list[tuple[int, Entity]] = []
    for j in range(n):
        if st.texts[j] != ":" or not text[doc[j].idx + 1 :].lstrip(" \t").startswith("\n"):
            continue
        line_start = text.rfind("\n", 0, doc[j].idx) + 1
        in_line = [(s, e, p) for s, e, p in persons if doc[s].idx >= line_start and e <= j]
        if len({p.id for _, _, p in in_line}) != 1:
            continue
        said = any(
            doc[k].lemma_.lower() in QUOTE_SPEECH_VERBS or st.lowers[k] in STATEMENT_NOUNS for k in range(in_line[0][1], j)
        )
        if said:
            intros.append((j, in_line[0][2]))
    out: list[tuple[int, int, Entity]] = []
    for k, (colon, person) in enumerate(intros):
        end = intros[k + 1][0] if k + 1 < len(intros) else n
        again = next(
            (s for s, _, p in persons if colon < s < end and p.id == person.id and not _quoted(s, quotes)), None
        )
        if again is not None:
            lo_char = para_starts[para_of(st, again, para_starts)]
            end = next((t.i for t in doc[colon:again] if t.idx >= lo_char), again)
        out.append((colon, end, person))
    return out


def _quoted(token_i: int, quotes: list[tuple[int, int]]) -> bool:
    q = bisect.bisect_right([s for s, _ in quotes], token_i) - 1
    return q >= 0 and quotes[q][0] < token_i < quotes[q][1]


def quote_speaker(st: ArticleState, quote: tuple[int, int], speakers: list[tuple[int, Entity]]) -> Entity | None:
    """The one person the quotation's own sentences name as its speaker,
    outside the quotation: the sentences the quotation spans, the one before
    when it opens after 'X said:' / 'X said,', the one after when it closes
    on a comma, '?' or '!' ('"...," said X' split by the parser). None when
    no speaker or two different ones are named there."""
    doc = st.doc
    start, end = quote
    lo = doc[start].sent.start
    if start > 0 and st.texts[start - 1] in (":", ",") and "\n" not in doc[start - 1].whitespace_:
        lo = doc[start - 1].sent.start
    closed = end < len(doc) and st.texts[end] in ("\u201d", '"')
    hi = doc[end if closed else end - 1].sent.end
    if closed and st.texts[end - 1] in (",", "?", "!") and end + 1 < len(doc):
        hi = max(hi, doc[end + 1].sent.end)
    found = {p.id: p for i, p in speakers if lo <= i < hi and not start < i < end}
    return next(iter(found.values())) if len(found) == 1 else None


def speaker_for(
    st: ArticleState, t: Token, speakers: list[tuple[int, Entity]], speaker_starts: list[int], para_starts: list[int]
) -> Entity | None:
    """The speaker of the paragraph holding token t: the last one before it in
    the paragraph, else the first one after it in the paragraph; else (a quote
    after "X said:") the last speaker before it."""
    doc = st.doc
    para = bisect.bisect_right(para_starts, t.idx) - 1
    lo = para_starts[para]
    hi = para_starts[para + 1] if para + 1 < len(para_starts) else len(st.text)
    j = bisect.bisect_right(speaker_starts, t.i) - 1
    before = speakers[j] if j >= 0 else None
    after = speakers[j + 1] if j + 1 < len(speakers) else None
    if before is not None and doc[before[0]].idx >= lo:
        return before[1]
    if after is not None and doc[after[0]].idx < hi:
        return after[1]
    return before[1] if before is not None else None


def affiliations(st: ArticleState, speakers: list[tuple[int, Entity]]) -> dict[str, Entity]:
    """The state or organisation a speaker speaks for, when the article names it
    in the speaker's title ("Foreign Office Minister Tobias Ellwood", "U.S.
    Central Command commander Gen. Joseph Votel") or in an apposition after
    the name ("Col. John Dorrian, the CJTF-OIR spokesperson", "Gen. Joseph
    Votel, commander of U.S. Central Command"): "we" in their words is that body."""
    bodies = (EntityKind.COUNTRY, EntityKind.ORGANIZATION, EntityKind.GROUP)
    by_end = {m.end_token: m for m in st.out}
    by_start = {m.start_token: m for m in st.out}
    speaker_ids = {p.id for _, p in speakers}
    out: dict[str, Entity] = {}
    doc = st.doc
    n = len(doc)
    for m in st.out:
        person = m.entity
        if person.id not in speaker_ids or person.id in out or m.rule not in ("exact", "title-pattern"):
            continue
        # Title before the name.
        i, steps = m.start_token, 0
        while i > 0 and steps < 8:
            before = by_end.get(i)
            if before is not None:
                if before.entity.kind in bodies:
                    out[person.id] = before.entity
                break
            prev = doc[i - 1]
            # Title words, ranks, and the capitalised words of an office named
            # with its body ("Pentagon Press Secretary Peter Cook", "Task
            # Force - Inherent Resolve Commander, Lt. Gen. X").
            in_title = prev.lower_ in TITLE_WORDS or prev.lower_ in RANK_ABBREVIATIONS or prev.text in (",", "-", "\u2013")
            if not (in_title or prev.is_title and prev.pos_ in ("PROPN", "NOUN") and "\n" not in prev.whitespace_):
                break  # ("Gen." is one token; a lone "." ends the sentence before)
            i -= 1
            steps += 1
        if person.id in out or m.end_token >= n or st.texts[m.end_token] != ",":
            continue
        # Apposition after the name, up to the next comma or full stop; a comma
        # right after a bare title word goes on ("X, commander, Combined Joint ...").
        j = m.end_token + 1
        while j < n and j - m.end_token <= 10 and (
            st.texts[j] not in (",", ".", ";", "\u201c", '"')
            or st.texts[j] == "," and j == m.end_token + 2 and st.lowers[j - 1] in TITLE_HEADS
        ):
            after = by_start.get(j)
            if after is not None:
                if after.entity.kind in bodies and after.role == ACTOR:
                    out[person.id] = after.entity
                break
            j += 1
    return out


def is_speaker(span: Span) -> bool:
    root = span.root
    head = root.head
    while root.dep_ in ("appos", "conj", "compound") and head is not root:
        root, head = head, head.head
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = head.lemma_.lower()
    if verb in QUOTE_SPEECH_VERBS:
        return True
    # "X released the following statement:", "X issued a statement".
    return verb in STATEMENT_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS for c in head.children)


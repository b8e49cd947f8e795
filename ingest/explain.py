"""Why a relation was or was not extracted: the decisions of one extraction run.

A `Trace` is handed to `Extractor.from_doc` and on to relation extraction,
which records into it as it works (the normal path, not a re-implementation):
the frames of the clause layer (`ingest.relations.frames`), why a frame gave
no candidate (no cue for its predicate, no agent, an argument that is no
entity, a cue condition or kind that failed), and what became of every
candidate (a claim, dropped by a kind constraint, deduplicated). `explain`
runs one text and renders, per sentence, its mentions with their resolution
rules, its frames and, for each, the claim it became or why it became none.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from graph.models import Article, Claim, Extraction
from graph.ontology import is_fact
from ingest.relations.candidates import Candidate
from ingest.relations.frames import Frame


@dataclass(slots=True)
class Decision:
    """What became of one candidate."""

    candidate: Candidate
    outcome: str  # claim | dropped | deduplicated
    reason: str
    claim: Claim | None


@dataclass(slots=True)
class Trace:
    """The decisions recorded during one extraction (see the module docstring)."""

    frames: dict[int, Frame] = field(default_factory=dict)  # predicate token index -> frame
    notes: dict[int, list[str]] = field(default_factory=dict)  # predicate token index -> why not
    decisions: list[Decision] = field(default_factory=list)
    skipped: dict[int, str] = field(default_factory=dict)  # sentence index -> why no relation was looked for

    def frame(self, frame: Frame) -> None:
        self.frames.setdefault(frame.predicate.i, frame)

    def note(self, tok: Token, message: str) -> None:
        notes = self.notes.setdefault(tok.i, [])
        if message not in notes:
            notes.append(message)

    def candidate(self, c: Candidate, outcome: str, reason: str, claim: Claim | None) -> None:
        self.decisions.append(Decision(c, outcome, reason, claim))

    def skip(self, sentence_index: int, reason: str) -> None:
        self.skipped[sentence_index] = reason


def explain(
    extractor: object,
    text: str,
    sentence: int | None = None,
    contains: str | None = None,
    article: Article | None = None,
) -> str:
    """The explanation of `text` (every sentence, the one numbered `sentence`,
    or those containing `contains`), as printable text."""
    from ingest.extract import Extractor

    assert isinstance(extractor, Extractor)
    article = article or Article(id="explain", text=text)
    doc = extractor.nlp(article.text)
    trace = Trace()
    extraction = extractor.from_doc(doc, article, trace=trace)
    sents = list(doc.sents)
    if sentence is not None and not 0 <= sentence < len(sents):
        raise ValueError(f"sentence {sentence} does not exist: the text has {len(sents)} sentences (numbered from 0)")
    chosen = [
        (i, s)
        for i, s in enumerate(sents)
        if (sentence is None or i == sentence) and (contains is None or contains.casefold() in s.text.casefold())
    ]
    if not chosen:
        raise ValueError(f"no sentence contains {contains!r}")
    return "\n\n".join(render_sentence(i, s, extraction, trace) for i, s in chosen)


def render_sentence(si: int, sent: Span, extraction: Extraction, trace: Trace) -> str:
    out = [f"sentence {si}: {sent.text.strip()}"]
    mentions = [m for m in extraction.mentions if m.sentence_index == si]
    out.append("mentions:" if mentions else "mentions: none")
    for m in mentions:
        ent = extraction.entities.get(m.entity_id)
        kind = ent.kind.value if ent is not None else "?"
        out.append(f"  {m.text!r} -> {m.entity_id} ({kind}), rule {m.rule}")
    if si in trace.skipped:
        out.append(f"no relations looked for: {trace.skipped[si]}")
    in_sent = [d for d in trace.decisions if sent.start <= d.candidate.trigger.i < sent.end]
    frames = [f for i, f in sorted(trace.frames.items()) if sent.start <= i < sent.end]
    out.append("frames:" if frames else "frames: none")
    for f in frames:
        out.append("  " + describe_frame(f))
        mine = [d for d in in_sent if d.candidate.trigger.i == f.predicate.i and d.candidate.rule.startswith("verb:")]
        for note in trace.notes.get(f.predicate.i, []):
            out.append(f"    no claim: {note}")
        for d in mine:
            out.append("    " + describe_decision(d))
        if not mine and not trace.notes.get(f.predicate.i):
            out.append("    no claim: no candidate")
    others = [d for d in in_sent if not d.candidate.rule.startswith("verb:")]
    if others:
        out.append("other patterns (titles, nominal cues, locations, membership, refusals):")
        for d in others:
            out.append("  " + describe_decision(d))
    return "\n".join(out)


def _toks(toks: tuple[Token, ...] | list[Token]) -> str:
    return ", ".join(t.text for t in toks) or "-"


def describe_frame(f: Frame) -> str:
    parts = [f"[{f.predicate.text}] ({f.predicate.lemma_}{', passive' if f.passive else ''})"]
    parts.append(f"agents: {_toks(f.agents)}" + (" (inherited)" if f.inherited else ""))
    parts.append(f"patients: {_toks(f.patients)}")
    obl = [f"{k}={_toks(v)}" for k, v in f.obliques.items() if v]
    if obl:
        parts.append("obliques: " + " ".join(obl))
    if f.object_obliques:
        parts.append("on the object: " + " ".join(f"{k}={_toks(v)}" for k, v in f.object_obliques.items() if v))
    if f.controlled:
        parts.append(f"controlled: {_toks(f.controlled)}")
    if f.recipients:
        parts.append(f"recipients: {_toks(f.recipients)}")
    if f.how:
        parts.append("via " + "+".join(f.how))
    if f.anchor is not None and f.anchor != f.predicate:
        parts.append(f"shares the clause of [{f.anchor.text}]")
    return "; ".join(parts)


def describe_decision(d: Decision) -> str:
    c = d.candidate
    head = f"{c.type}({c.subject.text} [{c.subject.entity.id}] -> {c.object.text} [{c.object.entity.id}]) rule {c.rule}"
    if d.outcome == "dropped":
        return f"{head}: no claim: {d.reason}"
    claim = d.claim
    assert claim is not None
    if d.outcome == "deduplicated":
        return f"{head}: deduplicated: {d.reason}"
    if is_fact(claim.polarity, claim.modality):
        status = "a fact"
    else:
        status = f"not a fact ({claim.polarity.value}, {claim.modality.value})"
        cue = claim.rule.partition("|")[2]
        if cue:
            status += f", context: {cue}"
    if claim.attributed_to:
        status += f", attributed to {claim.attributed_to}"
    if (claim.subject_id, claim.object_id) != (c.subject.entity.id, c.object.entity.id):
        status += f", as {claim.subject_id} -> {claim.object_id}"
    return f"{head}: claim {claim.type}, {status}, confidence {claim.confidence}"

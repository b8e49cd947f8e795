"""A deliberately simple baseline, so the extractor's gain is visible.

Entities: the spaCy pipeline's own named entities (no gazetteer, no
resolution). Relations: every ordered pair of entity mentions in one sentence
with a cue word between them gets that cue's type (the first cue in the gap),
the earlier mention as subject. Always affirmed and asserted.
"""

from __future__ import annotations

from graph.models import Article, Claim, Entity, Extraction, Mention
from graph.ontology import RELATION_TYPES, EntityKind

BASELINE_NAME = "geokg-baseline"

# spaCy NER label -> our kind, and the resolution rule the baseline records.
LABEL_KINDS: dict[str, tuple[EntityKind, str]] = {
    "PERSON": (EntityKind.PERSON, "ner"),
    "ORG": (EntityKind.ORGANIZATION, "ner"),
    "GPE": (EntityKind.COUNTRY, "ner"),
    "LOC": (EntityKind.PLACE, "ner"),
    "FAC": (EntityKind.PLACE, "ner"),
    "NORP": (EntityKind.COUNTRY, "demonym"),
}

# A tiny cue list of our own (lemmas), used where H4's lexicon has no entry:
# LOCATED_IN has no cue word there (it is a dedicated pattern), and the list
# stands alone if ingest.relations.lexicon is missing.
OWN_CUES: dict[str, str] = {
    "attack": "ATTACKS",
    "strike": "ATTACKS",
    "airstrike": "ATTACKS",
    "kill": "ATTACKS",
    "fight": "FIGHTS",
    "against": "FIGHTS",
    "clash": "FIGHTS",
    "condemn": "CONDEMNS",
    "accuse": "ACCUSES",
    "threaten": "THREATENS",
    "sanction": "SANCTIONS",
    "reject": "REJECTS",
    "urge": "DEMANDS",
    "ally": "ALLIED_WITH",
    "partner": "ALLIED_WITH",
    "support": "SUPPORTS",
    "aid": "PROVIDES_AID",
    "member": "MEMBER_OF",
    "join": "MEMBER_OF",
    "leader": "LEADER_OF",
    "president": "LEADER_OF",
    "minister": "OFFICIAL_OF",
    "ambassador": "OFFICIAL_OF",
    "meet": "MEETS_WITH",
    "visit": "MEETS_WITH",
    "talk": "NEGOTIATES_WITH",
    "sign": "SIGNS_AGREEMENT_WITH",
    "in": "LOCATED_IN",
    "near": "LOCATED_IN",
}


def cue_lexicon() -> tuple[dict[str, str], str]:
    """Lemma -> relation type, and where it came from.

    The cue words of H4's lexicon (`ingest.relations.lexicon`: verb and noun cues;
    `ingest.words.people`: leader and official titles; a lemma with several types takes its first),
    completed by OWN_CUES; OWN_CUES alone when that lexicon cannot be imported.
    """
    try:
        from ingest.relations import lexicon
        from ingest.words.people import LEADER_TITLES, OFFICIAL_TITLES
    except ImportError:
        return dict(OWN_CUES), "baseline's own cue list"
    cues: dict[str, str] = {}
    for table in (lexicon.VERB_CUES, lexicon.NOUN_CUES):
        for lemma, entries in table.items():
            if entries:
                cues.setdefault(lemma.lower(), entries[0].type)
    for title in LEADER_TITLES:
        cues.setdefault(title.lower(), "LEADER_OF")
    for title in OFFICIAL_TITLES:
        cues.setdefault(title.lower(), "OFFICIAL_OF")
    for lemma, rtype in OWN_CUES.items():
        cues.setdefault(lemma, rtype)
    return cues, "ingest.relations.lexicon + baseline's own cue list"


class BaselineExtractor:
    """Pairs of spaCy entities with a cue word between them (see the module doc)."""

    def __init__(self, nlp, cues: dict[str, str] | None = None) -> None:
        self.nlp = nlp
        if cues is None:
            cues, self.cue_source = cue_lexicon()
        else:
            self.cue_source = "given"
        self.cues = {k.lower(): v for k, v in cues.items() if v in RELATION_TYPES}

    def extract_one(self, article: Article) -> Extraction:
        doc = self.nlp(article.text)
        out = Extraction(article=article)
        for s_index, sent in enumerate(doc.sents):
            ents = [e for e in sent.ents if e.label_ in LABEL_KINDS]
            ments: list[tuple[Mention, int, int]] = []  # with token start/end
            for ent in ents:
                kind, rule = LABEL_KINDS[ent.label_]
                eid = f"{ent.label_.lower()}:{ent.text.lower()}"
                out.entities.setdefault(eid, Entity(id=eid, name=ent.text, kind=kind))
                m = Mention(eid, ent.text, ent.start_char, ent.end_char, rule, s_index)
                out.mentions.append(m)
                ments.append((m, ent.start, ent.end))
            for i, (a, _, a_end) in enumerate(ments):
                for b, b_start, _ in ments[i + 1 :]:
                    cue = next(
                        (t for t in doc[a_end:b_start] if t.lemma_.lower() in self.cues
                         or t.lower_ in self.cues),
                        None,
                    )
                    if cue is None:
                        continue
                    rtype = self.cues.get(cue.lemma_.lower()) or self.cues[cue.lower_]
                    out.claims.append(
                        Claim(
                            article_id=article.id,
                            type=rtype,
                            subject_id=a.entity_id,
                            object_id=b.entity_id,
                            subject_text=a.text,
                            subject_start=a.start,
                            subject_end=a.end,
                            object_text=b.text,
                            object_start=b.start,
                            object_end=b.end,
                            trigger_text=cue.text,
                            trigger_start=cue.idx,
                            trigger_end=cue.idx + len(cue.text),
                            sentence=sent.text,
                            sentence_index=s_index,
                            extractor=BASELINE_NAME,
                            rule=f"baseline-cue:{cue.lemma_.lower()}",
                        )
                    )
        return out

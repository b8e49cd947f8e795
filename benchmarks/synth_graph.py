"""A synthetic geopolitical news graph, loaded through the normal Loader.

Shape (seeded, so the same arguments give the same graph):

- 250 countries and 20,000 people and organisations (12,000 people, 6,000
  organisations, 2,000 armed/political groups), each with a home country;
- `--claims` claims in articles of 1-12 claims (mean ~6.5), published over ten
  years (2015-2024) by 60 outlets;
- heavy-tailed degrees: how often an entity is in the news follows a Zipf law
  over a seeded random ranking (a few countries and leaders take most claims,
  as in real news -- preferential attachment without the bookkeeping); a
  claim's counterpart is drawn the same way, people and organisations mostly
  from or about their home country;
- relation types, modalities and negation in roughly the mix the extractor
  produces (events more than structure; ~10% negated; some hypothetical).

Extractions are `graph.models.Extraction` objects, generated lazily and loaded
in chunks with `graph.loader.Loader`, so memory stays flat at any size.

    python benchmarks/synth_graph.py --yes                      # 20,000 claims (smoke)
    python benchmarks/synth_graph.py --yes --claims 1000000 --max-seconds 3600

`--max-seconds` stops loading after that long and reports what was loaded.
THIS EMPTIES THE DATABASE it connects to first (`--yes`; `--keep` to add instead).
Neo4j comes from the NEO4J_* settings.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import connect_to_neo4j, load_average, machine, neo4j_pid, process_cpu_seconds, wipe  # noqa: E402

from graph.models import Article, Claim, Entity, Extraction, Mention  # noqa: E402
from graph.ontology import EntityKind, Modality, Polarity  # noqa: E402

N_COUNTRIES = 250
N_PEOPLE = 12_000
N_ORGS = 6_000
N_GROUPS = 2_000
N_OUTLETS = 60
START = date(2015, 1, 1)
DAYS = (date(2025, 1, 1) - START).days  # ten years
ZIPF_S = 1.1

# (type, subject kinds, object kinds, weight): which kinds of entities each type
# joins, and how common it is among extracted claims.
C, P, O, G = EntityKind.COUNTRY, EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.GROUP  # noqa: E741 (one letter per kind keeps the table below readable)
STATE_LIKE = (C, O)
ACTORS = (C, P, O, G)
TYPE_MIX: list[tuple[str, tuple[EntityKind, ...], tuple[EntityKind, ...], float]] = [
    ("MEETS_WITH", (C, P), (C, P), 14),
    ("LEADER_OF", (P,), STATE_LIKE, 8),
    ("OFFICIAL_OF", (P,), STATE_LIKE, 7),
    ("ACCUSES", ACTORS, ACTORS, 8),
    ("CONDEMNS", ACTORS, ACTORS, 7),
    ("SUPPORTS", ACTORS, ACTORS, 6),
    ("ATTACKS", (C, G), (C, G), 6),
    ("NEGOTIATES_WITH", (C, O, G), (C, O, G), 5),
    ("SIGNS_AGREEMENT_WITH", (C, O), (C, O), 4),
    ("SANCTIONS", (C, O), (C, P, O, G), 4),
    ("THREATENS", ACTORS, ACTORS, 4),
    ("DEMANDS", ACTORS, ACTORS, 4),
    ("PROVIDES_AID", (C, O), (C,), 3),
    ("TRADES_WITH", (C,), (C,), 3),
    ("MEMBER_OF", (C,), (O,), 3),
    ("FIGHTS", (C, G), (C, G), 3),
    ("REJECTS", ACTORS, ACTORS, 3),
    ("DENIES", ACTORS, ACTORS, 2),
    ("SUPPLIES_ARMS", (C,), (C, G), 2),
    ("COOPERATES_MILITARILY", (C,), (C,), 2),
    ("DIPLOMATIC_RELATIONS", (C,), (C,), 1),
    ("HAS_EMBASSY_IN", (C,), (C,), 1),
    ("ALLIED_WITH", (C,), (C,), 1),
    ("CUTS_TIES_WITH", (C,), (C,), 1),
    ("MOBILIZES_AGAINST", (C, G), (C, G), 1),
    ("PROTESTS_AGAINST", (G, O), ACTORS, 1),
    ("YIELDS_TO", ACTORS, ACTORS, 1),
    ("BORDERS", (C,), (C,), 1),
]
MODALITIES = [(Modality.ASSERTED, 55), (Modality.REPORTED, 30), (Modality.HISTORICAL, 3),
              (Modality.ALLEGED, 4), (Modality.PLANNED, 4), (Modality.HYPOTHETICAL, 4)]  # fmt: skip
FILLER = ("officials said on Tuesday after talks that lasted late into the night "
          "according to a statement released by the ministry").split()  # fmt: skip


def country_code(i: int) -> str:
    """XAA, XAB, ...: the shape of an ISO 3166 alpha-3 code in the user-assigned
    X range, so it can never be taken for a real state."""
    return "X" + chr(65 + i // 26) + chr(65 + i % 26)


@dataclass(frozen=True, slots=True)
class Pool:
    """Entities of one kind with cumulative Zipf weights for weighted draws."""

    entities: list[Entity]
    cum: list[float]

    def draw(self, rng: random.Random) -> Entity:
        return self.entities[bisect.bisect_left(self.cum, rng.random() * self.cum[-1])]


def zipf_pool(entities: list[Entity], rng: random.Random) -> Pool:
    ranks = list(range(len(entities)))
    rng.shuffle(ranks)  # which entity is the most popular is seeded, not by id
    weights = [1.0 / (r + 1) ** ZIPF_S for r in ranks]
    return Pool(entities, list(itertools.accumulate(weights)))


class SyntheticNews:
    """The entity universe and a lazy stream of articles over it."""

    def __init__(self, seed: int = 20261127) -> None:
        self.seed = seed
        rng = random.Random(seed)
        self.countries = [Entity(country_code(i), f"Country {country_code(i)}", C, iso3=country_code(i))
                          for i in range(N_COUNTRIES)]  # fmt: skip

        def many(kind: EntityKind, n: int, prefix: str) -> list[Entity]:
            return [Entity(f"syn-{prefix}-{i}", f"{kind.value} {i}", kind) for i in range(n)]

        self.pools = {
            C: zipf_pool(self.countries, rng),
            P: zipf_pool(many(P, N_PEOPLE, "person"), rng),
            O: zipf_pool(many(O, N_ORGS, "org"), rng),
            G: zipf_pool(many(G, N_GROUPS, "group"), rng),
        }
        # Home country of every non-state entity, itself Zipf-distributed (big
        # countries have more people in the news).
        self.home: dict[str, Entity] = {}
        for kind in (P, O, G):
            for e in self.pools[kind].entities:
                self.home[e.id] = self.pools[C].draw(rng)
        self.type_cum = list(itertools.accumulate(w for *_, w in TYPE_MIX))
        self.modality_cum = list(itertools.accumulate(w for _, w in MODALITIES))
        self.outlets = [f"outlet-{i}" for i in range(N_OUTLETS)]
        self.outlet_cum = list(itertools.accumulate(1.0 / (i + 1) for i in range(N_OUTLETS)))

    @property
    def entity_count(self) -> int:
        return sum(len(p.entities) for p in self.pools.values())

    def _pick(self, rng: random.Random, kinds: tuple[EntityKind, ...], near: Entity | None) -> Entity:
        kind = kinds[0] if len(kinds) == 1 else rng.choice(kinds)
        if near is not None and kind == C and near.id in self.home and rng.random() < 0.6:
            return self.home[near.id]  # a person or organisation mostly acts at home
        return self.pools[kind].draw(rng)

    def articles(self, n_claims: int) -> Iterator[Extraction]:
        """Articles until `n_claims` claims have been produced (the last one is cut)."""
        rng = random.Random(self.seed + 1)
        made = 0
        for a in itertools.count():
            if made >= n_claims:
                return
            k = min(rng.randint(1, 12), n_claims - made)
            made += k
            yield self._article(rng, a, k)

    def _article(self, rng: random.Random, index: int, n_claims: int) -> Extraction:
        aid = f"https://synthetic.example/news/{index}"
        published = START + timedelta(days=rng.randrange(DAYS))
        outlet = self.outlets[bisect.bisect_left(self.outlet_cum, rng.random() * self.outlet_cum[-1])]
        entities: dict[str, Entity] = {}
        claims: list[Claim] = []
        sentences: list[str] = []
        pos = 0
        for k in range(n_claims):
            rtype, skinds, okinds, _ = TYPE_MIX[bisect.bisect_left(self.type_cum, rng.random() * self.type_cum[-1])]
            subject = self._pick(rng, skinds, None)
            obj = self._pick(rng, okinds, subject)
            if obj.id == subject.id:
                obj = self.pools[okinds[0]].draw(rng)
            verb = rtype.lower().replace("_", " ")
            tail = " ".join(FILLER[: rng.randint(4, len(FILLER))])
            sentence = f"{subject.name} {verb} {obj.name}, {tail}."
            s_at, t_at = pos, pos + len(subject.name) + 1
            o_at = t_at + len(verb) + 1
            modality = MODALITIES[bisect.bisect_left(self.modality_cum, rng.random() * self.modality_cum[-1])][0]
            claims.append(
                Claim(
                    article_id=aid, type=rtype, subject_id=subject.id, object_id=obj.id,
                    subject_text=subject.name, subject_start=s_at, subject_end=s_at + len(subject.name),
                    object_text=obj.name, object_start=o_at, object_end=o_at + len(obj.name),
                    trigger_text=verb, trigger_start=t_at, trigger_end=t_at + len(verb),
                    sentence=sentence, sentence_index=k,
                    polarity=Polarity.NEGATED if rng.random() < 0.1 else Polarity.AFFIRMED,
                    modality=modality, confidence=round(rng.uniform(0.3, 0.95), 2),
                    extractor="synthetic", extractor_version="1", rule="synthetic",
                )
            )  # fmt: skip
            entities[subject.id] = subject
            entities[obj.id] = obj
            sentences.append(sentence)
            pos += len(sentence) + 1
        text = " ".join(sentences)
        mentions = []
        for c in claims:
            mentions.append(Mention(c.subject_id, c.subject_text, c.subject_start, c.subject_end, "exact", c.sentence_index))
            mentions.append(Mention(c.object_id, c.object_text, c.object_start, c.object_end, "exact", c.sentence_index))
        article = Article(
            id=aid, text=text, url=aid, title=f"Synthetic report {index}", outlet=outlet,
            published=published, license="synthetic",
        )  # fmt: skip
        return Extraction(article, entities, mentions, claims)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=20_000, help="claims to generate and load")
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--batch-size", type=int, default=1000, help="articles per load transaction")
    parser.add_argument("--max-seconds", type=float, default=900.0, help="stop loading after this long")
    parser.add_argument("--yes", action="store_true", help="confirm that the database may be emptied")
    parser.add_argument("--keep", action="store_true", help="do not empty the database first")
    parser.add_argument("--dry-run", action="store_true", help="generate only (no database): generation speed and shape")
    args = parser.parse_args(argv)

    news = SyntheticNews(args.seed)
    print(f"machine: {machine()}; load average {load_average()}")
    print(f"universe: {N_COUNTRIES} countries, {N_PEOPLE} people, {N_ORGS} organisations, {N_GROUPS} groups; "
          f"{args.claims} claims requested; seed {args.seed}")
    if args.dry_run:
        t0 = time.perf_counter()
        degree: dict[str, int] = {}
        n_articles = n_claims = 0
        for ex in news.articles(args.claims):
            n_articles += 1
            n_claims += len(ex.claims)
            for c in ex.claims:
                degree[c.subject_id] = degree.get(c.subject_id, 0) + 1
                degree[c.object_id] = degree.get(c.object_id, 0) + 1
        top = sorted(degree.values(), reverse=True)
        print(f"generated {n_articles} articles, {n_claims} claims in {time.perf_counter() - t0:.1f}s; "
              f"{len(degree)} entities named; claim degree max {top[0]}, top-1% share "
              f"{sum(top[: max(1, len(top) // 100)]) / sum(top):.0%}, median {top[len(top) // 2]}")
        return 0

    if not (args.yes or args.keep):
        parser.error("this empties the database first; pass --yes to confirm (or --keep to add to it)")

    from graph.loader import Loader, LoadReport

    driver, settings = connect_to_neo4j()
    db = settings.database
    if not args.keep:
        wipe(driver, db)
    loader = Loader(driver, database=db, batch_size=args.batch_size)
    total = LoadReport()
    server_pid = neo4j_pid()
    server_cpu0 = process_cpu_seconds(server_pid) if server_pid else 0.0
    client_cpu0 = time.process_time()
    started = time.perf_counter()
    chunk_articles = args.batch_size * 5
    stream = news.articles(args.claims)
    gen_s = 0.0
    stopped = False
    next_print = 0.0
    while True:
        t = time.perf_counter()
        chunk = list(itertools.islice(stream, chunk_articles))
        gen_s += time.perf_counter() - t
        if not chunk:
            break
        total.add(loader.load(chunk))
        elapsed = time.perf_counter() - started
        if elapsed >= next_print:
            print(f"  {elapsed:7.0f}s: {total.articles} articles, {total.claims} claims, "
                  f"{total.claims / total.seconds:,.0f} claims/s loading, load avg {load_average().split()[0]}", flush=True)
            next_print = elapsed + 30
        if elapsed > args.max_seconds:
            stopped = True
            break
    wall = time.perf_counter() - started
    client_cpu = time.process_time() - client_cpu0
    server_cpu = process_cpu_seconds(server_pid) - server_cpu0 if server_pid else float("nan")
    with driver.session(database=db) as s:
        entities = s.run("MATCH (e:Entity) RETURN count(e)").single()[0]
        facts = s.run("MATCH (:Entity)-[r]->(:Entity) WHERE r.source = 'article' RETURN count(r)").single()[0]
    driver.close()
    print(("STOPPED at --max-seconds: " if stopped else "done: ")
          + f"{total.articles} articles, {total.claims} claims, {total.mentions} mentions loaded in {wall:.0f}s "
          f"(generation {gen_s:.0f}s, loading {total.seconds:.0f}s = {total.claims / max(total.seconds, 1e-9):,.0f} claims/s); "
          f"graph: {entities} entities, {facts} fact edges")
    print(f"CPU: Neo4j server {server_cpu:.0f}s, this client {client_cpu:.0f}s (generation included) -> "
          f"{total.claims / server_cpu:,.0f} claims per server CPU-second"
          + ("" if server_pid else " (server pid unknown: NEO4J_HOME/run/neo4j.pid)"))
    print(f"load average at the end {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

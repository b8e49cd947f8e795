"""The API tests' graph (conftest.extractions) plus a third article for the
research features: Russia named through "the Kremlin", the Polish city
Koszalin (which a fuzzy "Kremlin" would bring), a planned and an alleged
claim, and a January 2023 date so timelines have an empty month between.

Expected answers follow from the sentences:
- A3 (2023-02-10, outlet "Example News"): RUS CONDEMNS ISR (asserted),
  RUS THREATENS AZE (planned), ISR SUPPLIES_ARMS AZE (alleged).
- So the ISR/AZE pair has 4 claims in all: SUPPLIES_ARMS x2 asserted
  (A1, A2), ATTACKS negated (A1), SUPPLIES_ARMS alleged (A3).
"""

from __future__ import annotations

from datetime import date

from graph.models import Article, Entity, Extraction
from graph.ontology import EntityKind, Modality
from tests.api.conftest import ENTITIES, _claim, _mentions, extractions

A3 = "https://example.org/news/kremlin-condemns"

RUS = Entity("RUS", "Russia", EntityKind.COUNTRY, aliases=("Russian Federation",), iso3="RUS")
KOSZALIN = Entity("city:pol:koszalin", "Koszalin", EntityKind.CITY)


def research_extractions() -> list[Extraction]:
    s1 = "The Kremlin condemned Israel over the strikes."
    s2 = "Russia plans to threaten Azerbaijan with new tariffs."
    s3 = "Israel reportedly supplies drones to Azerbaijan."
    s4 = "A trade fair opened in Koszalin."
    a3 = Article(
        id=A3, url=A3, title="Moscow condemns Israel", text=" ".join([s1, s2, s3, s4]),
        outlet="Example News", published=date(2023, 2, 10), source="/srv/private/corpus/a3.json",
    )  # fmt: skip
    claims = [
        _claim(a3, s1, 0, "CONDEMNS", "RUS", "Kremlin", "condemned", "ISR", "Israel"),
        _claim(a3, s2, 1, "THREATENS", "RUS", "Russia", "threaten", "AZE", "Azerbaijan", modality=Modality.PLANNED),
        _claim(a3, s3, 2, "SUPPLIES_ARMS", "ISR", "Israel", "supplies", "AZE", "Azerbaijan", modality=Modality.ALLEGED),
    ]
    entities = {"RUS": RUS, "ISR": ENTITIES["ISR"], "AZE": ENTITIES["AZE"], KOSZALIN.id: KOSZALIN}
    mentions = _mentions(a3, {"RUS": "Kremlin", "ISR": "Israel", "AZE": "Azerbaijan", KOSZALIN.id: "Koszalin"})
    return [*extractions(), Extraction(article=a3, entities=entities, mentions=mentions, claims=claims)]

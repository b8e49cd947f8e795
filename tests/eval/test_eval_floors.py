"""Regression guard: the evaluation on re3d-dev (overall and per source), the seed
and the Wikinews gold must not fall below the floors kept in tests/eval/floors.json
(raise them as quality rises).

Runs `geokg eval` once (no baseline, no database) on the shared gold data, read
in place from ../shared; also checks that --json and --errors write their files.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def evaluation(
    tmp_path_factory: pytest.TempPathFactory, shared_dir: Path
) -> tuple[dict, list[dict]]:
    re3d_dev = shared_dir / "eval" / "re3d-dev.jsonl"
    seed_gold = shared_dir / "eval" / "seed-gold.json"
    news_gold = shared_dir / "eval" / "wikinews-gold.jsonl"
    out = tmp_path_factory.mktemp("eval")
    figures, errors = out / "figures.json", out / "errors.jsonl"
    result = CliRunner().invoke(
        app,
        ["eval", "--gold", str(re3d_dev), "--seed", str(seed_gold), "--news-gold", str(news_gold), "--no-baseline",
         "--json", str(figures), "--errors", str(errors)],
    )
    assert result.exit_code == 0, result.output + repr(result.exception)
    print(result.output)  # the tables, visible with pytest -s
    lines = errors.read_text(encoding="utf-8").splitlines()
    return json.loads(figures.read_text(encoding="utf-8")), [json.loads(x) for x in lines]


def _below(name: str, value: float, floor: float) -> str | None:
    return f"{name} = {value:.4f} < floor {floor}" if value < floor else None


def test_re3d_figures_stay_above_floors(evaluation: tuple[dict, list[dict]]) -> None:
    figures, _ = evaluation
    system = figures["re3d"]["systems"]["extractor"]
    floors = FLOORS["re3d"]
    actual = {
        "entities_lenient_f1": system["entities"]["lenient"]["overall"]["f1"],
        "entities_strict_f1": system["entities"]["strict"]["overall"]["f1"],
        "relations_precision": system["relations"]["overall"]["precision"],
        "relations_recall": system["relations"]["overall"]["recall"],
        "relations_proper_precision": system["relations"]["proper_names"]["precision"],
        "relations_proper_recall": system["relations"]["proper_names"]["recall"],
    }
    for etype in floors.get("entities_lenient_f1_per_type", {}):
        actual[f"entities_lenient_f1[{etype}]"] = system["entities"]["lenient"]["per_type"][etype]["f1"]
    wanted = {k: v for k, v in floors.items() if not isinstance(v, dict)}
    wanted |= {f"entities_lenient_f1[{k}]": v for k, v in floors.get("entities_lenient_f1_per_type", {}).items()}
    failures = [msg for key, floor in wanted.items() if (msg := _below(key, actual[key], floor))]
    assert not failures, "re3d-dev below floors:\n" + "\n".join(failures)


def test_re3d_per_source_figures_stay_above_floors(evaluation: tuple[dict, list[dict]]) -> None:
    figures, _ = evaluation
    per_source = figures["re3d"]["systems"]["extractor"]["per_source"]
    assert len(per_source) == 4, sorted(per_source)  # the four sources of re3d-dev
    assert sum(s["documents"] for s in per_source.values()) == 55
    failures = [
        msg
        for source, floor in FLOORS["re3d_per_source_proper_f1"].items()
        if (msg := _below(f"{source} proper-name relation F1", per_source[source]["relations_proper_names"]["f1"], floor))
    ]
    assert not failures, "re3d-dev sources below floors:\n" + "\n".join(failures)


def test_wikinews_figures_stay_above_floors(evaluation: tuple[dict, list[dict]]) -> None:
    figures, _ = evaluation
    news = figures["news"]["systems"]["extractor"]
    floors = FLOORS["wikinews"]
    actual = {
        "precision": news["precision"]["precision"],
        "recall": news["recall"]["recall"],
        "recall_explicit": news["recall_explicit"]["recall"],
        "recall_structural": news["per_tier"]["structural"]["recall"],
        "recall_event_like": news["per_tier"]["event-like"]["recall"],
    }
    failures = [msg for key, value in actual.items() if (msg := _below(key, value, floors[key]))]
    maxima = {
        "fact_violations_max": news["violations"]["fact_claims"],
        "must_not_entities_fired_max": news["violations"]["must_not_entities_fired"],
        "articles_not_found_max": len(news["articles_not_found"]),
    }
    failures += [f"{key[:-4]} = {value} > {floors[key]}" for key, value in maxima.items() if value > floors[key]]
    assert not failures, "Wikinews gold below floors:\n" + "\n".join(failures)


def test_seed_figures_stay_above_floors(evaluation: tuple[dict, list[dict]]) -> None:
    figures, _ = evaluation
    seed = figures["seed"]["systems"]["extractor"]
    floors = FLOORS["seed"]
    failures = []
    if seed["must_found"] < floors["must_found_min"]:
        failures.append(f"must found {seed['must_found']}/{seed['must_total']} < {floors['must_found_min']}")
    if seed["must_fact_status_ok"] < floors["must_fact_status_ok_min"]:
        failures.append(f"must with right fact status {seed['must_fact_status_ok']} < {floors['must_fact_status_ok_min']}")
    for key in ("must_not_fact_violations", "must_not_entity_violations"):
        if seed[key] > floors[f"{key}_max"]:
            failures.append(f"{key} {seed[key]} > {floors[f'{key}_max']}")
    if seed["metadata_ok"] < floors["metadata_ok_min"]:
        failures.append(f"metadata {seed['metadata_ok']}/{seed['metadata_total']} < {floors['metadata_ok_min']}")
    assert not failures, "seed below floors:\n" + "\n".join(failures) + "\n" + json.dumps(seed["violations"], indent=1)


def test_errors_file_lists_every_false_positive_and_negative(evaluation: tuple[dict, list[dict]]) -> None:
    figures, errors = evaluation
    system = figures["re3d"]["systems"]["extractor"]
    for task, overall in (
        ("entity", system["entities"]["lenient"]["overall"]),
        ("relation", system["relations"]["overall"]),
    ):
        re3d = [e for e in errors if e["dataset"] == "re3d" and e["task"] == task]
        fps = [e for e in re3d if e["error"] == "FP"]
        fns = [e for e in re3d if e["error"] == "FN"]
        assert (len(fps), len(fns)) == (overall["fp"], overall["fn"])
        assert all(e["sentence"] and e["class"] for e in fps + fns)

    news = figures["news"]["systems"]["extractor"]
    records = [e for e in errors if e["dataset"] == "news"]
    misses = [e for e in records if e["task"] == "news-must"]
    wrong = [e for e in records if e["task"] == "news-claim"]
    assert len(misses) == news["recall"]["total"] - news["recall"]["found"]
    assert len(wrong) == news["precision"]["fact_claims"] - news["precision"]["tp"]
    assert all(e["sentence"] for e in misses + wrong)
    assert {e["layer"] for e in misses} <= {"relation", "entity"}

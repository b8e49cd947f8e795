"""The README's worked example is what scripts/readme_example.py makes of the
demo graph (the reference backbone, the seed article and the Wikinews corpus
of ../shared, as `bash scripts/demo.sh` loads them). Built here from the real
extractions; fails when the README and the script disagree."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from api.app import create_app
from api.settings import ApiSettings
from graph.loader import Loader
from graph.models import Article
from graph.reference import load_reference
from graph.settings import Neo4jSettings

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "readme_example.py"


def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("readme_example", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_worked_example_is_the_scripts_output_on_the_demo_graph(
    neo4j_driver: Driver, clean_db: str, neo4j_settings: Neo4jSettings, session_extractor, wikinews_extractions,  # noqa: ANN001
    shared_dir: Path,
) -> None:
    from ingest.readers import read_paths

    seed = [a for a in read_paths([shared_dir / "corpus" / "seed"]) if isinstance(a, Article)]
    load_reference(neo4j_driver, clean_db)
    loader = Loader(neo4j_driver, database=clean_db)
    loader.load(list(session_extractor.extract(seed)))
    loader.load(list(wikinews_extractions))

    example = script()
    with TestClient(create_app(ApiSettings(_env_file=None, cors_origins=[]), neo4j_settings)) as client:
        block = example.render(example.figures(client.get))
    readme = example.README.read_text(encoding="utf-8")
    assert example.current_block(readme) == block, "README.md is stale: run `python scripts/readme_example.py`"


def test_the_block_is_replaced_whole_and_a_missing_block_is_an_error() -> None:
    example = script()
    text = f"intro\n{example.START}\nold\n{example.END}\noutro\n"
    new = f"{example.START}\nnew\n{example.END}"
    assert example.replace_block(text, new) == f"intro\n{new}\noutro\n"
    assert example.current_block(example.replace_block(text, new)) == new
    with pytest.raises(ValueError, match="worked-example"):
        example.replace_block("no block here", new)

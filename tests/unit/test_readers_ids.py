"""Stable article ids and duplicate removal."""

from __future__ import annotations

import json

import pytest

from graph.models import Article
from ingest.readers import Skipped, article_id, canonical_url, outlet_from_url, read_paths

TEXT = "Sylvania and Ruritania agreed to exchange prisoners, officials in both countries said on Sunday."


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://News.Example.COM/World/Story/", "https://news.example.com/World/Story"),
        ("https://news.example.com/a?utm_source=x&utm_medium=y&id=7", "https://news.example.com/a?id=7"),
        ("https://news.example.com/a?b=2&a=1#comments", "https://news.example.com/a?a=1&b=2"),
        ("http://news.example.com:80/a", "http://news.example.com/a"),
        ("https://news.example.com:8443/a", "https://news.example.com:8443/a"),
        ("https://news.example.com/a?fbclid=abc", "https://news.example.com/a"),
        ("https://news.example.com/", "https://news.example.com"),
        ("  https://news.example.com/a  ", "https://news.example.com/a"),
        ("ftp://news.example.com/a", None),
        ("/relative/path", None),
        ("not a url", None),
        ("http://[::1", None),
        ("", None),
        (None, None),
    ],
)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_text_id_ignores_whitespace_and_case():
    a = article_id(None, TEXT)
    assert a.startswith("sha1:") and len(a) == len("sha1:") + 40
    assert article_id(None, "  " + TEXT.upper().replace(" ", "\n  ")) == a
    assert article_id(None, TEXT + " More.") != a
    # With a URL, the URL is the id whatever the text.
    assert article_id("https://x.example/s?utm_campaign=1", TEXT) == "https://x.example/s"


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://en.wikinews.org/wiki/Anything", "Wikinews"),
        ("https://www.bbc.co.uk/news/world-1", "BBC"),
        ("https://www.reuters.com/world/", "Reuters"),
        ("https://www.smallpaper.example/story", "smallpaper.example"),
        (None, None),
    ],
)
def test_outlet_from_url(url, outlet):
    assert outlet_from_url(url) == outlet


def test_same_file_twice_is_one_article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    results = list(read_paths([path, path]))
    assert [type(r) for r in results] == [Article, Skipped]
    assert results[1].reason == "duplicate"
    assert str(path) in results[1].detail


def test_same_text_in_two_files_and_formats(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n" + TEXT.replace(" ", "  ") + "\n\n", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    results = list(read_paths([tmp_path]))
    assert [type(r) for r in results] == [Article, Skipped, Skipped]
    assert {r.reason for r in results[1:]} == {"duplicate"}


def test_same_url_different_text_is_one_article(tmp_path):
    rows = [
        {"url": "https://x.example/story", "text": TEXT},
        {"url": "https://X.example/story/?utm_source=rss", "text": TEXT + " Updated with a new paragraph."},
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first, second = list(read_paths([path]))
    assert isinstance(first, Article) and first.id == "https://x.example/story"
    assert isinstance(second, Skipped) and second.reason == "duplicate"
    assert second.source.endswith("a.jsonl:2") and "a.jsonl:1" in second.detail


def test_ids_are_stable_across_runs(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\n" + TEXT, encoding="utf-8")
    ids = {next(iter(read_paths([path]))).id for _ in range(3)}
    assert len(ids) == 1

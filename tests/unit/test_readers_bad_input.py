"""Bad input never stops a batch: each case is a Skipped (or a warning) with a
clear reason, and the good file read alongside it still comes through."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from graph.models import Article
from ingest.readers import ReadWarning, Skipped, parse_date, read_paths
from ingest.readers import paths as reader_paths

GOOD = "Ruritania and Freedonia signed a treaty on their shared border on Tuesday."

# Written for these tests: paragraphs long enough for language detection.
GERMAN = (
    "Die Regierung hat am Montag in der Hauptstadt erklärt, dass die Hilfe für das Nachbarland "
    "fortgesetzt werde. Die Opposition kritisierte den Plan scharf und forderte eine lange Debatte "
    "im Parlament über die Kosten und die Folgen für den Haushalt des kommenden Jahres."
)
FRENCH = (
    "Le gouvernement a annoncé lundi dans la capitale que l'aide au pays voisin serait maintenue. "
    "L'opposition a vivement critiqué ce projet et réclamé un débat au Parlement sur les coûts "
    "et les conséquences pour le budget de l'année prochaine."
)
ENGLISH = (
    "The government said on Monday in the capital that aid to the neighbouring country would "
    "continue. The opposition sharply criticised the plan and demanded a long debate in parliament "
    "about the costs and the consequences for next year's budget."
)


def read_with_good(tmp_path: Path, name: str, data: bytes, **kwargs) -> list:
    """Read a bad file between two good ones; both good ones must survive."""
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    (tmp_path / "z_good.txt").write_text(GOOD.replace("Tuesday", "Friday"), encoding="utf-8")
    results = list(read_paths([tmp_path], **kwargs))
    assert len([r for r in results if isinstance(r, Article)]) == 2, results
    return [r for r in results if not isinstance(r, Article)]


def only_skip(results: list) -> Skipped:
    [skipped] = results
    assert isinstance(skipped, Skipped)
    assert skipped.detail  # every skip says what happened
    return skipped


def test_empty_file(tmp_path):
    assert only_skip(read_with_good(tmp_path, "b_empty.txt", b"")).reason == "empty"


def test_whitespace_and_furniture_only(tmp_path):
    skipped = only_skip(read_with_good(tmp_path, "b_blank.txt", b"\n\n   \n(Photo Credit: AP)\nShare\n"))
    assert skipped.reason == "empty"


def test_binary_file(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    assert only_skip(read_with_good(tmp_path, "b_image.txt", png)).reason == "binary"


def test_wrong_encoding(tmp_path):
    latin1 = "Le président a parlé à Genève.".encode("latin-1")
    skipped = only_skip(read_with_good(tmp_path, "b_latin1.txt", latin1))
    assert skipped.reason == "undecodable"
    assert "UTF-8" in skipped.detail


def test_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(GOOD.encode("utf-16"))
    [article] = list(read_paths([path]))
    assert article.text == GOOD


def test_huge_file_is_skipped_without_reading_it(tmp_path):
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    # 50 MB, sparse: the size check comes before any read.
    with (tmp_path / "b_huge.txt").open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    results = list(read_paths([tmp_path]))
    assert [a.text for a in results if isinstance(a, Article)] == [GOOD]
    skipped = only_skip([r for r in results if not isinstance(r, Article)])
    assert skipped.reason == "too-large"
    assert "52,428,800 bytes" in skipped.detail and "GEOKG_MAX_FILE_BYTES" in skipped.detail


def test_size_cap_is_configurable(tmp_path):
    skipped = only_skip(read_with_good(tmp_path, "b_long.txt", b"word " * 100, max_file_bytes=200))
    assert skipped.reason == "too-large"


def test_article_too_long(tmp_path):
    skipped = only_skip(read_with_good(tmp_path, "b_long.txt", ("word " * 100).encode(), max_article_chars=300))
    assert skipped.reason == "too-long"


@pytest.mark.parametrize(("text", "language"), [(GERMAN, "de"), (FRENCH, "fr")])
def test_non_english_text(tmp_path, text, language):
    skipped = only_skip(read_with_good(tmp_path, "b_foreign.txt", text.encode("utf-8")))
    assert skipped.reason == "non-english"
    assert language in skipped.detail


def test_english_is_kept_and_detection_is_deterministic(tmp_path):
    path = tmp_path / "english.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    first = list(read_paths([path]))
    assert [a.language for a in first] == ["en"]
    for _ in range(3):
        assert list(read_paths([tmp_path / "english.txt"])) == first


def test_short_text_is_not_judged(tmp_path):
    # Too short for language detection: kept (and assumed English).
    path = tmp_path / "short.txt"
    path.write_text("Guten Tag.", encoding="utf-8")
    assert [a.text for a in read_paths([path])] == ["Guten Tag."]


def test_truncated_and_malformed_jsonl_lines(tmp_path):
    lines = [
        json.dumps({"text": GOOD}),
        '{"text": "cut off in the midd',
        "not json at all",
        json.dumps({"text": 42}),
        json.dumps({"text": GOOD.replace("Tuesday", "Monday")}),
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read_paths([path]))
    assert [r.text for r in results if isinstance(r, Article)] == [GOOD, GOOD.replace("Tuesday", "Monday")]
    problems = [(r.source.rsplit(":", 1)[1], r.reason) for r in results if isinstance(r, Skipped)]
    assert problems == [("2", "malformed-json"), ("3", "malformed-json"), ("4", "missing-text")]
    assert "line 2" in next(r for r in results if isinstance(r, Skipped)).detail


def test_jsonl_bad_bytes_on_one_line(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(
        json.dumps({"text": GOOD}).encode() + b"\n" + b'{"text": "caf\xe9"}\n' + json.dumps({"text": GOOD + " Again."}).encode()
    )
    results = list(read_paths([path]))
    assert [type(r).__name__ for r in results] == ["Article", "Skipped", "Article"]
    assert results[1].reason == "undecodable" and results[1].source.endswith(":2")


def test_html_without_body(tmp_path):
    html = b"<!DOCTYPE html><html><head><title>x</title></head></html>"
    assert only_skip(read_with_good(tmp_path, "b_page.html", html)).reason == "no-main-text"


def test_feed_with_broken_entries(tmp_path):
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
    <item><title>Only a title</title></item>
    <item><title>Good entry</title><link>https://t.example/1</link><description>Sylvania closed its embassy.</description></item>
    <item><description></description></item>
    </channel></rss>"""
    path = tmp_path / "f.rss"
    path.write_bytes(feed)
    results = list(read_paths([path]))
    assert [r.title for r in results if isinstance(r, Article)] == ["Good entry"]
    assert [(r.source.rsplit("#", 1)[1], r.reason) for r in results if isinstance(r, Skipped)] == [
        ("entry-1", "broken-feed-entry"),
        ("entry-3", "broken-feed-entry"),
    ]


def test_truncated_feed(tmp_path):
    skipped = only_skip(read_with_good(tmp_path, "b_feed.rss", b"<?xml version='1.0'?><rss><channel><title>Cut"))
    assert skipped.reason == "malformed-feed"


def test_feed_truncated_inside_an_entry(tmp_path):
    # feedparser recovers the entry it was in; with no text it is a broken entry.
    data = b"<?xml version='1.0'?><rss><channel><item><title>"
    assert only_skip(read_with_good(tmp_path, "b_feed.rss", data)).reason == "broken-feed-entry"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-12-16", date(2022, 12, 16)),
        ("2022-12-16T08:15:00+03:00", date(2022, 12, 16)),
        ("December 16 2022", date(2022, 12, 16)),
        ("16 December 2022", date(2022, 12, 16)),
        ("Dec 16, 2022", date(2022, 12, 16)),
        ("Friday, December 16, 2022", date(2022, 12, 16)),
        ("Fri, 16 Dec 2022 10:00:00 GMT", date(2022, 12, 16)),
        ("12/16/2022", date(2022, 12, 16)),
        (date(2022, 12, 16), date(2022, 12, 16)),
        (1671148800, date(2022, 12, 16)),
    ],
)
def test_dates_in_many_formats(value, expected):
    assert parse_date(value) == (expected, None)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("banana", "bad-date"),
        ("yesterday", "bad-date"),
        ("2022-02-30", "bad-date"),
        ("0000-00-00", "bad-date"),
        ("December 2022", "bad-date"),  # no day
        ("16", "bad-date"),
        ("x" * 200, "bad-date"),
        ("1066-10-14", "date-out-of-range"),
        ("2999-01-01", "date-out-of-range"),
        (True, "bad-date"),
        ([2022, 12, 16], "bad-date"),
    ],
)
def test_nonsense_dates(value, reason):
    found, problem = parse_date(value)
    assert found is None
    assert problem is not None and problem[0] == reason


def test_bad_date_keeps_the_article_with_a_warning(tmp_path):
    path = tmp_path / "e.jsonl"
    path.write_text(json.dumps({"text": GOOD, "date": "the day after tomorrow"}) + "\n", encoding="utf-8")
    results = list(read_paths([path], warnings=True))
    warning, article = results
    assert isinstance(warning, ReadWarning) and warning.reason == "bad-date"
    assert "kept with no date" in warning.detail
    assert isinstance(article, Article) and article.published is None
    # Warnings are opt-in: by default the stream is Article | Skipped only.
    assert list(read_paths([path])) == [article]


def test_reader_crash_is_a_skip_not_an_exception(tmp_path, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("boom")
        yield  # pragma: no cover

    monkeypatch.setattr(reader_paths, "read_text_file", explode)
    path = tmp_path / "x.txt"
    path.write_text(GOOD, encoding="utf-8")
    [skipped] = list(read_paths([path]))
    assert skipped.reason == "unreadable" and "RuntimeError: boom" in skipped.detail

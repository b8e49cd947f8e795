"""Each reader on fixtures written for these tests, and on the shared corpora
(read in place from ../shared, never copied)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from graph.models import Article
from ingest.readers import (
    InputRejected,
    JsonlFields,
    ReadWarning,
    Skipped,
    article_from_text,
    detect_format,
    read_file,
    read_paths,
)
from ingest.readers.dates import is_dateline
from ingest.readers.text import parse_byline

DATA = Path(__file__).resolve().parents[1] / "data" / "readers"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "corpus" / "seed" / "azerbaijan-israel-iran-2022-12-16.txt"
WIKINEWS = SHARED / "corpus" / "wikinews" / "wikinews-2019-2020.jsonl"


def articles(results) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def skips(results) -> list[Skipped]:
    return [r for r in results if isinstance(r, Skipped)]


# --- plain text -------------------------------------------------------------


def test_seed_article_metadata_and_body():
    if not SEED.exists():
        pytest.fail(f"the shared seed article is missing at {SEED}")
    results = list(read_paths([SEED]))
    assert skips(results) == []
    [article] = articles(results)
    assert article.title == "Azerbaijan will not allow Israel to attack Iran from its soil"
    assert article.published == date(2022, 12, 16)
    assert article.author == "News Desk"
    assert article.standfirst.startswith("The Azeri ambassador to the US said")
    assert "Photo Credit" not in article.text
    assert "Most Popular" not in article.text
    assert "By News Desk" not in article.text
    # Body only: the title is a separate field, the body starts at the first paragraph.
    assert article.title not in article.text
    assert article.text.startswith("Azeri Ambassador to the US Khazar Ibrahim informed Israeli media")
    assert article.text.rstrip().endswith("during a period of recent instability.")
    assert "\u00a0" not in article.text  # no-break spaces became plain spaces
    assert article.id.startswith("sha1:") and article.url is None
    assert article.source == str(SEED)


def test_seed_offsets_index_into_text():
    [article] = articles(read_paths([SEED]))
    start = article.text.index("Baku would not allow Tel Aviv")
    assert article.text[start : start + 4] == "Baku"
    # Paragraphs are separated by exactly one blank line.
    assert "\n\n\n" not in article.text
    assert all(p.strip() == p and p for p in article.text.split("\n\n"))


def test_text_layout_with_furniture_and_tail():
    [article] = articles(read_file(DATA / "layout.txt"))
    assert article.title == "Ruritania and Freedonia sign a border treaty"
    assert article.standfirst == "Both governments said the agreement ends a decade of disputes"
    assert article.author == "Jane Roe"
    assert article.published == date(2021, 3, 3)
    assert "Share this article" not in article.text
    assert "Image credit" not in article.text
    assert "Related Articles" not in article.text
    assert "Another story" not in article.text
    # A sentence that mentions "Read more" is text, a bare "Read more" line is not.
    assert article.text.endswith("Read more about the region in our archive.")
    # Hard-wrapped lines of one paragraph are joined with a space.
    assert "shared border. The text was hard-wrapped" in article.text
    assert article.text.count("\n\n") == 1


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By News Desk - December 16 2022", ("News Desk", "December 16 2022")),
        ("By Jane Roe | Published: March 3, 2021", ("Jane Roe", "March 3, 2021")),
        ("By Jane Roe, December 16, 2022", ("Jane Roe", "December 16, 2022")),
        ("BY JOHN DOE", ("JOHN DOE", None)),
        ("By Jane Roe - Reuters", ("Jane Roe", None)),
        ("Byzantium fell in 1453", None),
        ("The story by the river", None),
    ],
)
def test_parse_byline(line, expected):
    assert parse_byline(line) == expected


def test_text_without_title_is_all_body(tmp_path):
    body = (
        "Ruritania and Freedonia agreed on Monday to reopen their border crossings after talks, "
        "officials said, and both sides promised to keep the crossings open for trade."
    )
    path = tmp_path / "plain.txt"
    path.write_text(body + "\n", encoding="utf-8")
    [article] = articles(read_file(path))
    assert article.title is None
    assert article.text == body


def test_text_title_then_paragraph(tmp_path):
    path = tmp_path / "two.txt"
    path.write_text("A short headline\n\nThe only paragraph of the story.\n", encoding="utf-8")
    [article] = articles(read_file(path))
    assert article.title == "A short headline"
    assert article.text == "The only paragraph of the story."


def test_text_dateline_opening_body(tmp_path):
    path = tmp_path / "dated.txt"
    path.write_text("Headline here\n\nWednesday, May 5, 2021\n\nFirst paragraph.\n", encoding="utf-8")
    [article] = articles(read_file(path))
    assert article.published == date(2021, 5, 5)
    assert article.text == "First paragraph."


# --- HTML ---------------------------------------------------------------------


def test_html_main_text_and_metadata():
    [article] = articles(read_file(DATA / "page.html"))
    assert article.title == "Ruritania opens an embassy in Freedonia"
    assert article.author == "John Doe"
    assert article.published == date(2021, 5, 4)
    assert article.outlet == "Example News"
    # The canonical link, normalised: no tracking parameter, no trailing slash.
    assert article.url == "https://news.example.com/world/ruritania-embassy"
    assert article.id == article.url
    assert article.text.startswith("Ruritania opened its first embassy in Freedonia on Monday")
    assert "Home" not in article.text and "Copyright" not in article.text
    assert len(article.text.split("\n\n")) == 3


def test_html_without_body_is_skipped():
    [skipped] = list(read_file(DATA / "nobody.html"))
    assert isinstance(skipped, Skipped)
    assert skipped.reason == "no-main-text"


# --- feeds -------------------------------------------------------------------------


def test_rss_one_article_per_entry_and_broken_entries():
    results = list(read_file(DATA / "feed.rss"))
    found = articles(results)
    assert [a.title for a in found] == ["Freedonia recalls its ambassador", "Ruritania holds talks with Sylvania"]
    first, second = found
    assert first.url == "https://wire.example.org/stories/recall"  # fragment dropped
    assert first.published == date(2021, 4, 6)
    assert first.author == "Wire Desk"
    assert first.outlet == "Example Wire"
    assert first.text == "Freedonia recalled its ambassador from Ruritania on Tuesday.\n\nThe foreign ministry gave no reason."
    assert second.url == "https://wire.example.org/stories/talks"  # utm_medium dropped
    assert second.published is None
    [broken] = skips(results)
    assert broken.reason == "broken-feed-entry" and broken.source.endswith("feed.rss#entry-2")
    [warning] = [r for r in results if isinstance(r, ReadWarning)]
    assert warning.reason == "bad-date" and "not a date at all" in warning.detail


def test_atom_feed():
    [article] = articles(read_file(DATA / "atom.xml"))
    assert article.title == "Sylvania joins the regional alliance"
    assert article.author == "Ann Atom"
    assert article.published == date(2021, 6, 1)
    assert article.url == "https://atom.example.net/2021/06/sylvania-alliance"


def test_unreadable_feed_is_skipped():
    [skipped] = list(read_file(DATA / "broken.rss"))
    assert skipped.reason == "malformed-feed"


# --- JSONL --------------------------------------------------------------------


def test_jsonl_records_bad_lines_and_duplicates():
    results = list(read_paths([DATA / "corpus.jsonl"], warnings=True))
    found = articles(results)
    assert [a.title for a in found] == ["Test one", "Test two"]
    one, two = found
    assert one.published == date(2020, 2, 3)
    assert one.text == "Ruritania and Freedonia agreed on Monday to reopen their border crossings."
    assert one.outlet == "Wikinews" and one.license == "CC BY 2.5"
    assert one.source == f"{DATA / 'corpus.jsonl'}:1"
    # No date field: the dateline is the date, and it is not part of the text.
    assert two.published == date(2020, 2, 4)
    assert two.text.startswith("Sylvania condemned")
    reasons = {(s.source.rsplit(":", 1)[1], s.reason) for s in skips(results)}
    assert reasons == {
        ("2", "malformed-json"),
        ("4", "malformed-json"),
        ("5", "missing-text"),
        ("7", "duplicate"),  # Test_one again, with a tracking parameter and a fragment
        ("8", "missing-text"),  # its fields have other names
    }


def test_jsonl_custom_field_names():
    fields = JsonlFields.parse("url=link,text=body,date=when,author=meta.by")
    [article] = articles(read_file(DATA / "custom.jsonl", fields=fields))
    assert article.url == "https://example.org/custom"
    assert article.published == date(2021, 7, 8)
    assert article.author == "Kim Lee"
    # The same through keyword arguments, as the team brief names them.
    [again] = articles(read_paths([DATA / "custom.jsonl"], url="link", text="body", date="when"))
    assert again.id == article.id


def test_jsonl_fields_parse_errors():
    with pytest.raises(ValueError, match="unknown JSONL field 'body'"):
        JsonlFields.parse("body=text")
    with pytest.raises(ValueError, match="expected name=field"):
        JsonlFields.parse("text")


def test_json_array_file(tmp_path):
    path = tmp_path / "items.json"
    path.write_text(json.dumps([{"text": "First story text."}, {"text": "Second story text."}]), encoding="utf-8")
    assert [a.text for a in articles(read_paths([path]))] == ["First story text.", "Second story text."]


def test_wikinews_corpus_reads_whole():
    if not WIKINEWS.exists():
        pytest.fail(f"the shared Wikinews corpus is missing at {WIKINEWS}")
    records = [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines() if line.strip()]
    results = list(read_paths([WIKINEWS], warnings=True))
    found = articles(results)
    assert len(found) + len(skips(results)) == len(records)
    # The only skip is a record whose text is nothing but its dateline.
    for skipped in skips(results):
        line = int(skipped.source.rsplit(":", 1)[1])
        assert skipped.reason == "empty"
        assert is_dateline(records[line - 1]["text"].strip())
    by_url = {r["url"]: r for r in records}
    for article in found:
        record = by_url[article.url]
        assert article.published == date.fromisoformat(record["date"])
        assert article.title == record["title"]
        assert article.outlet == "Wikinews"
        assert article.license == "CC BY 2.5"
        assert not is_dateline(article.text.split("\n", 1)[0])
        # The body is the record's text (whitespace and zero-width characters aside).
        original = re.sub(r"[\u200b-\u200d\u2060\ufeff]", "", record["text"])
        assert " ".join(article.text.split())[:300] in " ".join(original.split())
    assert not [r for r in results if isinstance(r, ReadWarning)]


# --- directories, globs, detection ------------------------------------------------


def test_directory_recursive_and_glob(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Ruritania signed the treaty.", encoding="utf-8")
    (tmp_path / "a" / "b" / "two.txt").write_text("Freedonia signed the treaty too.", encoding="utf-8")
    (tmp_path / ".hidden" / "three.txt").write_text("Hidden files are not read.", encoding="utf-8")
    texts = [a.text for a in articles(read_paths([tmp_path]))]
    # Sorted by path: a/b/two.txt before a/one.txt.
    assert texts == ["Freedonia signed the treaty too.", "Ruritania signed the treaty."]
    globbed = [a.text for a in articles(read_paths([str(tmp_path / "**" / "two.txt")]))]
    assert globbed == ["Freedonia signed the treaty too."]


def test_missing_path_and_empty_glob(tmp_path):
    results = list(read_paths([tmp_path / "nope.txt", str(tmp_path / "*.none")]))
    assert [(s.reason, s.detail) for s in results] == [
        ("not-found", "no such file or directory"),
        ("not-found", "the pattern matches no file"),
    ]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.txt", "x", "text"),
        ("a.htm", "x", "html"),
        ("a.rss", "x", "feed"),
        ("a.jsonl", "x", "jsonl"),
        ("a.xml", "<?xml version='1.0'?><rss version='2.0'>", "feed"),
        ("a.xml", "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        ("noext", "<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("noext", '{"text": "x"}', "jsonl"),
        ("noext", "Just words.", "text"),
    ],
)
def test_detect_format(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert detect_format(path) == expected


def test_forced_format(tmp_path):
    path = tmp_path / "story.data"
    path.write_text('{"text": "Freedonia held elections."}\n', encoding="utf-8")
    assert [a.text for a in articles(read_paths([path], fmt="jsonl"))] == ["Freedonia held elections."]
    with pytest.raises(ValueError, match="unknown format"):
        list(read_paths([path], fmt="pdf"))


# --- article_from_text (the API's POST /v1/articles) ------------------------------------


def test_article_from_text_body_only():
    article = article_from_text(
        "Ruritania  recalled its envoy.\n\n\nFreedonia protested.",
        url="HTTPS://Example.COM/story/?utm_campaign=x",
        title="Envoy recalled",
        published="2021-02-03",
    )
    assert article.text == "Ruritania recalled its envoy.\n\nFreedonia protested."
    assert article.id == article.url == "https://example.com/story"
    assert article.published == date(2021, 2, 3)
    assert article.title == "Envoy recalled"
    assert article.outlet == "example.com"


def test_article_from_text_with_layout():
    if not SEED.exists():
        pytest.fail(f"the shared seed article is missing at {SEED}")
    article = article_from_text(SEED.read_text(encoding="utf-8"), layout=True)
    [from_file] = articles(read_paths([SEED]))
    assert (article.title, article.author, article.published, article.text) == (
        from_file.title,
        from_file.author,
        from_file.published,
        from_file.text,
    )
    assert article.id == from_file.id


def test_article_from_text_rejects_with_reason():
    with pytest.raises(InputRejected) as caught:
        article_from_text("   \n\n ")
    assert caught.value.reason == "empty"
    with pytest.raises(InputRejected) as caught:
        article_from_text("x" * 50, max_article_chars=10)
    assert caught.value.reason == "too-long"

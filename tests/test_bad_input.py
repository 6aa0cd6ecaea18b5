"""Whatever a transcription holds: a clear one-line error and nothing written, or TEI
that keeps every character of the source, with a warning where an editor should look."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st
from lxml import etree

from edition.build import convert
from edition.cli import main
from edition.errors import ConversionError
from edition.render import render
from edition.validate import validate

from conftest import SEEDS

HEAD = b"Letter From Chairman Khrushchev to President Kennedy\nMoscow, November 14, 1962.\n"

REFUSED = [
    # name, bytes, the message (after "edition: <file>:"), line:column
    ("latin-1.txt", HEAD + b"Caf\xe9 society.\n", "3:4: not UTF-8: byte 0xe9"),
    ("empty.txt", b"", "1: the transcription is empty"),
    ("blank.txt", b"  \n\t\n \n", "1: the transcription is empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "3:1: a binary file"),
    ("nul.txt", HEAD + b"A NUL\x00 byte.\n", "3:6: a binary file"),
    ("control.txt", HEAD + b"A form\x0cfeed.\n", "3:7: control character U+000C"),
    ("no-heading.txt", b"\nMoscow, November 14, 1962.\nText.\n", "1: line 1 is blank"),
    ("no-dateline.txt", b"Letter\n\nText.\n", "2: line 2 must be the dateline"),
    ("heading-only.txt", b"Letter\n", "2: line 2 must be the dateline"),
]


def convert_cli(path, out):
    return CliRunner().invoke(main, ["convert", str(path), "-o", str(out),
                                     "--register", str(SEEDS / "register.xml")])


@pytest.mark.parametrize("name, data, says", REFUSED, ids=[r[0] for r in REFUSED])
def test_convert_refuses_in_one_line_and_writes_nothing(tmp_path, name, data, says):
    source, out = tmp_path / name, tmp_path / "out.xml"
    source.write_bytes(data)
    result = convert_cli(source, out)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"edition: {source}:{says}")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert not out.exists() and list(tmp_path.iterdir()) == [source]


@pytest.mark.parametrize("name, data, says", REFUSED, ids=[r[0] for r in REFUSED])
def test_build_refuses_in_one_line_and_writes_nothing(tmp_path, name, data, says):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "khrushchev-kennedy-1962-11-14.txt").write_bytes(
        (SEEDS / "khrushchev-kennedy-1962-11-14.txt").read_bytes())
    (seeds / "bad-letter.txt").write_bytes(data)
    result = CliRunner().invoke(main, ["build", "--seeds", str(seeds), "--out",
                                       str(tmp_path / "build"), "--register",
                                       str(SEEDS / "register.xml")])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith(
        f"edition: {seeds / 'bad-letter.txt'}:{says}")
    assert not (tmp_path / "build").exists()


def test_an_unsafe_file_name_is_refused_with_a_safe_one_proposed(tmp_path):
    source = tmp_path / "14 Nov 1962 (K&K).txt"
    source.write_bytes(HEAD + b"Text.\n")
    result = convert_cli(source, tmp_path / "out.xml")
    assert result.exit_code == 1
    assert "rename it, for example to 'letter-14-Nov-1962-K-K.txt'" in result.stderr


def converted(data: bytes, register) -> tuple[bytes, str, list[str]]:
    """The TEI, its diplomatic text, and the converter's reports."""
    result = convert(data, name="letter.txt", register=register)
    tree = etree.ElementTree(etree.fromstring(result.tei))
    return (result.tei, render(tree, "diplomatic", strict=True).decode("utf-8"),
            [r.message for r in result.reports])


def source_lines(data: bytes) -> list[str]:
    text = data.decode("utf-8").removeprefix("\ufeff")
    return [line.removesuffix("\r") for line in text.split("\n")
            if line.strip()]


def assert_faithful(data: bytes, register, schemas) -> tuple[bytes, list[str]]:
    tei, diplomatic, reports = converted(data, register)
    errors = [p for p in validate(tei, name="letter.xml", register=register,
                                  schemas=schemas) if p.severity == "error"]
    assert errors == []
    assert [line for line in diplomatic.split("\n") if line.strip()] == source_lines(data)
    return tei, reports


def test_a_bom_and_crlf_are_accepted_and_said_in_the_header(register, schemas):
    data = b"\xef\xbb\xbf" + HEAD.replace(b"\n", b"\r\n") + b"Text./1/\r\n"
    tei, reports = assert_faithful(data, register, schemas)
    assert reports[0].startswith("the source's UTF-8 byte-order mark and CRLF line ends "
                                 "are left out of the text")
    change = etree.fromstring(tei).findtext(".//{*}change")
    assert change.endswith("The source's UTF-8 byte-order mark and CRLF line ends are "
                           "not part of the text.")


@pytest.mark.parametrize("line, warns", [
    (b"A/1/ b/3/ c/2/.", "out of sequence"),
    (b"A/1/ b/1/ c.", "out of sequence"),
    (b"A marker // without its number.", "without its number"),
    (b"Two markers/1/2/ run together.", "markers run together"),
    (b"No marker here.\n\n/1/ A note text no marker calls.", "no marker of the letter calls"),
    (b"One marker./1/\n\n/1/ Its note.\n/1/ A second text for it.", "no marker of the letter"),
    (b"Specials & < > \" ' and ]]> in the text.", None),
    ("Beyond the BMP: \U0001d11e \U0001f600.".encode("utf-8"), None),
])
def test_odd_but_faithful_input_is_kept_with_a_warning(register, schemas, line, warns):
    _, reports = assert_faithful(HEAD + line + b"\n", register, schemas)
    if warns:
        assert any(warns in r for r in reports), reports
    else:
        assert reports == []


def test_a_10_mb_line_is_encoded(register):
    paragraph = (SEEDS / "khrushchev-kennedy-1962-11-14.txt").read_bytes().split(b"\n")[6]
    line = (paragraph.replace(b"283", b"28") + b" ") * (10_000_000 // (len(paragraph) + 1))
    tei, diplomatic, _ = converted(HEAD + line + b"\n", register)
    assert len(tei) > 10_000_000
    assert diplomatic.split("\n")[2] == line.decode("utf-8")


# --------------------------------------------------------------------- properties

LETTER_LIKE = st.lists(st.one_of(
    st.sampled_from(["Cuba", "Kennedy", "Robert Kennedy", "Mr. President", "October 27",
                     "and 28", "1962..", "/1/", "/2/", "/3/", "283", "3", "//", "&", "<",
                     "]]>", '"', "Dear Mr. Chairman:", "Sincerely,", "JFK", "Begin Text.",
                     "End Text.", "\t", "  ", "\r", "\U0001f600"]),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=12)),
    min_size=1, max_size=30).map(" ".join)
LINES = st.lists(LETTER_LIKE, min_size=0, max_size=8).map("\n".join)
PROPERTY = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(text=st.text(max_size=300))
def test_any_text_converts_to_valid_tei_or_a_conversion_error(register, schemas, text):
    data = text.encode("utf-8")
    try:
        assert_faithful(data, register, schemas)
    except ConversionError:
        pass


@PROPERTY
@given(head=LETTER_LIKE.filter(str.strip), dateline=LETTER_LIKE.filter(str.strip),
       body=LINES)
def test_letter_like_text_converts_faithfully(register, schemas, head, dateline, body):
    data = f"{head}\n{dateline}\n\n{body}\n".encode("utf-8")
    assert_faithful(data, register, schemas)  # a heading and a dateline: never refused

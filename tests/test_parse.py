"""The text reader: blocks, markers at exact offsets, repairs, and refusals."""

from __future__ import annotations

import pytest

from edition.errors import ConversionError
from edition.parse import letter_id, parse

from conftest import SEED_NAME


def test_seed_has_heading_dateline_and_thirteen_paragraphs(seed_bytes):
    letter = parse(seed_bytes, name=SEED_NAME)
    assert letter.id == "khrushchev-kennedy-1962-11-14"
    assert letter.head.text == "Message From Chairman Khrushchev to President Kennedy"
    assert letter.dateline.text == "Moscow, November 14, 1962."
    assert len(letter.text.body) == 13
    assert [p.line for p in letter.text.body[:3]] == [5, 7, 8]


def test_every_seed_marker_sits_where_the_source_had_it(seed_bytes):
    letter = parse(seed_bytes, name=SEED_NAME)
    source = seed_bytes.decode("utf-8").split("\n")
    markers = letter.markers
    assert [m.n for m in markers] == ["1", "2", "3"]
    assert [(m.line, m.column) for m in markers] == [(5, 84), (7, 203), (7, 758)]
    first = letter.text.body[0]
    assert first.text[:markers[0].offset].endswith("the President of the United States")
    assert source[4][:83].endswith("United States")


def test_283_is_day_28_followed_by_note_3(seed_bytes):
    letter = parse(seed_bytes, name=SEED_NAME)
    block = letter.text.body[1]
    (repair,) = block.repairs
    assert (repair.sic, block.corr(repair), repair.rule) == ("283", "28", "marker")
    assert repair.marker.n == "3" and repair.marker.offset == repair.end
    assert block.text[repair.start - 15:repair.end + 9] == "October 27 and 28 to which"


def test_doubled_full_stop_of_the_dateline_is_repaired_and_reported(seed_bytes):
    letter = parse(seed_bytes, name=SEED_NAME)
    (repair,) = letter.dateline.repairs
    assert (repair.sic, letter.dateline.corr(repair)) == ("..", ".")
    assert [(r.line, r.column) for r in letter.reports] == [(2, 26), (7, 756)]


def test_marker_glued_to_a_signature_is_restored():
    letter = parse(b"Letter\nWashington, October 22, 1962.\n\nText./1/ More./2/\nJFK3\n",
                   name="kennedy-khrushchev-1962-10-22.txt")
    signature = letter.text.closer[-1]
    assert (signature.kind, signature.text) == ("signed", "JFK")
    assert signature.repairs[0].marker.n == "3"


def test_a_valid_day_is_never_read_as_a_marker():
    letter = parse(b"Letter\nMoscow, November 14, 1962.\nA/1/ b/2/ of October 23 c./3/\n",
                   name="a.txt")
    assert letter.text.body[0].text == "A b of October 23 c."
    assert not letter.text.body[0].repairs and not letter.reports


def test_a_day_that_may_hide_the_next_marker_is_kept_and_reported():
    letter = parse(b"Letter\nMoscow, November 14, 1962.\nA/1/ b/2/ of October 23 c.\n",
                   name="a.txt")
    assert not letter.text.body[0].repairs
    assert [(r.line, r.column, r.message) for r in letter.reports] == [(3, 22, (
        "'23' may be day 23 or day 2 followed by note 3, the number expected next; "
        "kept as the source has it"))]


def test_marker_out_of_sequence_is_kept_and_reported():
    letter = parse(b"Letter\nMoscow, November 14, 1962.\nA/1/ b/3/.\n", name="a.txt")
    assert [m.n for m in letter.markers] == ["1", "3"]
    assert "out of sequence (expected /2/)" in letter.reports[0].message


def test_note_block_after_the_letter_gives_the_note_texts():
    letter = parse(b"Letter\nMoscow, November 14, 1962.\nA./1/\n\n/1/ Not printed.\n",
                   name="a.txt")
    assert [(n.n, n.block.text, n.block.line, n.block.column)
            for n in letter.note_texts] == [("1", "Not printed.", 5, 5)]
    assert len(letter.text.body) == 1


@pytest.mark.parametrize("data, message, line", [
    (b"", "the transcription is empty", 1),
    (b"\nMoscow, 1962.\n", "line 1 is blank", 1),
    (b"Heading only\n", "line 2 must be the dateline", 2),
    (b"Letter\nMoscow\xff, 1962.\n", "not UTF-8: byte 0xff", 2),
])
def test_bad_input_is_refused_with_its_line(data, message, line):
    with pytest.raises(ConversionError) as err:
        parse(data, name="a.txt")
    assert message in err.value.message and err.value.line == line


def test_unsafe_file_name_is_refused_with_a_proposal():
    with pytest.raises(ConversionError, match="'letter-1962-11-14-k-k.txt'"):
        letter_id("1962-11-14 k&k.txt")

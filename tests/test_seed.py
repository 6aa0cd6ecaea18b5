"""The seed letter end to end: its TEI, HTML and texts (snapshots), and their checks."""

from __future__ import annotations

import pytest
from lxml import etree

from edition.render import RENDERERS, render
from edition.tei import NS, XML_ID, parse_xml
from edition.validate import validate

from conftest import SEED_NAME, SEEDS

SEED_TEI_NAME = "khrushchev-kennedy-1962-11-14.xml"


@pytest.fixture(scope="module")
def tree(seed_tei):
    return parse_xml(seed_tei)


def test_tei_snapshot(seed_tei, file_regression):
    file_regression.check(seed_tei.decode("utf-8"), extension=".xml")


@pytest.mark.parametrize("output", sorted(RENDERERS))
def test_output_snapshots(tree, output, file_regression):
    data = render(tree, output, strict=True)
    file_regression.check(data.decode("utf-8"), extension=RENDERERS[output].extension)


def test_seed_tei_is_valid_against_xsd_schematron_and_references(seed_tei, register,
                                                                  schemas):
    assert validate(seed_tei, name=SEED_TEI_NAME, register=register,
                    schemas=schemas) == []


def test_seed_tei_and_register_conform_to_tei_all(seed_tei, tei_all):
    for data in (seed_tei, (SEEDS / "register.xml").read_bytes()):
        tree = parse_xml(data)
        assert tei_all.validate(tree), str(tei_all.error_log)


def test_register_is_valid(schemas):
    assert validate((SEEDS / "register.xml").read_bytes(), name="register.xml",
                    schemas=schemas) == []


def test_diplomatic_text_reproduces_every_non_blank_line(tree, seed_bytes):
    diplomatic = render(tree, "diplomatic", strict=True).decode("utf-8")
    source = [line for line in seed_bytes.decode("utf-8").split("\n") if line.strip()]
    assert [line for line in diplomatic.split("\n") if line.strip()] == source


def test_notes_are_numbered_placed_and_empty_where_the_source_has_no_text(tree):
    notes = tree.findall(".//tei:text//tei:note", NS)
    assert [(n.get("n"), n.get("place"), n.get("type")) for n in notes] == [
        ("1", "foot", "editorial"), ("2", "foot", "editorial"), ("3", "foot", "editorial")]
    assert len({n.get(XML_ID) for n in notes}) == 3
    assert all(n.find("tei:gap", NS).get("reason") == "not-in-source" for n in notes)
    assert notes[0].getprevious().text == "United States"


def test_283_is_encoded_as_choice_with_the_note_in_corr(tree):
    choice = tree.find(".//tei:p/tei:choice", NS)
    assert choice.findtext("tei:sic", namespaces=NS) == "283"
    corr = choice.find("tei:corr", NS)
    assert corr.get("type") == "marker"
    assert [etree.QName(c).localname for c in corr] == ["date", "note"]
    assert corr.find("tei:date", NS).get("when") == "1962-10-28"
    assert corr.find("tei:note", NS).get("n") == "3"
    declared = tree.xpath("//tei:editorialDecl/tei:correction/tei:p/@n", namespaces=NS)
    assert declared == ["marker", "punctuation"]


def test_dateline_has_place_date_and_repaired_full_stop(tree):
    dateline = tree.find(".//tei:opener/tei:dateline", NS)
    assert dateline.find("tei:placeName", NS).get("ref") == "register.xml#moscow"
    assert dateline.find("tei:date", NS).get("when") == "1962-11-14"
    assert dateline.findtext("tei:choice/tei:sic", namespaces=NS) == ".."
    assert dateline.findtext("tei:choice/tei:corr", namespaces=NS) == "."


@pytest.mark.parametrize("element, text, ref", [
    ("persName", "Khrushchev", "khrushchev-nikita"),
    ("persName", "Kennedy", "kennedy-john-f"),
    ("persName", "U Thant", "thant-u"),
    ("persName", "McCloy", "mccloy-john"),
    ("persName", "Stevenson", "stevenson-adlai"),
    ("placeName", "Moscow", "moscow"),
    ("placeName", "Cuba", "cuba"),
    ("placeName", "Caribbean", "caribbean"),
    ("placeName", "United States", "united-states"),
    ("orgName", "UN", "united-nations"),
    ("orgName", "Senate", "us-senate"),
    ("orgName", "House of Representatives", "us-house"),
    ("rs", "the President", "kennedy-john-f"),
    ("rs", "your former rival", "nixon-richard"),
])
def test_mentions_point_into_the_register(tree, element, text, ref):
    found = {(el.text, el.get("ref")) for el in tree.iterfind(f".//tei:text//tei:{element}", NS)}
    assert (text, f"register.xml#{ref}") in found


def test_october_27_and_28_are_two_dates(tree):
    whens = [d.get("when") for d in tree.iterfind(".//tei:p//tei:date", NS)]
    assert whens == ["1962-10-27", "1962-10-28"]


def test_header_has_correspondence_source_and_licence(tree):
    header = tree.find("tei:teiHeader", NS)
    sent = header.find(".//tei:correspAction[@type='sent']", NS)
    assert sent.find("tei:persName", NS).get("ref") == "register.xml#khrushchev-nikita"
    assert sent.find("tei:date", NS).get("when") == "1962-11-14"
    received = header.find(".//tei:correspAction[@type='received']", NS)
    assert received.find("tei:persName", NS).get("ref") == "register.xml#kennedy-john-f"
    assert header.findtext(".//tei:idno[@type='filename']", namespaces=NS) == SEED_NAME
    assert len(header.findtext(".//tei:idno[@type='sha256']", namespaces=NS)) == 64
    assert header.find(".//tei:licence", NS).get("target").startswith("https://")


def test_html_links_each_footnote_both_ways(tree):
    html = etree.fromstring(render(tree, "html"), etree.HTMLParser())
    for ref in html.iterfind(".//sup[@class='noteref']/a"):
        target = ref.get("href")[1:]
        (note,) = html.xpath(f"//li[@id='{target}']")
        assert note.find("a[@class='back']").get("href") == f"#{ref.get('id')}"
    assert len(html.findall(".//sup[@class='noteref']")) == 3


def test_published_source_keeps_its_punctuation(tree):
    bibl = tree.find(".//tei:sourceDesc/tei:bibl[@type='published']", NS)
    text = " ".join("".join(bibl.itertext()).split())
    assert "Exchanges, Charles S. Sampson, United States Government Printing Office," in text

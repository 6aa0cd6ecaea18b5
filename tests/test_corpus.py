"""The Kennedy–Khrushchev test corpus (tests/corpus/, copied from shared/corpus/):
every input in its three forms converts to valid TEI, and the scorer's figures against
the official FRUS encoding meet the targets, so that a regression fails CI."""

from __future__ import annotations

import json

import pytest
from lxml import etree

from edition import evaluate
from edition.build import convert
from edition.render import render
from edition.validate import validate

from conftest import ROOT

VOLUME = ROOT / "tests" / "corpus" / "frus-1961-63-v06"
FORMS = ("plain", "notes", "damaged")
INPUTS = sorted(VOLUME.glob("inputs/*/d*.txt"))
ERRATA = evaluate.read_errata((ROOT / "tests" / "corpus" / "errata.tsv").read_text("utf-8"))


@pytest.fixture(scope="module")
def converted(register):
    """Every input, converted once: {(form, "d60"): Converted}."""
    return {(path.parent.name, path.stem): convert(path.read_bytes(), name=path.name,
                                                   register=register)
            for path in INPUTS}


def test_the_corpus_has_16_documents_in_3_forms():
    assert len(INPUTS) == 48
    assert {p.parent.name for p in INPUTS} == set(FORMS)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_every_input_converts_to_valid_tei(path, converted, register, schemas, tei_all):
    tei = converted[path.parent.name, path.stem].tei
    problems = validate(tei, name=f"{path.stem}.xml", register=register, schemas=schemas)
    assert [p for p in problems if p.severity == "error"] == []
    assert tei_all.validate(etree.fromstring(tei)), tei_all.error_log


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_the_diplomatic_text_gives_back_every_source_line(path, converted):
    tree = etree.ElementTree(etree.fromstring(converted[path.parent.name, path.stem].tei))
    diplomatic = render(tree, "diplomatic", strict=True).decode("utf-8")
    source = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
    assert [line for line in diplomatic.splitlines() if line.strip()] == source


@pytest.mark.parametrize("form", FORMS)
def test_scores_against_the_gold_meet_the_targets(form, converted, register):
    scores = [evaluate.score(gold.stem, evaluate.read_gold(gold.read_bytes()),
                             evaluate.read_ours(converted[form, gold.stem].tei, register),
                             ERRATA)
              for gold in sorted(VOLUME.glob("gold/d*.xml")) if gold.stem != "d77"]
    total = evaluate.total(scores)
    assert len(scores) == 16
    assert total.anchors == 39 and total.anchor_share == 1.0, total.disagreements
    assert total.recall >= 0.98 and total.precision >= 0.98, total.line()
    assert total.identity >= 0.98, total.line()
    # every disagreement the errata excuse is one the scorer still lists
    assert sum("erratum:" in line for line in total.disagreements) == 3


def test_every_damaged_marker_is_repaired_where_the_corpus_says(converted):
    for sidecar in sorted(VOLUME.glob("inputs/damaged/d*.json")):
        expected = [(d["line"], d["column"], d["n"]) for d in json.loads(sidecar.read_text())]
        letter = converted["damaged", sidecar.stem].letter
        repaired = [(r.line, r.column, r.marker.n) for b in letter.blocks
                    for r in b.repairs if r.rule == "marker"]
        assert repaired == expected, sidecar.name


def tei_of(converted, document: str, form: str = "plain") -> etree._Element:
    return etree.fromstring(converted[form, document].tei)


def xpath(el: etree._Element, path: str) -> list:
    return el.xpath(path, namespaces={"t": "http://www.tei-c.org/ns/1.0"})


def test_a_salutation_that_opens_the_first_paragraph_is_split_off(converted):
    div = xpath(tei_of(converted, "d60"), "//t:body/t:div")[0]
    assert xpath(div, "string(t:opener/t:salute)") == "Dear Mr. Chairman:"
    assert xpath(div, "string(t:opener/t:salute/@rend)") == "run-in"
    assert xpath(div, "string(t:p[1])").startswith("A copy of the statement")
    assert xpath(div, "t:closer/t:salute/text()") == ["Sincerely,"]
    assert xpath(div, "string(t:closer/t:signed/t:persName/@ref)") == \
        "register.xml#kennedy-john-f"


def test_a_telegram_carries_its_letter_and_is_signed_by_the_official(converted):
    div = xpath(tei_of(converted, "d61"), "//t:body/t:div")[0]
    assert div.get("type") == "telegram"
    assert xpath(div, "string(t:p[1]/t:idno[@type='telegram'])") == "1042"
    assert xpath(div, "t:label/text()") == ["Begin Text.", "End Text."]
    letter = xpath(div, "t:floatingText[@type='letter']/t:body")[0]
    assert xpath(letter, "string(t:opener/t:salute)") == "Mr. President."
    assert xpath(letter, "string(t:closer/t:signed)") == "N. Khrushchev."
    assert xpath(div, "string(t:closer/t:signed/t:persName/@ref)") == \
        "register.xml#kohler-foy"
    sent = xpath(tei_of(converted, "d61"), "//t:correspAction[@type='sent']")[0]
    assert [el.get("ref") for el in sent if el.get("ref")] == [
        "register.xml#us-embassy-moscow", "register.xml#kohler-foy", "register.xml#moscow"]


@pytest.mark.parametrize("document, when", [
    ("d61", "1962-10-23T17:00:00+03:00"),  # Moscow
    ("d67", "1962-10-27T20:05:00-04:00"),  # Washington, daylight time
    ("d69", "1962-10-28T17:03:00-05:00"),  # Washington, after it ended that morning
    ("d60", "1962-10-22"),
])
def test_dateline_times_carry_the_zone_of_the_place_on_that_day(converted, document, when):
    tei = tei_of(converted, document)
    assert xpath(tei, "string(//t:opener/t:dateline/t:date/@when)") == when
    assert xpath(tei, "string(//t:correspAction[@type='sent']/t:date/@when)") == when


def test_an_undated_letter_gets_no_invented_date(converted):
    tei = tei_of(converted, "d73")
    (date,) = xpath(tei, "//t:body/t:div/t:opener/t:dateline/t:date")
    assert date.text == "undated" and date.get("when") is None
    assert xpath(tei, "//t:correspAction[@type='sent']/t:date/@when") == []


def test_a_repeated_note_number_is_kept_and_warned_about(converted, register, schemas):
    result = converted["notes", "d75"]
    notes = xpath(etree.fromstring(result.tei), "//t:text//t:note")
    assert [(n.get("n"), n.text) for n in notes][1:] == [("1", "Printed from an unsigned copy.")]
    assert len({n.get("{http://www.w3.org/XML/1998/namespace}id") for n in notes}) == 2
    assert any("/1/ out of sequence" in r.message for r in result.reports)
    warnings = [p for p in validate(result.tei, name="d75.xml", register=register,
                                    schemas=schemas) if p.severity == "warning"]
    assert [p.rule for p in warnings] == ["note-sequence"]


@pytest.mark.parametrize("path", INPUTS[:16], ids=lambda p: p.stem)
def test_the_reading_text_is_wrapped_at_72_under_a_header(path, converted):
    tei = converted[path.parent.name, path.stem].tei
    text = render(etree.ElementTree(etree.fromstring(tei)), "text", strict=True)
    lines = text.decode("utf-8").split("\n")
    assert lines[0].startswith("Source: Foreign Relations of the United States")
    assert any(line.startswith("Licence: ") for line in lines[:8])
    assert [line for line in lines if len(line) > 72 and " " in line] == []
    # wrapping moves words between lines, never loses or changes one
    unwrapped = render(etree.ElementTree(etree.fromstring(tei)), "text", width="100000")
    assert text.split() == unwrapped.split() and len(unwrapped.split(b"\n")) < len(lines)

"""The register: the whole FRUS List of Names, verified authority ids only, and the
name forms each entry matches, shared surnames decided from context."""

from __future__ import annotations

import csv
import re

from lxml import etree

from edition.build import convert
from edition.tei import NS, XML_ID

from conftest import ROOT, SEEDS

CORPUS = ROOT / "tests" / "corpus"
AUTHORITIES = ("wikidata", "viaf", "geonames")


def register_tree() -> etree._Element:
    return etree.parse(str(SEEDS / "register.xml")).getroot()


def crosswalk() -> list[dict[str, str]]:
    with open(CORPUS / "authority.tsv", encoding="utf-8", newline="") as tsv:
        return list(csv.DictReader(tsv, delimiter="\t"))


def test_every_person_of_the_list_of_names_is_in_the_register(register):
    persons = etree.parse(str(CORPUS / "frus-1961-63-v06" / "persons.xml"))
    listed = {p.get(XML_ID) for p in persons.iterfind(".//tei:persName", NS)}
    ours = {dict(e.idnos).get("frus") for e in register.entries if e.kind == "person"}
    assert len(listed) == 58 and listed <= ours


def test_authority_ids_are_the_verified_values_of_the_crosswalk(register):
    rows = crosswalk()
    guesses = {guess.split(":", 1)[1] for row in rows
               for guess in row["unverified_guess"].split() if ":" in guess}
    by_key = {row["key"]: row for row in rows}
    published = [(entry.id, scheme, ident) for entry in register.entries
                 for scheme, ident in entry.idnos if scheme in AUTHORITIES]
    assert published, "no authority ids at all"
    for entry_id, scheme, ident in published:
        assert by_key[entry_id][scheme] == ident, (entry_id, scheme, ident)
        assert ident not in guesses
    # and every verified value of an entry the register has is published
    missing = [(row["key"], key) for row in rows for key in AUTHORITIES
               if row[key] and register.get(row["key"]) and
               (key, row[key]) not in register.get(row["key"]).idnos]
    assert missing == []


def test_each_entry_says_which_forms_it_matches():
    for entry in register_tree().xpath("tei:standOff/*/*", namespaces=NS):
        forms = [f.text for f in entry.xpath("*[@type='form']")]
        said = entry.findtext("tei:note[@type='forms']", namespaces=NS)
        assert re.findall(r"“([^”]+)”", said.split(" Indirect references")[0]) == forms, \
            entry.get(XML_ID)


def refs(tei: bytes, element: str = "persName") -> list[tuple[str, str]]:
    body = etree.fromstring(tei).find("tei:text", NS)
    return [(el.text, el.get("ref").split("#")[1])
            for el in body.iterfind(f".//tei:{element}", NS)]


def test_a_shared_surname_means_the_person_named_last(register):
    letter = (b"Letter From Chairman Khrushchev to President Kennedy\n"
              b"Moscow, October 28, 1962.\n\n"
              b"Ambassador Dobrynin spoke with Robert Kennedy. Kennedy said so.\n"
              b"I have your message, Mr. President.\n")
    tei = convert(letter, name="a.txt", register=register).tei
    assert refs(tei) == [("Khrushchev", "khrushchev-nikita"),
                         ("Kennedy", "kennedy-john-f"),  # in the heading: preferred
                         ("Dobrynin", "dobrynin-anatoly"),
                         ("Robert Kennedy", "kennedy-robert-f"),
                         ("Kennedy", "kennedy-robert-f")]  # just named: Robert


def test_a_shared_surname_no_entry_prefers_is_left_untagged(register):
    letter = b"Letter\nWashington, November 3, 1962.\n\nJohnson agreed.\n"
    assert refs(convert(letter, name="a.txt", register=register).tei) == []

"""Each rule of the validator, triggered by a broken document, with rule id and line."""

from __future__ import annotations

import pytest

from edition.validate import validate

from conftest import SEEDS, line_of

NAME = "khrushchev-kennedy-1962-11-14.xml"
NOTE_2 = '<note n="2" place="foot" type="editorial" xml:id="khrushchev-kennedy-1962-11-14-fn2">'


def problems(data: bytes, register, schemas, name: str = NAME):
    return validate(data, name=name, register=register, schemas=schemas)


def broken(seed_tei: bytes, old: str, new: str) -> bytes:
    text = seed_tei.decode("utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new).encode("utf-8")


def only(found, rule):
    assert [p.rule for p in found] == [rule], [str(p) for p in found]
    return found[0]


# --------------------------------------------------------------------- XSD

@pytest.mark.parametrize("old, new, at, says", [
    # a required element missing: the letter's heading
    ('<head>Message From Chairman <persName ref="register.xml#khrushchev-nikita">Khrushchev'
     '</persName> to President <persName ref="register.xml#kennedy-john-f">Kennedy</persName>'
     '</head>', "", "<opener>", "Tag 'tei:head' expected"),
    # content order: the opener after the first paragraph
    ("<opener>", "<p>Too early.</p><opener>", "<p>Too early.", "tei:opener"),
    # a misspelled attribute
    (NOTE_2, NOTE_2.replace('place="foot"', 'plase="foot"'), 'plase="foot"', "plase"),
    # a required attribute missing: a note without @n
    (NOTE_2, NOTE_2.replace('n="2" ', ""), 'xml:id="khrushchev-kennedy-1962-11-14-fn2"', "'n'"),
    # text directly in body
    ("<body>", "<body>Stray text", "<body>Stray text", "Stray text"),
    # a correspAction type outside the list
    ('<correspAction type="received">', '<correspAction type="receved">',
     'type="receved"', "receved"),
    # an element outside the schema
    ("<langUsage>", "<textClass/><langUsage>", "<textClass/>", "tei:textClass"),
])
def test_xsd_reports_the_element_and_line(seed_tei, register, schemas, old, new, at, says):
    data = broken(seed_tei, old, new)
    found = [p for p in problems(data, register, schemas) if p.rule.startswith("xsd-")]
    assert found, "no XSD error"
    assert found[0].line == line_of(data, at)
    assert any(says in p.message for p in found), [p.message for p in found]


# --------------------------------------------------------------------- Schematron

def test_target_must_resolve_within_the_file(seed_tei, register, schemas):
    data = broken(seed_tei, 'target="https://creativecommons.org/publicdomain/zero/1.0/"',
                  'target="#cc0"')
    problem = only(problems(data, register, schemas), "target-resolves")
    assert problem.line == line_of(data, 'target="#cc0"')
    assert "'#cc0'" in problem.message and problem.severity == "error"


@pytest.mark.parametrize("when", ["14-11-1962", "1962-13-01", "1962-11-32", "1962/11/14"])
def test_when_must_be_iso_8601(seed_tei, register, schemas, when):
    data = broken(seed_tei, '<date when="1962-10-27">', f'<date when="{when}">')
    problem = only(problems(data, register, schemas), "date-when-iso")
    assert problem.line == line_of(data, f'when="{when}"')
    assert f"'{when}'" in problem.message and "YYYY-MM-DD" in problem.message


@pytest.mark.parametrize("when", ["1962", "1962-10", "1962-10-27T17:00:00+03:00"])
def test_iso_8601_forms_are_accepted(seed_tei, register, schemas, when):
    data = broken(seed_tei, '<date when="1962-10-27">', f'<date when="{when}">')
    assert problems(data, register, schemas) == []


def test_note_numbers_out_of_order_are_a_warning(seed_tei, register, schemas):
    data = broken(seed_tei, NOTE_2, NOTE_2.replace('n="2"', 'n="5"'))
    problem = only(problems(data, register, schemas), "note-sequence")
    assert problem.severity == "warning"
    assert problem.line == line_of(data, 'n="5"')
    assert "n='5' is note 2" in problem.message


def test_corr_type_must_name_a_declared_rule(seed_tei, register, schemas):
    data = broken(seed_tei, '<corr type="marker">', '<corr type="guess">')
    problem = only(problems(data, register, schemas), "corr-rule-declared")
    assert "'guess'" in problem.message and "'marker'" in problem.message


@pytest.mark.parametrize("old, new, rule, says", [
    ('<idno type="viaf">64007537</idno>', '<idno type="isni">64007537</idno>',
     "authority-type", "'isni'"),
    ('<idno type="wikidata">Q35314</idno>', '<idno type="wikidata">35314</idno>',
     "wikidata-id", "'35314'"),
    ('<placeName type="reg">Moscow</placeName>', '<placeName type="main">Moscow</placeName>',
     "entry-reg-name", "'moscow' has 0 names"),
])
def test_register_rules(register, schemas, old, new, rule, says):
    data = broken((SEEDS / "register.xml").read_bytes(), old, new)
    problem = only(validate(data, name="register.xml", schemas=schemas), rule)
    assert says in problem.message
    at = '<place xml:id="moscow">' if rule == "entry-reg-name" else new
    assert problem.line == line_of(data, at)


# --------------------------------------------------------------------- Python checks

def test_ref_must_resolve_in_the_register_with_a_hint(seed_tei, register, schemas):
    data = broken(seed_tei, 'ref="register.xml#thant-u"', 'ref="register.xml#thant"')
    problem = only(problems(data, register, schemas), "ref-resolves")
    assert problem.line == line_of(data, 'ref="register.xml#thant"')
    assert "did you mean 'register.xml#thant-u'?" in problem.message


def test_ids_must_be_unique(seed_tei, register, schemas):
    data = broken(seed_tei, 'xml:id="khrushchev-kennedy-1962-11-14-fn2"',
                  'xml:id="khrushchev-kennedy-1962-11-14-fn1"')
    problem = only(problems(data, register, schemas), "id-unique")
    assert problem.line == line_of(data, "<note n=\"2\"")
    first = line_of(data, '<note n="1"')
    assert f"first on line {first}" in problem.message


def test_file_name_must_equal_the_root_id(seed_tei, register, schemas):
    problem = only(problems(seed_tei, register, schemas, name="build/tei/letter.xml"),
                   "id-matches-file")
    assert (problem.line, problem.column) == (2, 1)
    assert "'letter.xml'" in problem.message


def test_not_well_formed_gives_line_and_column(seed_tei, register, schemas):
    data = broken(seed_tei, "<langUsage>", "<langUsage><oops>")
    problem = only(problems(data, register, schemas), "well-formed")
    # libxml2 notices at the end tag that does not match
    assert problem.line == line_of(data, "</langUsage>")
    assert "oops" in problem.message and problem.column > 1


def test_column_points_at_the_offending_start_tag(seed_tei, register, schemas):
    data = broken(seed_tei, 'ref="register.xml#mccloy-john"', 'ref="register.xml#mcloy"')
    problem = only(problems(data, register, schemas), "ref-resolves")
    line = data.decode("utf-8").split("\n")[problem.line - 1]
    assert line[problem.column - 1:].startswith('<persName ref="register.xml#mcloy"')

"""The stylesheets are portable XSLT 1.0: Saxon (saxonche) gives what lxml gives.

The texts must be byte-identical; the HTML the same document once parsed (how a
doctype or an empty element is spelled is each engine's serialiser's business)."""

from __future__ import annotations

import pytest
from lxml import etree, html

from edition import resources
from edition.build import convert
from edition.render import (RENDERERS, index_corpus, register_corpus, render,
                            render_index, render_register)

from conftest import ROOT, SEEDS, SEED_NAME

saxonche = pytest.importorskip("saxonche", reason="needs saxonche (pip)")

NOTES = ROOT / "tests" / "corpus" / "frus-1961-63-v06" / "inputs" / "notes"
LETTERS = [SEEDS / SEED_NAME, NOTES / "d61.txt", NOTES / "d65.txt", NOTES / "d75.txt"]


@pytest.fixture(scope="module")
def saxon():
    with saxonche.PySaxonProcessor(license=False) as processor:
        yield processor


def by_saxon(saxon, tei: bytes, output: str = "html") -> str:
    renderer = RENDERERS[output]
    executable = saxon.new_xslt30_processor().compile_stylesheet(
        stylesheet_file=str(resources.XSLT / renderer.stylesheet))
    for name, value in renderer.params.items():
        executable.set_parameter(name, saxon.make_string_value(value))
    return executable.transform_to_string(
        xdm_node=saxon.parse_xml(xml_text=tei.decode("utf-8")))


def parsed(page: str) -> bytes:
    return etree.tostring(html.document_fromstring(page), method="c14n")


@pytest.mark.parametrize("source", LETTERS, ids=lambda p: p.stem)
@pytest.mark.parametrize("output", sorted(RENDERERS))
def test_saxon_and_lxml_agree(saxon, register, source, output):
    tei = convert(source.read_bytes(), name=source.name, register=register).tei
    ours = render(etree.ElementTree(etree.fromstring(tei)), output).decode("utf-8")
    theirs = by_saxon(saxon, tei, output)
    if output == "html":
        assert parsed(theirs) == parsed(ours)
    else:
        assert theirs == ours


def test_saxon_and_lxml_agree_on_the_index_and_the_register_page(saxon, register):
    letters = [etree.ElementTree(etree.fromstring(
        convert(source.read_bytes(), name=source.name, register=register).tei))
        for source in LETTERS]
    register_tree = etree.parse(str(SEEDS / "register.xml"))
    for corpus, ours in ((index_corpus(letters), render_index(letters)),
                         (register_corpus(register_tree, letters),
                          render_register(register_tree, letters))):
        theirs = by_saxon(saxon, etree.tostring(corpus, encoding="UTF-8"))
        assert parsed(theirs) == parsed(ours.decode("utf-8"))

"""The reading edition as a reader meets it: links that resolve, the register page,
and valid HTML5 by the W3C Nu checker."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html

from edition.cli import main

from conftest import ROOT, SEEDS

NOTES = ROOT / "tests" / "corpus" / "frus-1961-63-v06" / "inputs" / "notes"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The HTML of an edition of the seed letter and the 16 corpus letters."""
    root = tmp_path_factory.mktemp("edition")
    shutil.copytree(SEEDS, root / "seeds")
    for path in NOTES.glob("*.txt"):
        shutil.copy(path, root / "seeds" / path.name)
    result = CliRunner().invoke(main, ["build", "--seeds", str(root / "seeds"), "--out",
                                       str(root / "build"), "--register",
                                       str(root / "seeds" / "register.xml")])
    assert result.exit_code == 0, result.output
    return root / "build" / "html"


def test_every_link_between_pages_resolves(site):
    pages = {page.name: html.parse(str(page)).getroot() for page in site.glob("*.html")}
    ids = {name: set(page.xpath("//@id")) for name, page in pages.items()}
    checked = 0
    for name, page in pages.items():
        for href in page.xpath("//a/@href"):
            if href.startswith(("https://", "../tei/")):
                continue
            target, _, fragment = href.partition("#")
            target = target or name
            assert target in pages, f"{name}: {href}"
            assert not fragment or fragment in ids[target], f"{name}: {href}"
            checked += 1
    assert checked > 1000


def test_the_register_lists_the_letters_and_paragraphs_that_name_an_entry(site):
    page = html.parse(str(site / "register.html")).getroot()
    (entry,) = page.xpath("//article[@id='kennedy-robert-f']")
    assert entry.findtext("h3") == "Kennedy, Robert F."
    links = entry.xpath(".//ul[@class='mentions']//a/@href")
    assert "d70.html" in links and "d70.html#p1" in links
    assert page.xpath("//article[@id='rusk-dean']//a[@href='d62.html']")
    wikidata = page.xpath("//article[@id='khrushchev-nikita']//p[@class='authority']/a/@href")
    assert wikidata == ["https://www.wikidata.org/wiki/Q35314",
                        "https://viaf.org/viaf/64007537"]


def test_a_name_in_a_letter_links_to_its_register_entry(site):
    page = html.parse(str(site / "d70.html")).getroot()
    hrefs = page.xpath("//a[@class='persName'][. = 'Robert Kennedy']/@href")
    assert set(hrefs) == {"register.html#kennedy-robert-f"}


@pytest.mark.skipif(not VNU.is_file() or not shutil.which("java"),
                    reason="needs Java and the Nu checker (npm install vnu-jar; .ci/run "
                           "installs both)")
def test_the_nu_checker_finds_no_error_in_any_page(site):
    pages = sorted(str(p) for p in site.glob("*.html"))
    checked = subprocess.run(["java", "-jar", str(VNU), "--errors-only", *pages],
                             capture_output=True, text=True, timeout=300)
    assert checked.returncode == 0, checked.stderr
    assert len(pages) == 19


def test_each_letter_links_to_the_letters_before_and_after_it_in_date_order(site):
    order = []
    page = "d60.html"  # the first of the corpus: 22 October 1962
    while page:
        order.append(page)
        root = html.parse(str(site / page)).getroot()
        following = root.xpath("//nav[@class='sequence']/a[@rel='next']/@href")
        page = following[0] if following else None
    index = html.parse(str(site / "index.html")).getroot()
    dated = [href for href in index.xpath("//table[@class='index']//td/a/@href")]
    assert order == dated[dated.index("d60.html"):]
    assert order[-1] == "khrushchev-kennedy-1962-11-14.html"
    first = html.parse(str(site / dated[0])).getroot()
    assert first.xpath("//nav[@class='sequence']/a/@rel") == ["next"]

"""The reading edition in a real browser: Debian's chromium, headless, driven by
playwright. A reader follows a footnote and back, and a name to the register and back;
axe-core finds no accessibility violation; a screenshot is kept for review."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT

playwright = pytest.importorskip("playwright.sync_api", reason="needs playwright (pip)")

CHROMIUM = shutil.which("chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SITE = ROOT / "build" / "html"
LETTER = "khrushchev-kennedy-1962-11-14"
SCREENSHOT = ROOT / "build" / "screenshots" / f"{LETTER}.png"

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or not AXE.is_file(),
    reason="needs Debian's chromium and axe-core (npm); .ci/run installs both")


@pytest.fixture(scope="module")
def page():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser.new_page(viewport={"width": 1000, "height": 800})
        browser.close()


def url(name: str) -> str:
    return (SITE / name).as_uri()


def test_a_reader_follows_footnote_3_to_its_note_and_back(page):
    page.goto(url(f"{LETTER}.html"))
    page.click(f"sup.noteref a[href='#{LETTER}-fn3']")
    assert page.url.endswith(f"#{LETTER}-fn3")
    note = page.locator(f"li#{LETTER}-fn3")
    assert note.is_visible() and "The source gives no text" in note.inner_text()
    note.locator("a.back").click()
    assert page.url.endswith(f"#ref-{LETTER}-fn3")


def test_a_reader_follows_a_name_to_the_register_and_back(page):
    page.goto(url(f"{LETTER}.html"))
    page.click("a.persName:has-text('U Thant')")
    assert page.url.endswith("register.html#thant-u")
    entry = page.locator("article#thant-u")
    assert entry.locator("h3").inner_text() == "Thant, U"
    entry.locator(f"a[href='{LETTER}.html']").click()
    assert page.url.endswith(f"{LETTER}.html")
    assert page.locator("h1").inner_text().startswith("Message From Chairman Khrushchev")


@pytest.mark.parametrize("name", [f"{LETTER}.html", "index.html", "register.html"])
def test_axe_finds_no_accessibility_violation(page, name):
    page.goto(url(name))
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("async () => (await axe.run()).violations")
    assert [(v["id"], v["help"], len(v["nodes"])) for v in violations] == []


def test_the_letter_page_is_kept_as_a_screenshot_for_review(page):
    page.goto(url(f"{LETTER}.html"))
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.read_bytes().startswith(b"\x89PNG")

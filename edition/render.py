"""The writers: TEI trees to HTML pages and plain texts, through the XSLT stylesheets.

Outputs are picked from one table, so a new output is one row plus one stylesheet.
The stylesheets are XSLT 1.0, compiled once per process and run by lxml (libxslt).
"""

from __future__ import annotations

from collections.abc import Iterable
from copy import deepcopy
from dataclasses import dataclass, field
from functools import cache

from lxml import etree

from . import resources
from .errors import RenderError
from .tei import tei


@dataclass(frozen=True)
class Renderer:
    """A stylesheet, its parameters, and the extension of the files it writes."""

    stylesheet: str
    extension: str
    params: dict[str, str] = field(default_factory=dict)


RENDERERS = {
    "html": Renderer("tei-to-html.xsl", ".html"),
    "text": Renderer("tei-to-text.xsl", ".txt", {"view": "reading"}),
    "diplomatic": Renderer("tei-to-text.xsl", ".diplomatic.txt", {"view": "diplomatic"}),
}


def render(tree: etree._ElementTree, output: str, *, strict: bool = False,
           **params: str) -> bytes:
    """One output of a TEI document, as bytes; `strict` fails on unhandled elements;
    `params` set the stylesheet's parameters (width="60" for the reading text)."""
    renderer = RENDERERS[output]
    params = {k: etree.XSLT.strparam(v) for k, v in {**renderer.params, **params}.items()}
    transform = _stylesheet(renderer.stylesheet)
    try:
        result = transform(tree, strict="true()" if strict else "false()", **params)
    except etree.XSLTApplyError as err:
        raise RenderError(f"{renderer.stylesheet}: {err}") from None
    return bytes(result)


def render_index(trees: Iterable[etree._ElementTree]) -> bytes:
    """The index page of the letters, as HTML."""
    return bytes(_stylesheet("tei-to-html.xsl")(index_corpus(trees)))


def render_register(register: etree._ElementTree,
                    letters: Iterable[etree._ElementTree]) -> bytes:
    """The register page, as HTML: each entry lists the letters and paragraphs that
    mention it."""
    return bytes(_stylesheet("tei-to-html.xsl")(register_corpus(register, letters)))


def index_corpus(trees: Iterable[etree._ElementTree]) -> etree._ElementTree:
    """What the index page is rendered from: a teiCorpus of the letters' headers."""
    corpus = etree.Element(tei("teiCorpus"))
    for tree in trees:
        letter = etree.SubElement(corpus, tei("TEI"), tree.getroot().attrib)
        letter.append(deepcopy(tree.getroot().find(tei("teiHeader"))))
    return etree.ElementTree(corpus)


def register_corpus(register: etree._ElementTree,
                    letters: Iterable[etree._ElementTree]) -> etree._ElementTree:
    """What the register page is rendered from: a teiCorpus of the register and the
    letters."""
    corpus = etree.Element(tei("teiCorpus"))
    corpus.append(deepcopy(register.getroot()))
    corpus.extend(deepcopy(tree.getroot()) for tree in letters)
    return etree.ElementTree(corpus)


@cache
def _stylesheet(name: str) -> etree.XSLT:
    return etree.XSLT(etree.parse(str(resources.XSLT / name)))

"""Where the schemas and stylesheets live: `schema/` and `xslt/` beside the package.

The project is installed in editable mode (`pip install -e .`, as the README says), so
these are the repository's own files, the same ones the bundle ships.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
XSD = ROOT / "schema" / "edition.xsd"
SCHEMATRON = ROOT / "schema" / "edition.sch"
XSLT = ROOT / "xslt"
PACKAGE = ROOT / "edition"


def code_files() -> list[Path]:
    """Every file whose change can change an output: the package, stylesheets, schemas."""
    return sorted([*PACKAGE.glob("*.py"), *XSLT.glob("*"), *XSD.parent.glob("*")])

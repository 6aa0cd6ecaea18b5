"""edition: plain-text transcriptions of historical letters to a TEI P5 digital edition.

The stages, each a pure function over data (only `edition.cli` touches files):

    parse(bytes, name=...) -> Letter             edition.parse
    read_register(bytes) -> Register             edition.register
    tag(Letter, Register) -> spans per block     edition.tag
    encode(Letter, spans, Register) -> TEI tree  edition.encode
    validate(bytes, ...) -> [Problem]            edition.validate
    render(TEI tree, output) -> bytes            edition.render
    build(seeds, register) -> {path: bytes}      edition.build
"""

__version__ = "0.1.0"

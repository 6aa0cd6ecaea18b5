"""The one error family of the pipeline: every error knows where it happened."""

from __future__ import annotations


class EditionError(Exception):
    """An error in an input, carrying the file, line and column it concerns."""

    def __init__(self, message: str, *, file: str | None = None,
                 line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column

    def located(self, file: str) -> "EditionError":
        """Return the same error, naming `file` (stages see data, the CLI knows the name)."""
        self.file = file
        return self

    def __str__(self) -> str:
        where = ":".join(str(part) for part in (self.file, self.line, self.column)
                         if part is not None)
        return f"{where}: {self.message}" if where else self.message


class ConversionError(EditionError):
    """A transcription the converter cannot encode faithfully."""


class RegisterError(EditionError):
    """A register file that cannot be read as a register."""


class InvalidEdition(EditionError):
    """A built TEI file that fails validation."""


class RenderError(EditionError):
    """A stylesheet that failed on a document."""

"""Problems: what validation and loading find, as values that sort by position."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from skillstack.model import SourceRef

ProblemLevel = Literal["error", "warning"]


@dataclass(frozen=True, order=True, slots=True)
class Problem:
    file: str
    line: int
    col: int
    level: ProblemLevel
    rule: str
    message: str

    @classmethod
    def at(cls, where: SourceRef, level: ProblemLevel, rule: str, message: str) -> Problem:
        return cls(where.file, where.line, where.col, level, rule, message)

    @property
    def where(self) -> SourceRef:
        return SourceRef(self.file, self.line, self.col)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.level}: {self.message} [{self.rule}]"

"""Importers: pure functions from parsed external data to catalog records or profile changes.

- `ctdl`: Credential Engine CTDL JSON-LD (records, `@graph` bundles, registry envelopes)
  -> catalog credentials; `ctdl_export` goes the other way.
- `badges`: Open Badges 2.0 / 3.0 and CLR 2.0 credentials -> verdicts and held credentials.
- `onet`, `esco`: occupation and skill extracts -> catalog roles and skills.

Nothing here reads files, prints or exits: the CLI reads the inputs, hands the
parsed data in, and writes what comes back through `skillstack.fileio`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

NoticeLevel = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Notice:
    """Something an import could not take over as written, with the input file and record it is about."""

    file: str
    record: str  # a CTID, badge id or code; "" when the whole file is meant
    level: NoticeLevel
    message: str

    def __str__(self) -> str:
        at = f"{self.file}: {self.record}" if self.record else self.file
        return f"{at}: {self.message}"

    def as_json(self) -> dict[str, str]:
        return {"file": self.file, "record": self.record, "level": self.level, "message": self.message}

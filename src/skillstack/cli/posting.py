"""posting: what job postings ask for, resolved to the catalog, with evidence; -o writes a role."""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from pathlib import Path

import typer

from skillstack.cli.app import app, keep_until_exit
from skillstack.cli.options import CatalogOpt, Fmt, FormatOpt, catalog_paths
from skillstack.cli.output import print_report
from skillstack.errors import InputError, UsageError
from skillstack.fileio import read_input_bytes

MAX_BYTES = 1_000_000  # a job posting is a few pages; bounds the time on junk (~10 s a megabyte at worst)


class InputKind(str, Enum):
    auto = "auto"
    text = "text"
    markdown = "markdown"
    html = "html"


def read_texts(files: list[Path]) -> list[tuple[str, str]]:
    """(name, text) of each posting file; `-` is standard input."""
    out = []
    for path in files:
        name = "<stdin>" if str(path) == "-" else str(path)
        if str(path) == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:  # regular files only: a named pipe or a device is refused, never waited on
            data = read_input_bytes(path, what="posting", limit=MAX_BYTES, too_big=f"{name}: larger than "
                                    f"{MAX_BYTES // 1_000_000} MB; a job posting is a few pages")
        if len(data) > MAX_BYTES:
            raise InputError(f"{name}: larger than {MAX_BYTES // 1_000_000} MB; a job posting is a few pages")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
        out.append((name, text))
    return out


@app.command()
def posting(
    files: list[Path] = typer.Argument(..., help="Job posting files: plain text, Markdown or HTML; - for stdin."),
    role_id: str | None = typer.Option(None, "--role-id", help="Also build a role with this id from the postings."),
    role_name: str | None = typer.Option(None, "--role-name", help="The role's name (default: the commonest title)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the role as a catalog YAML file."),
    min_share: float = typer.Option(0.25, "--min-share", min=0.0, max=1.0,
                                    help="With several postings, keep what at least this share of them asks for."),
    kind: InputKind = typer.Option(InputKind.auto, "--input-format", help="How to read the files."),
    catalog: list[Path] | None = CatalogOpt,
    fmt: Fmt = FormatOpt,
) -> None:
    """What job postings ask for: skills, credentials, experience and education, with evidence.

    Every item names the phrase and line it was read from, its level and
    importance and why; phrases that look like skills but are not in the catalog
    are listed for curators. With --role-id, the requirements that recur across
    the postings become a role ("SQL: 9 of 10 postings"); -o writes it.

    Examples:

    \b
      skillstack posting acme-analyst.md --role-id acme-data-analyst -o roles/acme.yaml
      skillstack posting postings/*.txt --min-share 0.5 --format json
      skillstack posting - --input-format html < saved-posting.html
    """
    from skillstack.cache import load_catalog
    from skillstack.cli.output import note
    from skillstack.postings.service import posting_role, read_postings
    from skillstack.report.outputs import POSTING, PostingReport

    if output is not None and not role_id:
        raise UsageError("-o writes a role: pass --role-id ID as well")
    if sum(str(f) == "-" for f in files) > 1:
        raise UsageError("- (standard input) can be given once")
    texts = read_texts(files)
    cat = load_catalog(catalog_paths(catalog), progress=note).catalog
    keep_until_exit(cat)
    results = read_postings(cat, texts, kind.value)
    draft = posting_role(cat, results, role_id, role_name or "", min_share) if role_id else None
    written = None
    if draft is not None and output is not None:
        from skillstack.fileio import write_text_atomic
        from skillstack.postings.role import role_yaml

        write_text_atomic(output, role_yaml(draft, date.today()))
        written = str(output)
    print_report(POSTING.report(fmt.value, PostingReport(cat, results, draft, written)))

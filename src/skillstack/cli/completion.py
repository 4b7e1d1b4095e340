"""Shell completion for bash, zsh and fish, including role, skill and credential ids."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from skillstack.cli.app import app
from skillstack.cli.output import write

if TYPE_CHECKING:
    from skillstack.catalog import Catalog, Index
    from skillstack.model import Credential, Role, Skill


class Shell(str, Enum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"


def _ids(ctx: typer.Context | None, kind: Callable[[Catalog], Index[Skill] | Index[Credential] | Index[Role]],
         incomplete: str) -> list[str]:
    """Ids of one kind starting with what was typed, from the catalog the command line names."""
    try:
        from skillstack.cache import load_catalog
        from skillstack.cli.options import catalog_paths

        given = (ctx.params.get("catalog") if ctx is not None else None) or None
        cat = load_catalog(catalog_paths([Path(p) for p in given] if given else None)).catalog
        return sorted(str(obj.id) for obj in kind(cat) if obj.id.startswith(incomplete))[:200]
    except Exception:  # noqa: BLE001  (completion must never print a traceback into the shell)
        return []


def roles(ctx: typer.Context, incomplete: str) -> list[str]:
    return _ids(ctx, lambda cat: cat.roles, incomplete)


def credentials(ctx: typer.Context, incomplete: str) -> list[str]:
    return _ids(ctx, lambda cat: cat.credentials, incomplete)


def skills(ctx: typer.Context, incomplete: str) -> list[str]:
    """Skill ids, then SKILL:LEVEL once the skill is typed."""
    if ":" in incomplete:
        skill = incomplete.rsplit(":", 1)[0]
        return [f"{skill}:{n}" for n in range(1, 5)]
    return _ids(ctx, lambda cat: cat.skills, incomplete)


def anything(ctx: typer.Context, incomplete: str) -> list[str]:
    return sorted({*roles(ctx, incomplete), *credentials(ctx, incomplete), *skills(ctx, incomplete)})[:200]


@app.command()
def completion(shell: Shell = typer.Argument(..., help="bash, zsh or fish.")) -> None:
    """Print the shell completion script: commands, options, and role, skill and credential ids.

    Examples:

    \b
      skillstack completion bash >> ~/.bashrc
      skillstack completion zsh > "${fpath[1]}/_skillstack"
      skillstack completion fish > ~/.config/fish/completions/skillstack.fish
    """
    from typer._completion_shared import get_completion_script

    write(get_completion_script(prog_name="skillstack", complete_var="_SKILLSTACK_COMPLETE", shell=shell.value)
          .rstrip("\n") + "\n")

"""Catalog records (plain dicts) -> YAML text in the catalog's own layout."""

from __future__ import annotations

from typing import Any

import yaml

_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump_catalog(header: str, **lists: list[dict[str, Any]]) -> str:
    """`# header` lines, then `skills:` / `credentials:` / `roles:` lists in the order given.

    >>> print(dump_catalog("made by a test", credentials=[{"id": "x", "cost": 10}]), end="")
    # made by a test
    credentials:
    - id: x
      cost: 10
    """
    body = yaml.dump({k: v for k, v in lists.items() if v}, Dumper=_Dumper, sort_keys=False,
                     allow_unicode=True, width=100, default_flow_style=False)
    comment = "".join(f"# {line}\n".replace("# \n", "#\n") for line in header.splitlines())
    return comment + body

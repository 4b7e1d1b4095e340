"""insecure-url (warning): a url or source that is not https.

Failing example::

    credentials:
      - {id: x, url: "http://example.com/cert", ...}
"""

from __future__ import annotations

from collections.abc import Iterator

from skillstack.model import Credential, Role
from skillstack.problems import Problem, ProblemLevel
from skillstack.validate.context import RuleContext

ID = "insecure-url"
LEVEL: ProblemLevel = "warning"


def check(ctx: RuleContext) -> Iterator[Problem]:
    entries: list[Credential | Role] = [*ctx.walk.insecure, *ctx.roles]  # the credentials with a url not https
    for obj in entries:
        urls = [obj.url if isinstance(obj, Credential) else "", *(s.url for s in obj.sources)]
        for url in urls:
            if url and not url.startswith("https://"):
                yield Problem.at(obj.where, LEVEL, ID, f"{obj.id}: {url!r} is not an https URL; use https")

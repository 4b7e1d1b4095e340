"""The posting services the CLI calls: texts in, results out (no files, no printing)."""

from __future__ import annotations

from skillstack.catalog import Catalog
from skillstack.errors import InputError
from skillstack.model import Role
from skillstack.postings.document import read_posting, sniff
from skillstack.postings.extract import PostingResult, extract
from skillstack.postings.lexicon import Lexicon
from skillstack.postings.role import DEFAULT_MIN_SHARE, RoleDraft, build_role, draft_role

_LEXICONS: dict[int, Lexicon] = {}


def lexicon(catalog: Catalog) -> Lexicon:
    """The lexicon of a catalog, built once per catalog object."""
    lex = _LEXICONS.get(id(catalog))
    if lex is None or lex.catalog is not catalog:
        lex = _LEXICONS[id(catalog)] = Lexicon(catalog)
    return lex


def read_postings(catalog: Catalog, texts: list[tuple[str, str]], kind: str = "auto") -> list[PostingResult]:
    """What each posting (name, text) asks for; `kind` is text, markdown, html or auto (by name and content)."""
    lex = lexicon(catalog)
    return [extract(lex, read_posting(text, sniff(name, text) if kind == "auto" else kind), name)
            for name, text in texts]


def posting_role(catalog: Catalog, results: list[PostingResult], role_id: str, name: str = "",
                 min_share: float = DEFAULT_MIN_SHARE) -> RoleDraft:
    import re

    from skillstack.schema import ID_PATTERN

    if not re.match(ID_PATTERN, role_id):
        raise InputError(f"--role-id {role_id!r} is not an id: lower-case letters, digits and dashes, e.g. acme-analyst")
    if role_id in catalog.roles:
        raise InputError(f"role id {role_id!r} is already in the catalog; choose another --role-id")
    return build_role(catalog, results, role_id, name, min_share)


def with_role(catalog: Catalog, role: Role) -> Catalog:
    """The catalog with one more role (nothing copied; over the cache, nothing more read)."""
    return catalog.with_role(role)


def posting_target(catalog: Catalog, texts: list[tuple[str, str]], role_id: str = "posting") -> tuple[Catalog, Role]:
    """A catalog with a role read from the postings, for plan/audit --posting."""
    results = read_postings(catalog, texts)
    base, n = role_id, 1
    while role_id in catalog.roles:
        n += 1
        role_id = f"{base}-{n}"
    role = draft_role(build_role(catalog, results, role_id), where=texts[0][0] if texts else "<postings>")
    if not role.requires and not role.expects:
        raise InputError(f"{texts[0][0]}: the posting names nothing the catalog knows; nothing to plan against")
    return with_role(catalog, role), role

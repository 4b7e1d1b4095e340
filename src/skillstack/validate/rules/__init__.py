"""The rule registry. Each rule is a module with `ID`, `LEVEL`, a docstring
(its documentation, with a failing example) and `check(ctx)` yielding problems.

Rules applied while reading files (their problems come from the loader):
- `yaml-syntax` (error): the file is not valid YAML, or holds several documents.
- `encoding` (error): bytes that are not UTF-8.
- `yaml-tag` (error): a tag such as `!!python/object`; only plain data is read.
- `yaml-depth` (error): absurd nesting.
- `yaml-alias` (error): aliases that expand too far (alias bombs) or into themselves.
- `schema` (error): unknown keys, wrong types, bad levels, dates and ids, missing fields.
- `duplicate-key` (error): a key written twice in one mapping.
- `control-character` (error): a control character (a carriage return, an escape, ...) in a value,
  or anywhere in the file, reported where it is.
- `url` (error): a `url` or `sources` entry that is not an http(s) URL.
- `empty-file` (warning): a catalog file with nothing in it.
- `education-level` (error): an education level that is not none, high-school, associate,
  bachelor, master or doctorate (the closest is suggested).
"""

from __future__ import annotations

from types import ModuleType

from skillstack.validate.rules import (
    allow_warnings,
    broader_cycle,
    duplicate_alias,
    duplicate_id,
    expected_unreachable,
    grants_nothing,
    impossible_group,
    insecure_url,
    missing_sources,
    negative_value,
    no_credential_expected,
    non_usd_cost,
    onet_in_demand,
    past_retirement,
    prerequisite_cycle,
    retired_dependency,
    retired_without_successor,
    role_expectation,
    role_ladder,
    role_link,
    same_skill,
    stack_part,
    stale_review,
    unconfirmed_fact,
    ungranted_skill,
    unknown_reference,
    unreachable,
    zero_hours,
)

RULES: tuple[ModuleType, ...] = (
    role_expectation,
    role_link,
    role_ladder,
    no_credential_expected,
    expected_unreachable,
    allow_warnings,
    duplicate_id,
    unknown_reference,
    stack_part,
    impossible_group,
    prerequisite_cycle,
    broader_cycle,
    duplicate_alias,
    same_skill,
    negative_value,
    non_usd_cost,
    ungranted_skill,
    unreachable,
    grants_nothing,
    stale_review,
    missing_sources,
    zero_hours,
    insecure_url,
    retired_without_successor,
    retired_dependency,
    past_retirement,
    unconfirmed_fact,
)
# rules that run only when asked for (`validate --enable ID`)
OPT_IN_RULES: tuple[ModuleType, ...] = (onet_in_demand,)

READING_RULES = {
    "yaml-syntax": "error", "encoding": "error", "yaml-tag": "error", "yaml-depth": "error",
    "yaml-alias": "error", "schema": "error", "duplicate-key": "error", "empty-file": "warning",
    "control-character": "error", "url": "error", "education-level": "error",
}

"""The schema package: declarations fill the model dataclasses by field name.

A field added to a model dataclass must be declared (or derived) in its schema
`Record`, and a declared key must fill a model field: these tests fail when the
two drift apart, so a new field is one edit in `model.py` and one in `schema/`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from skillstack import model as m
from skillstack.loader import load_raw
from skillstack.schema.catalog import CATALOG_INFO, CREDENTIAL, CREDIT, GRANT, REQUIREMENT, ROLE, SALARY, SKILL
from skillstack.schema.profile import PROFILE_FILE
from skillstack.schema.toolkit import INVALID, F, Invalid, ListOf, Located, MapOf, Obj, Record, ScalarOr, Str, Type

CATALOG = """skills:
  - {id: sql, name: SQL}
credentials:
  - id: sql-course
    name: SQL Course
    issuer: Example
    kind: course
    description: A first course.
    hours: 12
    credit:
      - {toward: a degree, credits: 3, x-note: checked with the registrar}
"""

# model fields a Record fills itself or from several keys, not from one declared key
FILLED_BY_RECORD = {"where"}
DERIVED = {m.Role: {"requires", "expects"}}


def load(tmp_path: Path, text: str) -> m.Credential:
    (tmp_path / "cat.yaml").write_text(text, encoding="utf-8")
    raw = load_raw([tmp_path])
    assert not raw.problems
    return raw.credentials[0]


def test_yaml_description_is_the_credentials_description(tmp_path: Path) -> None:
    """A catalog key and the model field it fills share their name (skills and roles too)."""
    cred = load(tmp_path, CATALOG)
    assert cred.description == "A first course."
    assert CREDENTIAL.fields["description"].attr is None


def test_numbers_declared_real_are_floats_and_x_keys_do_not_drop_an_item(tmp_path: Path) -> None:
    cred = load(tmp_path, CATALOG)
    assert cred.hours == 12.0 and isinstance(cred.hours, float)
    assert cred.credit == (m.Credit("a degree", 3.0),)


def test_a_missing_name_falls_back_to_the_id_and_a_missing_id_drops_the_entry(tmp_path: Path) -> None:
    (tmp_path / "cat.yaml").write_text(
        "credentials:\n  - {id: no-name, issuer: X, kind: course}\n  - {name: No Id, issuer: X, kind: course}\n",
        encoding="utf-8")
    raw = load_raw([tmp_path])
    assert [c.name for c in raw.credentials] == ["no-name"]
    assert [p.message for p in raw.problems] == ["credential is missing 'name'", "credential is missing 'id'"]


def records_in(t: Type[object]) -> Iterator[Record[object]]:
    """Every `Record` in a declaration, itself and nested at any depth."""
    if isinstance(t, Record):
        yield t
    if isinstance(t, Obj):
        for spec in t.fields.values():
            yield from records_in(spec.type)
    elif isinstance(t, ListOf):
        yield from records_in(t.item)
    elif isinstance(t, MapOf):
        yield from records_in(t.value)
    elif isinstance(t, Located):
        yield from records_in(t.inner)
    elif isinstance(t, ScalarOr):
        yield from records_in(t.scalar)
        yield from records_in(t.mapping)


RECORDS = [SKILL, CREDENTIAL, ROLE, GRANT, CREDIT, SALARY, CATALOG_INFO, *REQUIREMENT.shapes.values(),
           *records_in(PROFILE_FILE)]


def test_the_profile_is_records_all_the_way_down() -> None:
    profile = list(records_in(PROFILE_FILE))
    assert [r.what for r in profile] == ["profile", "held credential", "constraints", "progress", "current salary",
                                         "education"]
    assert all(type(t) is Record for t in profile)  # no hand-written build: fields fill the dataclass


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.what)
def test_every_model_field_is_declared_once(record: Record[object]) -> None:
    model = record.model
    assert isinstance(model, type) and dataclasses.is_dataclass(model)
    declared = [key if spec.attr is None else spec.attr for key, spec in record.fields.items()]
    declared = [attr for attr in declared if attr]
    assert len(declared) == len(set(declared))
    fields = {f.name for f in dataclasses.fields(model)}
    assert set(declared) | FILLED_BY_RECORD | DERIVED.get(model, set()) >= fields
    assert set(declared) <= fields


def test_a_key_that_fills_no_model_field_is_refused() -> None:
    with pytest.raises(TypeError, match="fills no field"):
        Record("grant", m.Grant, {"skill": F(Str(), True), "levle": F(Str())})


def test_invalid_is_one_typed_value() -> None:
    assert INVALID is Invalid.INVALID and repr(INVALID) == "INVALID"
    assert list(Invalid) == [INVALID]

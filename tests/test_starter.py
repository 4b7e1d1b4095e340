"""`init`'s answers read as a library: each reader checks one answer, no terminal involved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path

import pytest
import yaml

from skillstack.catalog import Catalog, build_catalog
from skillstack.errors import InputError
from skillstack.loader import load_raw
from skillstack.profile import read_profile
from skillstack.starter import (
    Answer,
    Starter,
    read_budget,
    read_hours,
    read_roles,
    read_skills,
    read_start,
    starter_text,
)

MINI = Path(__file__).parent / "data" / "catalogs" / "mini"


@cache
def mini() -> Catalog:
    return build_catalog(load_raw([MINI]))


def refusal(read: Callable[[], object]) -> str:
    """The InputError message of a refused answer."""
    with pytest.raises(InputError) as caught:
        read()
    return str(caught.value)


def test_roles_by_id_or_name_with_the_readings_of_misspelt_ones() -> None:
    assert read_roles(mini(), " analyst , Security Lead") == Answer(("analyst", "security-lead"))
    assert read_roles(mini(), "data analist") == Answer(("analyst",),
                                                        ("'data analist' read as 'Data Analyst' (analyst)",))


@pytest.mark.parametrize(("answer", "error"), [
    ("?", "roles: analyst, security-lead"),
    (" , ", "name at least one role (? lists them)"),
    ("astronaut", "unknown role 'astronaut'"),
])
def test_a_role_answer_that_names_no_role_says_what_to_type(answer: str, error: str) -> None:
    assert refusal(lambda: read_roles(mini(), answer)).startswith(error)


def test_skills_are_skill_level_pairs_read_as_ids() -> None:
    assert read_skills(mini(), "") == Answer(())
    assert read_skills(mini(), "py3:intermediate, SQL : 3") == Answer(("python:2", "sql:3"))
    assert read_skills(mini(), "statistcs:1") == Answer(
        ("statistics:1",), ("'statistcs' read as 'Statistics' (statistics)",))
    assert refusal(lambda: read_skills(mini(), "sql")) == (
        "'sql': write SKILL:LEVEL, the level 1-4 or one of foundational, intermediate, advanced, expert")
    assert refusal(lambda: read_skills(mini(), "sql:5")) == (
        "level: level '5' is not 1-4 or one of foundational, intermediate, advanced, expert")
    assert refusal(lambda: read_skills(mini(), "python:1, sequel:2")).startswith("unknown skill 'sequel'; closest: ")


def test_budget_hours_and_start_as_people_write_them() -> None:
    assert (read_budget(""), read_budget("$1,500"), read_budget("80 USD")) == (None, 1500.0, 80.0)
    assert (read_hours("0.5"), read_hours("100")) == (0.5, 100.0)
    assert (read_start(" "), read_start("2027-01-04 ")) == (None, date(2027, 1, 4))
    assert refusal(lambda: read_hours("lots")) == "'lots' is not a number of hours"
    assert refusal(lambda: read_hours("0.4")) == "give between 0.5 and 100 hours a week"
    assert refusal(lambda: read_hours("nan")) == "give between 0.5 and 100 hours a week"
    assert refusal(lambda: read_budget("ten dollars")) == (
        "'ten dollars' is not an amount of money; write it as 1500 or $1,500")
    assert refusal(lambda: read_start("2027-13-01")) == "start '2027-13-01' is not a date; write it as YYYY-MM-DD"


def test_init_accepts_only_what_a_profile_file_accepts(tmp_path: Path) -> None:
    """A budget or pace `init` takes must read back: $500,000,000 was taken and the profile then refused."""
    assert refusal(lambda: read_budget("$100,000,001")) == "'$100,000,001': give an amount from 0 to $100,000,000"
    assert refusal(lambda: read_budget("500000000")) == "'500000000': give an amount from 0 to $100,000,000"
    assert refusal(lambda: read_hours("100.5")) == "give between 0.5 and 100 hours a week"
    for budget, hours in ((read_budget("$100,000,000"), read_hours("100")), (read_budget("0"), read_hours("0.5"))):
        (tmp_path / "me.yaml").write_text(starter_text(mini(), Starter("Sam", ("analyst",), (), budget, hours)))
        constraints = read_profile(tmp_path / "me.yaml").constraints
        assert (constraints.budget, constraints.hours_per_week) == (budget, hours)


def test_the_starter_profile_has_ids_and_only_what_was_given() -> None:
    text = starter_text(mini(), Starter(roles=("Data Analyst",), have=("py3:2",)))
    assert text.startswith("# skillstack profile: edit, then run `skillstack plan --profile <this file>`.\n")
    assert yaml.safe_load(text) == {"skills": {"python": 2}, "credentials": [], "experience": {},
                                    "targets": ["analyst"], "constraints": {"hours_per_week": 10.0, "optimize": "cost"}}
    full = yaml.safe_load(starter_text(mini(), Starter("Sam", ("analyst",), (), 1500.0, 6.0, date(2027, 1, 4))))
    assert full["name"] == "Sam"
    assert full["constraints"] == {"hours_per_week": 6.0, "optimize": "cost", "start": "2027-01-04", "budget": 1500.0}

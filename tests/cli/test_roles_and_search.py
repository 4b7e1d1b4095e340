"""roles, and search ranking: exact and word matches first, no weak suggestions."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillstack.cli import app
from skillstack.textmatch import score
from strategies import entry_point

runner = CliRunner()


@pytest.fixture
def cat(data: Path) -> list[str]:
    return ["--catalog", str(data / "catalogs" / "search")]


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_search_ranks_word_prefix_above_short_names(cat: list[str]) -> None:
    code, out, _ = run("search", "cyber", *cat, "--format", "json")
    ids = [h["id"] for h in json.loads(out)["results"]]
    assert code == 0 and ids[0] == "cybersecurity-analyst"
    assert "csharp" not in ids and "r-programming" not in ids


def test_scores_order_exact_prefix_word_typo() -> None:
    assert score("data analyst", "data analyst") == 100
    assert 96 <= score("google data", "google data analytics") < 100
    assert 90 <= score("cyber", "cybersecurity analyst") < 96
    assert score("statistcs", "statistics") >= 85
    assert score("cyber", "c#") < 60 and score("cyber", "r") < 60


def test_unknown_role_has_no_weak_suggestion_and_says_how_to_search(cat: list[str]) -> None:
    code, _, err = run("plan", *cat, "--role", "nurse")
    assert code == 2 and "ux-researcher" not in err
    assert err == ("skillstack: error: unknown role 'nurse'; nothing like it in the catalog; `skillstack roles` "
                   "lists them all; `skillstack search TEXT --kind role` searches\n")


def test_unknown_skill_says_how_to_search(cat: list[str]) -> None:
    code, _, err = run("plan", *cat, "--role", "data-scientist", "--have", "kubernetes:2")
    assert code == 2 and "`skillstack search TEXT --kind skill`" in err


def test_close_role_is_read_with_a_warning(cat: list[str]) -> None:
    code, out, err = run("roles", *cat, "--have", "user resarch:2", "--format", "json")
    assert code == 0 and "'user resarch' read as 'User Research' (user-research)" in err
    rows = {r["id"]: r["readiness"] for r in json.loads(out)["roles"]}
    assert rows == {"ux-researcher": 1.0, "cybersecurity-analyst": 0.0, "data-scientist": 0.0}


def test_roles_text_by_field(cat: list[str]) -> None:
    code, out, err = run("roles", *cat, "--field", "securty")
    assert code == 0 and err == "skillstack: warning: field 'securty' read as 'security'\n"
    assert out == ("role                   id                     field     median pay  outlook\n"
                   "Cybersecurity Analyst  cybersecurity-analyst  security    $120,360  growing\n")


def test_roles_unknown_field_lists_fields(cat: list[str]) -> None:
    code, _, err = run("roles", *cat, "--field", "nursing")
    assert code == 2 and err == "skillstack: error: no field 'nursing' in the catalog; fields: data, design, security\n"


def test_roles_json_from_the_installed_entry_point(data: Path) -> None:
    exe = entry_point()
    profile = data / "profiles" / "researcher.yaml"
    result = subprocess.run([str(exe), "roles", "--catalog", str(data / "catalogs" / "search"), "--profile",
                             str(profile), "--format", "json"], capture_output=True, text=True, timeout=60, check=False,
                            env={**os.environ, "COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["schema_version"] == 1 and doc["fields"] == ["data", "design", "security"]
    first = doc["roles"][0]
    assert first == {"id": "ux-researcher", "name": "UX Researcher", "field": "design", "level": None,
                     "salary": None, "outlook": None, "readiness": 1.0}
    by_id = {r["id"]: r for r in doc["roles"]}
    assert by_id["cybersecurity-analyst"]["salary"] == {"median": 120360, "source": "test figure"}


def _installed_search(tmp_path: Path, *args: str) -> list[dict[str, object]]:
    env = {**os.environ, "SKILLSTACK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("SKILLSTACK_CATALOG", None)
    done = subprocess.run([entry_point(), "search", *args, "--format", "json"], capture_output=True, text=True,
                          env=env, timeout=120, check=False, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    results: list[dict[str, object]] = json.loads(done.stdout)["results"]
    return results


def test_shipped_cybersecurity_role_is_found_by_a_word_of_its_bracketed_name(tmp_path: Path) -> None:
    """The shipped role is 'Information Security Analyst (Cybersecurity Analyst)': 'cyber' found
    nothing with --kind role, because '(cybersecurity' was not read as a word."""
    roles = [h["id"] for h in _installed_search(tmp_path, "cyber", "--kind", "role")]
    assert roles[:1] == ["information-security-analyst"]
    assert "information-security-analyst" in [h["id"] for h in _installed_search(tmp_path, "cyber")]
    assert [h["id"] for h in _installed_search(tmp_path, "cysa")][:1] == ["comptia-cysa-plus"]


def test_shipped_search_ranks_name_matches_above_alias_matches(tmp_path: Path) -> None:
    """'cyber' once ranked Risk Management (alias 'cyber risk management') and four more skills
    without 'cyber' in their names above every cybersecurity credential and role."""
    hits = _installed_search(tmp_path, "cyber", "--limit", "30")
    named = ["cyber" in str(h["name"]).lower() for h in hits]
    assert named[:8] == [True] * 8, hits
    first_alias = named.index(False)
    assert all(named[:first_alias]) and first_alias >= 8
    scores = [float(str(h["score"])) for h in hits]
    assert max(scores[first_alias:]) < min(scores[:first_alias])


def test_shipped_search_puts_roles_first_among_equal_matches(tmp_path: Path) -> None:
    """'data' matched eight skills named Data Something at 98 before the Data Analyst role,
    because skills sorted first on a tie: a career changer asks which roles exist first."""
    hits = _installed_search(tmp_path, "data", "--limit", "20")
    top = float(str(hits[0]["score"]))
    tied = [h["kind"] for h in hits if float(str(h["score"])) == top]
    assert "role" in tied and "skill" in tied
    assert tied == sorted(tied, key=["role", "credential", "skill"].index)


def test_shipped_search_lists_no_weak_matches_but_errors_still_suggest(tmp_path: Path) -> None:
    """'nurse' listed Microsoft Azure at 60 (three letters in common): noise in a result list.
    A "did you mean" keeps the lower threshold, where 'sequel' still suggests sql."""
    env = {**os.environ, "SKILLSTACK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("SKILLSTACK_CATALOG", None)
    done = subprocess.run([entry_point(), "search", "nurse", "--format", "json"], capture_output=True, text=True,
                          env=env, timeout=120, check=False, stdin=subprocess.DEVNULL)
    assert done.returncode == 1 and json.loads(done.stdout)["results"] == []
    assert all(float(str(h["score"])) >= 70 for h in _installed_search(tmp_path, "cyber", "--limit", "50"))
    shown = subprocess.run([entry_point(), "show", "sequel"], capture_output=True, text=True, env=env, timeout=120,
                           check=False, stdin=subprocess.DEVNULL)
    assert shown.returncode == 2 and "closest: sql (skill)" in shown.stderr

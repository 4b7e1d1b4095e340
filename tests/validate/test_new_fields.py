"""Lifecycle, typed sources, subscription costs, discounts and salary provenance read from YAML."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from skillstack import model as m
from skillstack.loader import load_raw
from skillstack.validate.service import Validation, check_raw

CATALOG = """skills:
  - {id: sql, name: SQL}
credentials:
  - id: old-sql
    name: Old SQL
    issuer: Example
    kind: industry-certification
    status: retired
    retires: 2025-06-30
    superseded_by: new-sql
    exam: "SQL-100"
    cost: 100
    hours: 20
    grants: [{skill: sql, level: 2}]
    last_reviewed: 2026-10-01
    sources: [https://example.org/old]
  - id: new-sql
    name: New SQL
    issuer: Example
    kind: industry-certification
    exam: "SQL-200"
    cost: {amount: 150, retake: 75, training: 400, subscription: {monthly: 29, provider: Learnly}}
    discounts:
      - {percent: 50, after: {issuer: Example}, note: voucher}
      - {percent: 25, after: {credential: old-sql}}
    hours: 30
    grants: [{skill: sql, level: 2}]
    last_reviewed: 2026-10-01
    sources:
      - https://example.org/new
      - {url: https://example.org/exam, kind: issuer, facts: [cost, exam], reviewed: 2026-11-30}
      - {url: https://prep.example/new, kind: secondary, facts: [hours], reviewed: 2026-11-01}
roles:
  - id: analyst
    name: Analyst
    requires: [{skill: sql, level: 2}]
    salary: {median: 80000, year: 2024, source: BLS OEWS, kind: authority, proxy: true,
             occupation: "15-2051 Data Scientists", url: https://www.bls.gov/oes/}
    sources: [{url: https://www.bls.gov/oes/, kind: authority, facts: [salary]}]
    last_reviewed: 2026-10-01
"""


def _load(tmp_path: Path, text: str) -> Validation:
    path = tmp_path / "cat.yaml"
    path.write_text(text)
    return check_raw(load_raw([path]), today=date(2026, 12, 2))


def test_new_fields_are_read(tmp_path: Path) -> None:
    result = _load(tmp_path, CATALOG)
    assert [p for p in result.problems if p.level == "error"] == []
    old = result.catalog.credentials["old-sql"]
    assert (old.status, old.retires, old.superseded_by, old.exam) == ("retired", date(2025, 6, 30), "new-sql",
                                                                      "SQL-100")
    assert old.is_retired
    new = result.catalog.credentials["new-sql"]
    assert new.status == "active" and new.superseded_by is None
    assert new.cost == m.Cost(150.0, subscription=m.Subscription(29.0, "learnly"), retake=75.0, training=400.0)
    assert [(d.percent, d.after_issuer, d.after_credential) for d in new.discounts] == [
        (50.0, "Example", None), (25.0, "", "old-sql")]
    assert new.discounts[0].met_by(old) and new.discounts[1].met_by(old) and not new.discounts[1].met_by(new)
    assert new.sources[0] == m.Source("https://example.org/new")
    assert new.sources[1] == m.Source("https://example.org/exam", "issuer", ("cost", "exam"), date(2026, 11, 30))
    assert m.fact_kind(new.sources, "cost") == "issuer"
    assert m.fact_kind(new.sources, "hours") == "secondary"  # the plain URL has no kind
    assert m.fact_reviewed(new.sources, "exam", new.last_reviewed) == date(2026, 11, 30)
    assert m.fact_reviewed(new.sources, "grants", new.last_reviewed) == date(2026, 10, 1)
    salary = result.catalog.roles["analyst"].salary
    assert salary == m.Salary(80000.0, "USD", 2024, "BLS OEWS", "authority", True, "15-2051 Data Scientists",
                              "https://www.bls.gov/oes/")


def test_bad_new_fields_are_located_problems(tmp_path: Path) -> None:
    bad = (CATALOG.replace("status: retired", "status: sunset")
           .replace("kind: secondary", "kind: blog")
           .replace("facts: [hours]", "facts: [hourz]")
           .replace("{percent: 25, after: {credential: old-sql}}",
                    "{percent: 25, after: {credential: old-sql, issuer: Example}}")
           .replace("superseded_by: new-sql", "superseded_by: new-sqll")
           .replace("cost: 100", "cost: {note: free?}")
           .replace("proxy: true", "proxy: maybe"))
    result = _load(tmp_path, bad)
    messages = sorted((p.line, p.rule, p.message) for p in result.problems if p.level == "error")
    text = "\n".join(f"{line} {rule} {msg}" for line, rule, msg in messages)
    assert "'sunset' is not one of: active, retiring, retired" in text
    assert "'blog' is not one of: issuer, authority, secondary" in text
    assert "'hourz' is not one of" in text
    assert "a discount's `after` names exactly one of issuer or credential" in text
    assert "unknown credential 'new-sqll' in superseded_by of old-sql; did you mean 'new-sql'?" in text
    assert "cost is missing 'amount'" in text
    assert "expected true or false" in text

"""export ctdl -> import ctdl gives the same catalog back, every credential field (hypothesis over
generated catalogs, and the whole shipped catalog through the installed entry point)."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillstack import model as m
from skillstack.catalog import build_catalog
from skillstack.importers.ctdl import import_ctdl
from skillstack.importers.ctdl_export import export_ctdl
from skillstack.importers.yamlout import dump_catalog
from skillstack.loader import load_raw
from strategies import entry_point

ROOT = Path(__file__).parents[2]
SKILLSTACK = entry_point()
IDS = ["alpha", "beta-2", "gamma", "delta-cert", "ce-0a1b2c3d-0000-4000-8000-00000000abcd", "omega"]
SKILLS = ["python", "sql", "cloud-basics", "networking"]
KINDS = ["course", "professional-certificate", "digital-badge", "industry-certification", "program"]
FACTS = list(m.CREDENTIAL_FACTS)
words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ABCDEFGH-:'", min_size=1, max_size=20).filter(
    lambda w: w.strip() == w and w.strip())
prose = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ABCDEFGH-:'\n", min_size=1, max_size=30).filter(str.strip)
money = st.integers(0, 5000).map(float) | st.sampled_from([0.5, 19.99, 300.25])
days = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


def _leaf(draw: Any, others: list[str]) -> dict[str, Any]:
    choices = ["skill", "experience", "education"] + (["credential"] if others else [])
    kind = draw(st.sampled_from(choices))
    if kind == "credential":
        return {"credential": draw(st.sampled_from(others))}
    if kind == "skill":
        return {"skill": draw(st.sampled_from(SKILLS)), "level": draw(st.integers(1, 4))}
    if kind == "experience":
        return {"experience": draw(words), "years": draw(st.sampled_from([1, 2, 3, 0.5, 5]))}
    out: dict[str, Any] = {"education": draw(st.sampled_from(m.EDUCATION_LEVELS))}
    if draw(st.booleans()):
        out["field"] = draw(words)
    if draw(st.booleans()):
        out["accredited"] = True
    return out


def _requirement(draw: Any, others: list[str], depth: int = 0) -> dict[str, Any]:
    shape = draw(st.sampled_from(["leaf", "leaf", "any_of", "all_of", "n_of"] if depth < 2 else ["leaf"]))
    if shape == "leaf":
        return _leaf(draw, others)
    items = [_requirement(draw, others, depth + 1) for _ in range(draw(st.integers(2, 3)))]
    if shape == "n_of":
        return {"n_of": draw(st.integers(1, len(items))), "from": items}
    return {shape: items}


@st.composite
def catalogs(draw: Any) -> list[dict[str, Any]]:
    ids = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=4, unique=True))
    creds = []
    for ident in ids:
        others = [i for i in ids if i != ident]
        cred: dict[str, Any] = {"id": ident, "name": draw(words), "issuer": draw(words),
                                "kind": draw(st.sampled_from(KINDS))}
        optional: dict[str, Any] = {
            "provider": words, "url": st.just(f"https://example.org/{ident}"), "description": prose,
            "hours": st.integers(1, 400).map(float) | st.sampled_from([0.5, 2.25, 12.75]),
            "level": st.sampled_from(["beginner", "intermediate", "advanced"]),
            "format": st.sampled_from(["online-self-paced", "proctored-exam", "blended", "in-person lab"]),
            "validity_years": st.sampled_from([1, 2, 3, 1.5]), "renewal": prose,
            "accreditation": st.lists(words, min_size=1, max_size=2, unique=True),
            "verification": st.sampled_from(["open-badges", "credly", "issuer-registry", "none"]),
            "last_reviewed": days, "exam": st.sampled_from(["SY0-701", "AZ-900", "v2"]),
            "status": st.sampled_from(["active", "retiring", "retired"]), "retires": days,
            "allow_warnings": st.just(["zero-hours"]),
            "credit": st.lists(st.builds(lambda t, c: {"toward": t, "credits": c}, words,
                                         st.sampled_from([1, 3, 0.5])), min_size=1, max_size=2),
            "grants": st.lists(st.builds(lambda s, lv: {"skill": s, "level": lv}, st.sampled_from(SKILLS),
                                         st.integers(1, 4)), min_size=1, max_size=3, unique_by=lambda g: g["skill"]),
        }
        for key, strategy in optional.items():
            if draw(st.booleans()):
                cred[key] = draw(strategy)
        if draw(st.booleans()):
            cost: dict[str, Any] = {"amount": draw(money), "currency": draw(st.sampled_from(["USD", "EUR", "GBP"]))}
            for key, strategy in {"note": prose, "retake": money, "training": money,
                                  "subscription": st.builds(lambda p, v: {"monthly": p, "provider": v}, money,
                                                            st.sampled_from(["coursera", "linkedin"]))}.items():
                if draw(st.booleans()):
                    cost[key] = draw(strategy)
            cred["cost"] = cost
        if draw(st.booleans()):
            cred["sources"] = [f"https://example.org/{ident}/page",
                               {"url": f"https://example.org/{ident}/fees", "kind": "issuer",
                                "facts": draw(st.lists(st.sampled_from(FACTS), max_size=2, unique=True)) or ["cost"],
                                "reviewed": draw(days)}]
        for key in ("requires", "recommends"):
            items = [_requirement(draw, others) for _ in range(draw(st.integers(0, 2)))]
            if items:
                cred[key] = items
        if others:
            if draw(st.booleans()):
                cred["superseded_by"] = draw(st.sampled_from(others))
            if draw(st.booleans()):
                parts = [{"credential": p} for p in draw(st.lists(st.sampled_from(others), min_size=1, max_size=3,
                                                                  unique=True))]
                cred["awarded_for"] = draw(st.sampled_from([{"all_of": parts}, {"any_of": parts},
                                                            {"n_of": 1, "from": parts}]))
            if draw(st.booleans()):
                cred["discounts"] = [draw(st.sampled_from([
                    {"percent": 50, "after": {"issuer": "Someone"}},
                    {"percent": 25.5, "after": {"credential": others[0]}, "note": "a voucher"}]))]
        creds.append(cred)
    return creds


def _leaves(req: m.Requirement) -> list[m.Requirement]:
    return [x for i in req.items for x in _leaves(i)] if isinstance(req, (m.AllOf, m.AnyOf, m.NOf)) else [req]


def _credentials(paths: list[Path]) -> dict[str, m.Credential]:
    raw = load_raw(paths)
    assert not [p for p in raw.problems if p.level == "error"], [str(p) for p in raw.problems]
    return {c.id: dataclasses.replace(c, where=m.SourceRef("")) for c in build_catalog(raw).credentials}


def _skills_file(folder: Path) -> Path:
    path = folder / "skills.yaml"
    path.write_text(dump_catalog("skills", skills=[{"id": s, "name": s.title()} for s in SKILLS]), encoding="utf-8")
    return path


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(creds=catalogs())
def test_catalog_to_ctdl_to_catalog(tmp_path: Path, creds: list[dict[str, Any]]) -> None:
    skills = _skills_file(tmp_path)
    before = tmp_path / "before.yaml"
    before.write_text(dump_catalog("round trip", credentials=creds), encoding="utf-8")
    original = _credentials([skills, before])
    doc = json.loads(json.dumps(export_ctdl(original.values())))
    result = import_ctdl([("export.jsonld", doc)])
    assert not result.notices, result.notices
    after = tmp_path / "after" / "export.yaml"
    after.parent.mkdir(exist_ok=True)
    after.write_text(dump_catalog("round trip", credentials=result.files["export"]), encoding="utf-8")
    assert _credentials([skills, after]) == original


def test_a_changed_field_is_seen_by_the_comparison(tmp_path: Path) -> None:
    """The round trip compares every field: a credential that differs in one is not equal."""
    skills = _skills_file(tmp_path)
    before = tmp_path / "before.yaml"
    before.write_text(dump_catalog("x", credentials=[{"id": "a", "name": "A", "issuer": "I", "kind": "course",
                                                      "exam": "v1"}]), encoding="utf-8")
    original = _credentials([skills, before])
    doc = export_ctdl(original.values())
    doc["@graph"][0]["skillstack:exam"] = "v2"
    after = tmp_path / "after" / "export.yaml"
    after.parent.mkdir()
    after.write_text(dump_catalog("x", credentials=import_ctdl([("export.jsonld", doc)]).files["export"]))
    assert _credentials([skills, after]) != original


def test_cli_round_trip_of_the_shipped_catalog(tmp_path: Path) -> None:
    catalog = ROOT / "catalog"
    out = tmp_path / "shipped.jsonld"
    done = subprocess.run([SKILLSTACK, "export", "ctdl", "--catalog", str(catalog), "-o", str(out)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    folder = tmp_path / "imported"
    folder.mkdir()
    done = subprocess.run([SKILLSTACK, "import", "ctdl", str(out), "-o", str(folder), "--catalog", str(catalog),
                           "--format", "json"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert report["credentials"] == sum(1 for n in doc["@graph"] if "ceterms:ctid" in n)
    # every role with an O*NET code that expects a credential is linked back through occupationType
    roles = build_catalog(load_raw([catalog])).roles
    expected = {(leaf.credential, role.id) for role in roles if role.onet for e in role.expects
                for leaf in _leaves(e.requirement) if isinstance(leaf, m.CredentialReq)}
    linked = {(link["credential"], r) for link in report["occupations"] for r in link["roles"]}
    assert expected and expected <= linked
    # the imported credentials with the shipped skills and roles are the shipped catalog
    shipped = _credentials([catalog])
    rest = tmp_path / "rest"
    shutil.copytree(catalog, rest, ignore=shutil.ignore_patterns("credentials"))
    assert _credentials([rest, folder]) == shipped
    check = subprocess.run([SKILLSTACK, "validate", str(rest), str(folder), "--format", "json"],
                           capture_output=True, text=True, check=False)
    assert json.loads(check.stdout)["summary"]["errors"] == 0


def test_malformed_skillstack_properties_fall_back_to_plain_ctdl(tmp_path: Path) -> None:
    skills = _skills_file(tmp_path)
    before = tmp_path / "before.yaml"
    before.write_text(dump_catalog("x", credentials=[{"id": "a", "name": "A", "issuer": "I", "kind": "course",
                                                      "exam": "v1", "discounts": [{"percent": 10,
                                                                                   "after": {"issuer": "I"}}]}]))
    doc = export_ctdl(_credentials([skills, before]).values())
    good = import_ctdl([("export.jsonld", doc)])
    assert not good.notices and good.files["export"][0]["discounts"] == [{"percent": 10.0, "after": {"issuer": "I"}}]
    doc["@graph"][0]["skillstack:discounts"] = [1, "a"]
    bad = import_ctdl([("export.jsonld", doc)])
    record = bad.files["export"][0]
    assert "discounts" not in record and "exam" not in record  # no skillstack: property is trusted any more
    assert record["id"] == "a" and record["name"] == "A"
    assert [n.message.split(" (")[0] for n in bad.notices] == ["its skillstack: properties do not fit the catalog format"]

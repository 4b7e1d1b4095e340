"""import onet / import esco: the rules of each mapping with a passing and a failing case, imports of
real extracts (attributed in tests/data/imports/*/ATTRIBUTION.md) that pass validate, and the opt-in
onet-in-demand validate rule."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from skillstack.importers.onet import import_onet, importance, level, slug
from skillstack.validate.rules.onet_in_demand import names_for
from skillstack.validate.service import validate_paths

DATA = Path(__file__).parents[1] / "data" / "imports"


@pytest.mark.parametrize(("im", "expected"), [(4.5, "essential"), (4.0, "essential"), (3.9, "important"),
                                             (3.0, "important"), (2.5, "optional"), (2.4, None), (1.0, None)])
def test_importance_rule(im: float, expected: str | None) -> None:
    assert importance(im) == expected


@pytest.mark.parametrize(("lv", "expected"), [(0.0, 1), (1.99, 1), (2.0, 2), (3.9, 2), (4.0, 3), (5.49, 3),
                                             (5.5, 4), (7.0, 4)])
def test_level_rule(lv: float, expected: int) -> None:
    assert level(lv) == expected


def _rating(code: str, element: str, name: str, scale: str, value: float, suppress: str = "N") -> dict[str, str]:
    return {"O*NET-SOC Code": code, "Element ID": element, "Element Name": name, "Scale ID": scale,
            "Data Value": str(value), "Recommend Suppress": suppress, "Not Relevant": "N"}


def test_onet_rows_to_a_role() -> None:
    occupations = [{"O*NET-SOC Code": "15-1252.00", "Title": "Software Developers", "Description": "Build software."}]
    ratings = [_rating("15-1252.00", "2.B.3.e", "Programming", "IM", 4.1), _rating("15-1252.00", "2.B.3.e",
                                                                                   "Programming", "LV", 5.0),
               _rating("15-1252.00", "2.A.1.a", "Reading Comprehension", "IM", 2.0),
               _rating("15-1252.00", "2.A.1.a", "Reading Comprehension", "LV", 4.0),
               _rating("15-1252.00", "2.A.1.b", "Active Listening", "IM", 3.5, suppress="Y"),
               _rating("15-1252.00", "2.A.1.b", "Active Listening", "LV", 3.5)]
    technology = [{"O*NET-SOC Code": "15-1252.00", "Example": "Python", "Commodity Code": "43232405",
                   "Commodity Title": "Object or component oriented development software", "In Demand": "Y",
                   "Hot Technology": "Y"},
                  {"O*NET-SOC Code": "15-1252.00", "Example": "Ruby", "Commodity Code": "43232405",
                   "Commodity Title": "Object or component oriented development software", "In Demand": "N",
                   "Hot Technology": "Y"},
                  {"O*NET-SOC Code": "15-1252.00", "Example": "Notepad", "Commodity Code": "43232303",
                   "Commodity Title": "Text editors", "In Demand": "N", "Hot Technology": "N"}]
    elements = [{"Element ID": "2.B.3", "Element Name": "Technical Skills", "Description": "x"},
                {"Element ID": "2.B.3.e", "Element Name": "Programming", "Description": "Writing programs."}]
    result = import_onet(occupations, ratings, technology, elements)
    (role,) = result.roles
    assert role["id"] == "software-developers" and role["onet"] == "15-1252.00"
    assert role["requires"] == [{"skill": "programming", "level": 3, "importance": "essential"},
                                {"skill": "python", "level": 2, "importance": "important"},
                                {"skill": "ruby", "level": 1, "importance": "optional"}]
    skills = {s["id"]: s for s in result.skills}
    assert skills["programming"]["broader"] == "technical-skills" and skills["programming"]["onet"] == "2.B.3.e"
    assert skills["python"]["broader"] == "object-or-component-oriented-development-software"
    assert "notepad" not in skills and "active-listening" not in skills and "reading-comprehension" not in skills


def test_slug() -> None:
    assert [slug(t) for t in ("C++", "C#", "Microsoft Power BI", "R")] == ["c-plus-plus", "c-sharp",
                                                                          "microsoft-power-bi", "r"]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "skillstack", "import", *args], capture_output=True, text=True,
                          check=False)


def test_import_of_the_onet_extract_passes_validate(tmp_path: Path) -> None:
    done = _cli("onet", str(DATA / "onet"), "--output", str(tmp_path), "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["roles"] == 31 and report["skills"] > 100
    result = validate_paths([tmp_path], None)
    assert result.errors == 0, [str(p) for p in result.problems if p.level == "error"][:5]
    roles = {r["onet"]: r for r in yaml.safe_load((tmp_path / "onet.yaml").read_text())["roles"]}
    data_scientists = {item["skill"] for item in roles["15-2051.00"]["requires"]}  # technology only
    assert {"python", "structured-query-language-sql"} <= data_scientists
    analysts = {item["skill"]: item for item in roles["15-2051.01"]["requires"]}
    # Critical Thinking: IM 3.88 -> important, LV 4.25 -> advanced (O*NET 29.2)
    assert (analysts["critical-thinking"]["importance"], analysts["critical-thinking"]["level"]) == ("important", 3)


def _cut_row(table: Path, line: int, fields: int) -> None:
    """Keep only the first `fields` fields of the table's line `line` (1: the header)."""
    lines = table.read_text(encoding="utf-8").split("\n")
    sep = "\t" if table.suffix == ".tsv" else ","
    lines[line - 1] = sep.join(lines[line - 1].split(sep)[:fields])
    table.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize(("damage", "said"), [
    (lambda folder: (folder / "skills_it_occupations.tsv").write_bytes(b"O*NET-SOC Code\tElement ID\n\xff\xfe\n"),
     "skills_it_occupations.tsv: byte 26 is not UTF-8; use the extract's UTF-8 files as published"),
    (lambda folder: (folder / "skills_it_occupations.tsv").unlink(), "no file matching skills*.tsv; give the folder of the extract"),
    (lambda folder: _cut_row(folder / "skills_it_occupations.tsv", 3, 4),
     "skills_it_occupations.tsv: line 3 has 4 of the 15 columns its header names; use the extract's files as published"),
], ids=["not-utf-8", "missing", "short-row"])
def test_a_damaged_onet_extract_is_one_line_and_exit_2(tmp_path: Path, damage: Any, said: str) -> None:
    folder = tmp_path / "onet"
    shutil.copytree(DATA / "onet", folder)
    damage(folder)
    done = _cli("onet", str(folder), "--output", str(tmp_path / "out"))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and said in done.stderr, done.stderr
    assert not (tmp_path / "out").exists()


def test_import_of_the_esco_subset_passes_validate(tmp_path: Path) -> None:
    done = _cli("esco", str(DATA / "esco"), "--output", str(tmp_path), "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["roles"] == 3 and report["unresolved_relations"] > 0
    assert validate_paths([tmp_path], None).errors == 0
    doc = yaml.safe_load((tmp_path / "esco.yaml").read_text())
    skills = {s["id"]: s for s in doc["skills"]}
    role = next(r for r in doc["roles"] if r["name"] == "software developer")
    kinds = {item["importance"] for item in role["requires"]}
    assert kinds == {"essential", "optional"}
    for item in role["requires"]:
        assert item["level"] == (2 if item["importance"] == "essential" else 1)
        assert skills[item["skill"]]["esco"].startswith("http://data.europa.eu/esco/skill/")
    assert skills["computer-programming"]["broader"] in skills  # the hierarchy is kept


def test_a_short_row_in_an_esco_table_is_one_line_and_exit_2(tmp_path: Path) -> None:
    folder = tmp_path / "esco"
    shutil.copytree(DATA / "esco", folder)
    _cut_row(folder / "digitalSkillsCollection_en.csv", 2, 3)
    done = _cli("esco", str(folder), "--output", str(tmp_path / "out"))
    assert done.returncode == 2
    table = folder / "digitalSkillsCollection_en.csv"
    assert done.stderr.strip().splitlines() == [(f"skillstack: error: {table}: line 2 has 3 of the 10 columns its "
                                                 "header names; use the extract's files as published")], done.stderr
    assert not (tmp_path / "out").exists()


def test_onet_in_demand_is_opt_in_with_a_passing_and_a_failing_case(tmp_path: Path) -> None:
    catalog = tmp_path / "cat.yaml"
    body = ("skills:\n  - {id: python, name: Python}\n  - {id: sql, name: SQL}\n  - {id: statistics, name: Statistics}\n"
            "roles:\n  - id: data-scientist\n    name: Data Scientist\n    onet: 15-2051.00\n    requires:\n"
            "      - {skill: statistics, level: 3}\n")
    catalog.write_text(body, encoding="utf-8")
    assert not [p for p in validate_paths([catalog]).problems if p.rule == "onet-in-demand"]
    found = [p.message for p in validate_paths([catalog], None, {"onet-in-demand"}).problems
             if p.rule == "onet-in-demand"]
    assert len(found) == 2 and "does not require python" in found[0] and "'Structured query language SQL'" in found[1]
    catalog.write_text(body + "      - {skill: python, level: 2}\n      - {skill: sql, level: 2}\n", encoding="utf-8")
    assert not [p for p in validate_paths([catalog], None, {"onet-in-demand"}).problems if p.rule == "onet-in-demand"]


def test_in_demand_names() -> None:
    assert names_for("Structured query language SQL") >= {"sql", "structured query language"}
    assert "microsoft azure" in names_for("Microsoft Azure software")
    assert names_for("Python") == {"python"}

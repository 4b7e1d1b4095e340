"""CTDL import: golden imports of real Registry Assistant records, then one passing and one failing
case per mapping rule (records written inline, shaped like the real ones)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from skillstack.importers.ctdl import import_ctdl, parse_duration
from skillstack.importers.yamlout import dump_catalog
from skillstack.validate.service import validate_paths
from strategies import entry_point

DATA = Path(__file__).parents[1] / "data" / "imports" / "ctdl"
SKILLSTACK = entry_point()
REAL = sorted(DATA.glob("*.json"))


def _inputs() -> list[tuple[str, Any]]:
    return [(p.name, json.loads(p.read_text(encoding="utf-8-sig"))) for p in REAL]


def _golden() -> dict[str, str]:
    result = import_ctdl(_inputs(), lenient=True)
    return {stem: dump_catalog(f"golden import of {records[0]['x-ctdl']['file']}", credentials=records)
            for stem, records in result.files.items()}


def test_golden_import_of_real_records(tmp_path: Path) -> None:
    made = _golden()
    assert sorted(made) == sorted(p.stem for p in (DATA / "golden").glob("*.yaml"))
    for stem, text in made.items():
        assert text == (DATA / "golden" / f"{stem}.yaml").read_text(encoding="utf-8"), stem
        (tmp_path / f"{stem}.yaml").write_text(text, encoding="utf-8")
    result = validate_paths([tmp_path], None)
    assert result.errors == 0, [str(p) for p in result.problems if p.level == "error"]


def test_real_records_facts() -> None:
    result = import_ctdl(_inputs(), lenient=True)
    by_id = {r["id"]: r for records in result.files.values() for r in records}
    nursing = by_id["ce-2f7bc05c-2f9c-4119-9507-2f64d1a71b7b"]
    # "US Dollar" -> USD; two Tuition prices are alternatives (cheapest taken), the fee is added
    assert nursing["cost"] == {"amount": 3630.8, "currency": "USD",
                               "note": "CTDL: Tuition $3,533.68 (alternatives: $9,963.19) + ProgramSpecificFee $97.12"}
    assert nursing["kind"] == "program"
    lopp = by_id["ce-f8885b28-134d-4188-8c86-063aadff14ea"]
    assert lopp["hours"] == 160.0  # PT160H taken, P4W next to it says nothing about hours
    assert lopp["issuer"] == "160 Driving Academy"  # the blank-node organisation in the same graph
    assessment = by_id["ce-474460bb-617c-4181-8bb5-94cca3e2dde7"]  # from the envelope's decoded_resource
    assert assessment["hours"] == 2.0 and assessment["kind"] == "course"
    assert "cost" not in assessment  # its cost manifests are not in the input
    assert by_id["ce-bd860014-039c-9c32-f816-e4f429b17f40"].get("hours") is None  # P2Y
    for record in by_id.values():
        assert record["sources"][0].endswith(record["id"])


def test_unresolved_targets_are_errors_naming_file_and_ctid() -> None:
    result = import_ctdl(_inputs())
    assert [(n.file, n.record) for n in result.unresolved] == [
        ("certification_detailed_record.json", "ce-509682bb-658e-4eb6-87f2-ebff5d5e0aec"),
        ("license_160_driving_academy.json", "ce-8a871edc-9fbc-43bd-b671-afe33f26059e")]
    assert "ce-c78a3f3e-b644-4179-93d6-0bc4bf2f9814" in result.unresolved[1].message
    assert not import_ctdl(_inputs(), lenient=True).unresolved


# ---- one rule at a time --------------------------------------------------------------

CTID_A = "ce-aaaaaaaa-0000-4000-8000-000000000001"
CTID_B = "ce-bbbbbbbb-0000-4000-8000-000000000002"
CTID_C = "ce-cccccccc-0000-4000-8000-000000000003"


def record(ctid: str, kind: str = "Certification", **props: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"@id": f"https://credentialengineregistry.org/resources/{ctid}", "@type": f"ceterms:{kind}",
                           "ceterms:ctid": ctid, "ceterms:name": {"en-US": f"Record {ctid[3:11]}"},
                           "ceterms:ownedBy": ["_:org"]}
    out.update({f"ceterms:{k}": v for k, v in props.items()})
    return out


def bundle(*records: dict[str, Any]) -> dict[str, Any]:
    org = {"@id": "_:org", "@type": "ceterms:CredentialOrganization", "ceterms:name": {"en": "Example Org"}}
    return {"@context": "https://credreg.net/ctdl/schema/context/json", "@graph": [*records, org]}


def one(*records: dict[str, Any], lenient: bool = False) -> tuple[dict[str, dict[str, Any]], list[str]]:
    result = import_ctdl([("in.json", bundle(*records))], lenient=lenient)
    return ({r["id"]: r for rs in result.files.values() for r in rs},
            [f"{n.level}: {n.message}" for n in result.notices])


def cost(price: Any, currency: str = "USD", kind: str = "Tuition") -> dict[str, Any]:
    return {"@type": "ceterms:CostProfile", "ceterms:price": price, "ceterms:currency": currency,
            "ceterms:directCostType": {"@type": "ceterms:CredentialAlignmentObject",
                                       "ceterms:targetNode": f"costType:{kind}"}}


@pytest.mark.parametrize(("kind", "expected"), [
    ("Certification", "industry-certification"), ("License", "industry-certification"),
    ("OpenBadge", "digital-badge"), ("MasterDegree", "program"), ("ProfessionalCertificate",
                                                                   "professional-certificate"),
    ("Course", "course"), ("AssessmentProfile", "course")])
def test_types_map_to_kinds(kind: str, expected: str) -> None:
    records, _ = one(record(CTID_A, kind))
    assert records[CTID_A]["kind"] == expected


def test_non_credential_types_are_not_written() -> None:
    records, _ = one(record(CTID_A, "CredentialOrganization"), record(CTID_B, "CostManifest"))
    assert records == {}


def test_currency_names_are_normalised() -> None:
    records, notices = one(record(CTID_A, estimatedCost=[cost(250, "US Dollar")]),
                           record(CTID_B, estimatedCost=[cost(99, "eur")]))
    assert records[CTID_A]["cost"]["currency"] == "USD" and records[CTID_A]["cost"]["amount"] == 250
    assert records[CTID_B]["cost"]["currency"] == "EUR"
    assert notices == []


def test_unknown_currency_leaves_cost_unset() -> None:
    records, notices = one(record(CTID_A, estimatedCost=[cost(250, "Galactic Credit")]))
    assert "cost" not in records[CTID_A]
    assert notices == ["warning: currency 'Galactic Credit' is not known; cost left out"]


# "1e400" and the JSON number 1e400 (json.loads gives inf) stopped the import in money() (exit 3); "nan" was a cost
@pytest.mark.parametrize("price", [True, "free", None, [100], "1e400", float("inf"), "nan", "-inf"])
def test_a_price_that_is_not_a_number_is_left_out_with_a_warning(price: Any) -> None:
    records, notices = one(record(CTID_A, estimatedCost=[cost(price), cost("250", kind="Application")]))
    assert records[CTID_A]["cost"]["amount"] == 250  # numeric text counts; the rest is left out
    assert notices == ([] if price is None else [f"warning: cost {price!r} is not a number; left out"])


@pytest.mark.parametrize("price", [1e308, "100000000.01", -2e8])
def test_a_price_over_the_catalog_limit_is_left_out_with_a_warning(price: Any) -> None:
    # 1e308 stopped the import in money() (OverflowError, exit 3); the others were written and failed validate
    records, notices = one(record(CTID_A, estimatedCost=[cost(price), cost("250", kind="Application")]))
    assert records[CTID_A]["cost"]["amount"] == 250
    assert notices == [f"warning: cost {price!r} is over 100,000,000; left out"]


@pytest.mark.parametrize("price", [-5, "-0.01"])
def test_a_negative_price_is_left_out_with_a_warning(price: Any) -> None:
    # written as it was, the imported file failed validate (a cost is 0 or more)
    records, notices = one(record(CTID_A, estimatedCost=[cost(price), cost("250", kind="Application")]))
    assert records[CTID_A]["cost"]["amount"] == 250
    assert notices == [f"warning: cost {price!r} is negative; left out"]


def test_alternatives_are_never_summed_but_different_cost_types_are() -> None:
    records, _ = one(record(CTID_A, estimatedCost=[cost(4000), cost(9000), cost(100, kind="Application")]))
    assert records[CTID_A]["cost"]["amount"] == 4100  # cheapest tuition + the application fee
    assert records[CTID_A]["cost"]["note"] == "CTDL: Tuition $4,000 (alternatives: $9,000) + Application $100"


def test_a_real_record_in_another_currency_writes_its_sums_as_the_catalog_does() -> None:
    """The nursing record (docs/catalog-format.md: cost {amount, currency, note}), its currency
    changed to euros: every sum in the note follows `money` ("3,533.68 EUR"), never bare numbers."""
    (nursing,) = [doc for name, doc in _inputs() if name == "bachelor_nursing_iusb.json"]
    text = json.dumps(nursing).replace('"ceterms:currency": "US Dollar"', '"ceterms:currency": "Euro"')
    assert text.count('"ceterms:currency": "Euro"') >= 2
    result = import_ctdl([("bachelor_nursing_iusb.json", json.loads(text))], lenient=True)
    (record,) = [r for records in result.files.values() for r in records]
    assert record["cost"] == {"amount": 3630.8, "currency": "EUR", "note": "CTDL: Tuition 3,533.68 EUR (alternatives: "
                              "9,963.19 EUR) + ProgramSpecificFee 97.12 EUR"}


def test_an_aggregate_next_to_its_parts_is_taken_once() -> None:
    records, _ = one(record(CTID_A, estimatedCost=[cost(1200, kind="AggregateCost"), cost(1000), cost(200,
                                                                                                     kind="Equipment")]))
    assert records[CTID_A]["cost"]["amount"] == 1200
    records, _ = one(record(CTID_A, estimatedCost=[cost(1000), cost(200, kind="Equipment")]))
    assert records[CTID_A]["cost"]["amount"] == 1200  # parts alone are added


def test_optional_charges_are_not_counted() -> None:
    records, _ = one(record(CTID_A, estimatedCost=[cost(500), cost(80, kind="Travel")]))
    assert records[CTID_A]["cost"]["amount"] == 500


def test_cost_manifest_is_resolved_when_in_the_input() -> None:
    manifest = {"@id": f"https://credentialengineregistry.org/resources/{CTID_C}", "@type": "ceterms:CostManifest",
                "ceterms:ctid": CTID_C, "ceterms:estimatedCost": [cost(75, kind="Application")]}
    ref = f"https://credentialengineregistry.org/graph/{CTID_C.upper().replace('CE-', 'ce-')}"
    records, notices = one(record(CTID_A, commonCosts=[ref]), manifest)
    assert records[CTID_A]["cost"]["amount"] == 75 and notices == []
    assert records[CTID_A]["sources"][1].endswith(CTID_C)
    records, notices = one(record(CTID_A, commonCosts=[ref]))
    assert "cost" not in records[CTID_A]
    assert notices == [f"warning: cost manifest {CTID_C} is not in the input; its costs are not counted"]


@pytest.mark.parametrize(("text", "expected"), [
    ("PT160H", (160.0, False)), ("PT2H30M", (2.5, False)), ("PT90M", (1.5, False)),
    ("P9M", (None, True)), ("P4W", (None, True)), ("P2Y", (None, True)), ("P1DT2H", (None, True)),
    ("nine months", (None, False)), ("P", (None, False))])
def test_parse_duration(text: str, expected: tuple[float | None, bool]) -> None:
    assert parse_duration(text) == expected


def test_exact_and_range_durations_become_hours() -> None:
    dur = {"@type": "ceterms:DurationProfile", "ceterms:minimumDuration": "PT20H", "ceterms:maximumDuration": "PT40H"}
    records, _ = one(record(CTID_A, estimatedDuration=[dur]),
                     record(CTID_B, estimatedDuration=[{"ceterms:exactDuration": "PT12H"}]))
    assert records[CTID_A]["hours"] == 40 and records[CTID_B]["hours"] == 12


def test_calendar_duration_leaves_hours_unset_with_a_warning() -> None:
    records, notices = one(record(CTID_A, estimatedDuration=[{"ceterms:exactDuration": "P9M"}]))
    assert "hours" not in records[CTID_A]
    assert notices == ["warning: calendar duration P9M says nothing about study hours; hours left unset"]


def test_requires_a_credential_in_the_input_becomes_a_requirement() -> None:
    cond = {"@type": "ceterms:ConditionProfile", "ceterms:description": {"en": "Hold B first."},
            "ceterms:targetCredential": [f"https://credentialengineregistry.org/resources/{CTID_B.upper()}"]}
    records, notices = one(record(CTID_A, requires=[cond]), record(CTID_B))
    assert records[CTID_A]["requires"] == [{"credential": CTID_B}]
    assert records[CTID_A]["x-ctdl"]["requires_notes"] == ["Hold B first."]
    assert notices == []


def test_prose_conditions_become_notes_and_unresolved_targets_are_reported() -> None:
    cond = {"@type": "ceterms:ConditionProfile", "ceterms:condition": {"en": ["Be 18 or older"]},
            "ceterms:targetLearningOpportunity": [f"https://credentialengineregistry.org/resources/{CTID_C}"]}
    records, notices = one(record(CTID_A, recommends=[cond]), lenient=True)
    assert "recommends" not in records[CTID_A]
    assert records[CTID_A]["x-ctdl"]["recommends_notes"] == [f"Be 18 or older - {CTID_C} (not in the input)"]
    assert notices == [f"warning: recommends targetLearningOpportunity {CTID_C} is not in the input"]
    result = import_ctdl([("in.json", bundle(record(CTID_A, recommends=[cond])))])
    assert [(n.level, n.file, n.record) for n in result.notices] == [("error", "in.json", CTID_A)]


def test_alternative_conditions_become_any_of() -> None:
    alt = {"@type": "ceterms:ConditionProfile", "ceterms:targetCredential": [f"https://x.org/resources/{CTID_C}"]}
    cond = {"@type": "ceterms:ConditionProfile", "ceterms:targetCredential": [f"https://x.org/resources/{CTID_B}"],
            "ceterms:alternativeCondition": [alt]}
    records, _ = one(record(CTID_A, requires=[cond]), record(CTID_B), record(CTID_C))
    assert records[CTID_A]["requires"] == [{"any_of": [{"credential": CTID_B}, {"credential": CTID_C}]}]


def test_has_part_and_is_part_of_make_one_stack() -> None:
    records, _ = one(record(CTID_A, "MicroCredential", hasPart=[f"https://x.org/resources/{CTID_B}"]),
                     record(CTID_B, "Course"),
                     record(CTID_C, "Course", isPartOf=[f"https://x.org/resources/{CTID_A}"]))
    assert records[CTID_A]["awarded_for"] == {"all_of": [{"credential": CTID_B}, {"credential": CTID_C}]}
    _, notices = one(record(CTID_A, hasPart=[f"https://x.org/resources/{CTID_B}"]))
    assert notices == [f"error: hasPart target {CTID_B} is not in the input"]


def test_occupations_link_to_roles_with_the_same_onet_code() -> None:
    occ = [{"@type": "ceterms:CredentialAlignmentObject", "ceterms:codedNotation": "15-1212.00",
            "ceterms:targetNodeName": {"en": "Information Security Analysts"}},
           {"ceterms:codedNotation": "11-1011", "ceterms:targetNodeName": {"en": "Chief Executives"}}]
    result = import_ctdl([("in.json", bundle(record(CTID_A, occupationType=occ)))],
                         roles_by_onet={"15-1212.00": ["security-analyst"], "11-1011.03": ["ceo"]})
    assert result.files["in"][0]["x-ctdl"]["occupations"] == [
        {"name": "Information Security Analysts", "code": "15-1212.00", "roles": ["security-analyst"]},
        {"name": "Chief Executives", "code": "11-1011", "roles": ["ceo"]}]
    result = import_ctdl([("in.json", bundle(record(CTID_A, occupationType=occ[:1])))], roles_by_onet={})
    assert "roles" not in result.files["in"][0]["x-ctdl"]["occupations"][0]


def test_an_occupation_no_role_has_is_a_warning_and_stays_unlinked() -> None:
    occ = [{"@type": "ceterms:CredentialAlignmentObject", "ceterms:codedNotation": "29-2061.00",
            "ceterms:targetNodeName": {"en": "Licensed Practical Nurses"}}]
    result = import_ctdl([("in.json", bundle(record(CTID_A, occupationType=occ)))],
                         roles_by_onet={"15-1212.00": ["security-analyst"]})
    assert result.occupations == [{"credential": CTID_A, "code": "29-2061.00", "name": "Licensed Practical Nurses",
                                   "roles": []}]
    assert [n.message for n in result.notices] == [
        ("occupation 29-2061.00 (Licensed Practical Nurses): no catalog role has this O*NET-SOC code; kept "
         "unlinked in x-ctdl.occupations")]


def test_cli_json_lists_occupation_links_to_catalog_roles(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.yaml"
    catalog.write_text("skills:\n- {id: sql, name: SQL}\nroles:\n- id: analyst\n  name: Analyst\n  onet: 15-2051.00\n"
                       "  requires:\n  - {skill: sql, level: 2}\n", encoding="utf-8")
    occ = [{"ceterms:codedNotation": "15-2051.01", "ceterms:targetNodeName": {"en": "Business Intelligence Analysts"}},
           {"ceterms:codedNotation": "29-2061.00", "ceterms:targetNodeName": {"en": "Licensed Practical Nurses"}}]
    src = tmp_path / "in.json"
    src.write_text(json.dumps(bundle(record(CTID_A, occupationType=occ))), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    done = subprocess.run([SKILLSTACK, "import", "ctdl", str(src), "-o", str(out), "--catalog", str(catalog),
                           "--format", "json"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["occupations"] == [
        {"credential": CTID_A, "code": "15-2051.01", "name": "Business Intelligence Analysts", "roles": ["analyst"]},
        {"credential": CTID_A, "code": "29-2061.00", "name": "Licensed Practical Nurses", "roles": []}]
    assert [n["level"] for n in report["notices"]] == ["warning"]


def _years(**props: Any) -> dict[str, Any]:
    return {"@type": "ceterms:ConditionProfile", **{f"ceterms:{k}": v for k, v in props.items()}}


def test_years_of_experience_become_an_experience_requirement() -> None:
    records, notices = one(record(CTID_A, requires=[_years(yearsOfExperience=3, experience={"en": "security"})],
                                  recommends=[_years(yearsOfExperience=1.5, name={"en": "Help desk"})]))
    assert records[CTID_A]["requires"] == [{"experience": "security", "years": 3}]
    assert records[CTID_A]["recommends"] == [{"experience": "Help desk", "years": 1.5}]
    assert notices == []


@pytest.mark.parametrize(("props", "why"), [
    ({"yearsOfExperience": 2}, "names no area of experience"),
    ({"yearsOfExperience": 200, "experience": {"en": "nursing"}}, "is not between 0 and 80"),
    ({"yearsOfExperience": "several", "experience": {"en": "nursing"}}, "is not a number"),
    ({"yearsOfExperience": True, "experience": {"en": "nursing"}}, "yearsOfExperience True is not a number")])
def test_experience_without_area_or_with_bad_years_stays_a_note(props: dict[str, Any], why: str) -> None:
    records, notices = one(record(CTID_A, requires=[_years(**props)]))
    assert "requires" not in records[CTID_A]
    assert records[CTID_A]["x-ctdl"]["requires_notes"]
    assert len(notices) == 1 and why in notices[0]


def test_a_degree_target_without_ctid_is_an_education_requirement() -> None:
    degree = {"@type": "ceterms:BachelorOfScienceDegree", "ceterms:name": {"en": "BS in Nursing"},
              "ceterms:subject": [{"ceterms:targetNodeName": {"en": "nursing"}}]}
    records, notices = one(record(CTID_A, requires=[_years(targetCredential=[degree])]))
    assert notices == []
    assert records[CTID_A]["requires"] == [{"education": "bachelor", "field": "nursing"}]
    certificate = {"@type": "ceterms:Certificate", "ceterms:name": {"en": "Some certificate"}}
    records, _ = one(record(CTID_A, requires=[_years(targetCredential=[certificate])]))
    assert "requires" not in records[CTID_A]  # not a degree: a note only
    assert "Some certificate (described in the record, no CTID)" in records[CTID_A]["x-ctdl"]["requires_notes"][0]


def test_lifecycle_validity_and_successor() -> None:
    ceased = {"ceterms:targetNode": "lifeCycle:Ceased"}
    records, notices = one(record(CTID_A, lifeCycleStatusType=ceased, renewalFrequency="P3Y",
                                  expirationDate="2025-06-30",
                                  supersededBy=f"https://credentialengineregistry.org/resources/{CTID_B}"),
                           record(CTID_B, credentialStatusType={"ceterms:targetNode": "credentialStat:Active"},
                                  renewalFrequency="P18M"))
    assert {k: records[CTID_A][k] for k in ("status", "validity_years", "superseded_by")} == {
        "status": "retired", "validity_years": 3.0, "superseded_by": CTID_B}
    assert str(records[CTID_A]["retires"]) == "2025-06-30"
    assert "status" not in records[CTID_B] and records[CTID_B]["validity_years"] == 1.5
    records, notices = one(record(CTID_A, renewalFrequency="P30D", lifeCycleStatusType={
        "ceterms:targetNode": "lifeCycle:Developing"},
        supersededBy=f"https://credentialengineregistry.org/resources/{CTID_C}"))
    assert "validity_years" not in records[CTID_A] and "status" not in records[CTID_A]
    assert notices == [f"error: supersededBy {CTID_C} is not a credential in the input"]


def test_competencies_become_grants_only_when_aligned_to_catalog_skills() -> None:
    ours = {"ceterms:framework": "https://skillstack.dev/ns/skills", "ceterms:codedNotation": "sql",
            "skillstack:level": 2}
    theirs = {"ceterms:framework": "https://example.org/framework", "ceterms:targetNodeName": {"en": "Triage"}}
    records, _ = one(record(CTID_A, "Course", teaches=[ours, theirs]))
    assert records[CTID_A]["grants"] == [{"skill": "sql", "level": 2}]
    assert records[CTID_A]["x-ctdl"]["competencies_notes"] == ["Triage"]


@pytest.mark.parametrize("level", [True, 2.0, "2"], ids=["true", "2.0", "text"])
def test_a_skill_level_that_is_not_an_integer_makes_a_competency_note_not_a_grant(tmp_path: Path, level: Any) -> None:
    # `true == 1` and `2.0 == 2`: taken as levels, they were written as `level: true` / `level: 2.0`,
    # which the catalog refuses
    ours = {"ceterms:framework": "https://skillstack.dev/ns/skills", "ceterms:codedNotation": "sql",
            "ceterms:targetNodeName": {"en": "SQL"}, "skillstack:level": level}
    result = import_ctdl([("in.json", bundle(record(CTID_A, "Course", teaches=[ours])))])
    (made,) = result.files["in"]
    assert "grants" not in made and made["x-ctdl"]["competencies_notes"] == ["SQL"]
    for stem, text in result.catalog_files().items():
        (tmp_path / f"{stem}.yaml").write_text(text, encoding="utf-8")
    assert validate_paths([tmp_path], None).errors == 0


def test_ctids_compare_case_insensitively_and_duplicates_are_reported() -> None:
    upper = record(CTID_A.upper().replace("CE-", "ce-"))
    result = import_ctdl([("a.json", bundle(upper)), ("b.json", bundle(record(CTID_A)))])
    assert [r["id"] for rs in result.files.values() for r in rs] == [CTID_A]
    assert [n.file for n in result.notices] == ["b.json"]


def test_cli_json_output_and_exit_codes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    cmd = [sys.executable, "-m", "skillstack", "import", "ctdl", *map(str, REAL), "-o", str(out), "--format", "json"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 2
    report = json.loads(done.stdout)
    assert report["written"] == [] and list(out.iterdir()) == []
    assert {n["record"] for n in report["notices"] if n["level"] == "error"} == {
        "ce-509682bb-658e-4eb6-87f2-ebff5d5e0aec", "ce-8a871edc-9fbc-43bd-b671-afe33f26059e"}
    done = subprocess.run([*cmd, "--lenient"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["credentials"] == 6 and len(report["written"]) == 6
    check = subprocess.run([sys.executable, "-m", "skillstack", "validate", str(out), "--format", "json"],
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0 and json.loads(check.stdout)["summary"]["errors"] == 0


def test_cli_bad_json_is_a_one_line_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"@graph": [\n  oops]}', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "skillstack", "import", "ctdl", str(bad), "-o", str(tmp_path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr.strip().startswith(f"skillstack: error: {bad}:2:3: not JSON")


def test_cli_error_notices_are_one_safe_line_each(tmp_path: Path) -> None:
    """A notice quotes the input (a target's URL): on stderr it is one line, control characters
    shown as U+FFFD, like every other error message, so a record cannot recolour the terminal."""
    target = "https://x.org/resources/\x1b[31mred\nskillstack: error: forged"
    cond = {"@type": "ceterms:ConditionProfile", "ceterms:targetCredential": [target]}
    given = tmp_path / "in.json"
    given.write_text(json.dumps(bundle(record(CTID_A, requires=[cond]))), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "skillstack", "import", "ctdl", str(given), "-o", str(tmp_path)],
                          capture_output=True, text=True, check=False, env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if line.startswith("skillstack: error:")]
    assert len(errors) == 1 and "\x1b" not in done.stderr
    assert "\ufffd[31mred skillstack: error: forged" in errors[0]


if __name__ == "__main__" and sys.argv[1:] == ["--regenerate"]:
    (DATA / "golden").mkdir(exist_ok=True)
    for stem, text in _golden().items():
        (DATA / "golden" / f"{stem}.yaml").write_text(text, encoding="utf-8")

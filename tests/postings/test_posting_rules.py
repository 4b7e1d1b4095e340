"""Each extraction rule with a case it must catch and a case it must leave alone."""

from __future__ import annotations

from skillstack.postings import rules
from skillstack.postings.document import read_posting


def creds(result) -> list[tuple[tuple[str, ...], str]]:  # type: ignore[no-untyped-def]
    return [(c.any_of, c.importance) for c in result.credentials]


def skills(result) -> dict[str, tuple[int, str]]:  # type: ignore[no-untyped-def]
    return {s.skill: (s.level, s.importance) for s in result.skills}


def test_credential_abbreviation(read) -> None:  # type: ignore[no-untyped-def]
    assert creds(read("CISSP required.")) == [(("isc2-cissp",), "essential")]
    assert creds(read("PMP preferred")) == [(("pmi-pmp",), "optional")]
    assert creds(read("CompTIA Security+ certification")) == [(("comptia-security-plus",), "important")]


def test_credential_abbreviation_needs_its_own_word_and_case(read) -> None:  # type: ignore[no-untyped-def]
    assert creds(read("Our PMPX tool and the cissps team")) == []
    assert creds(read("Send your cv and a cpc of your diploma")) == []  # CPC only in capitals


def test_exam_code(read) -> None:  # type: ignore[no-untyped-def]
    result = read("Must have passed SY0-701 or AZ-104.")
    assert creds(result) == [(("comptia-security-plus", "azure-administrator-az-104"), "essential")]
    older = read("Passed SY0-601")
    assert creds(older) == [(("comptia-security-plus",), "important")]
    assert older.credentials[0].via == ("exam code family SY0",)


def test_exam_code_unknown_or_not_a_code(read) -> None:  # type: ignore[no-untyped-def]
    assert creds(read("Grade GS-12 or XQ9-999; COVID-19 rules apply")) == []


def test_x_or_y_is_one_requirement(read) -> None:  # type: ignore[no-untyped-def]
    result = read("Security+ or CISSP required")
    assert creds(result) == [(("comptia-security-plus", "isc2-cissp"), "essential")]
    assert [e.phrase for e in result.credentials[0].evidence] == ["Security+", "CISSP"]
    three = read("Security+, CySA+, or CISSP certification")
    assert creds(three) == [(("comptia-security-plus", "comptia-cysa-plus", "isc2-cissp"), "important")]


def test_x_and_y_are_two_requirements(read) -> None:  # type: ignore[no-untyped-def]
    assert creds(read("Security+ and CISSP required")) == [
        (("comptia-security-plus",), "essential"), (("isc2-cissp",), "essential")]


def test_years_of(read) -> None:  # type: ignore[no-untyped-def]
    result = read("## Requirements\n- 3+ years of network administration")
    [exp] = result.experience
    assert (exp.domain, exp.years, exp.importance) == ("networking", 3.0, "essential")
    assert exp.evidence[0].phrase == "3+ years of network administration" and exp.evidence[0].line == 2
    assert skills(result)["network-administration"] == (2, "essential")
    two = read("At least two years' experience in cybersecurity")
    assert [(e.domain, e.years) for e in two.experience] == [("security", 2.0)]


def test_years_of_needs_years(read) -> None:  # type: ignore[no-untyped-def]
    assert read("3 projects in network administration").experience == ()
    assert read("Founded 25 years ago in Denver").experience == ()
    vague = read("5 years of experience")
    assert vague.experience == () and "no field" in vague.ignored[0].reason


def test_negation(read) -> None:  # type: ignore[no-untyped-def]
    result = read("No degree required. Python is not required")
    assert result.education == () and "python" not in skills(result)
    assert {n.reason for n in result.ignored} == {"negated: 'No degree required'", "negated: 'not required'"}


def test_negation_scope_and_positive_control(read) -> None:  # type: ignore[no-untyped-def]
    result = read("No degree required; strong SQL. Bachelor's degree in business required")
    assert skills(result) == {"sql": (3, "important")}
    assert [(e.level, e.field, e.importance) for e in result.education] == [("bachelor", "business", "essential")]
    plus = read("SQL is a plus but not required")
    assert skills(plus) == {"sql": (2, "optional")}


def test_preferred_section(read) -> None:  # type: ignore[no-untyped-def]
    text = "# Analyst\n## Minimum qualifications\n- SQL\n## Nice to have\n- Tableau\n- PMP"
    result = read(text)
    assert skills(result) == {"sql": (2, "essential"), "tableau": (2, "optional")}
    assert creds(result) == [(("pmi-pmp",), "optional")]
    assert result.skills[1].importance_reason == "under 'Nice to have'"


def test_required_wording_beats_a_preferred_section_only_when_said(read) -> None:  # type: ignore[no-untyped-def]
    result = read("## Preferred\n- Tableau\n- SQL (required)")
    assert skills(result) == {"tableau": (2, "optional"), "sql": (2, "essential")}


def test_levels_from_wording_and_years(read) -> None:  # type: ignore[no-untyped-def]
    result = read("Familiarity with Python; expert in SQL; Tableau; 6 years of Power BI")
    assert {k: v[0] for k, v in skills(result).items()} == {"python": 1, "sql": 4, "tableau": rules.DEFAULT_LEVEL,
                                                           "power-bi": 3}
    by_id = {s.skill: s for s in result.skills}
    assert by_id["tableau"].level_reason.startswith("no wording cue (default 2")
    assert by_id["power-bi"].level_reason == "6 years"


def test_education_with_equivalent_experience(read) -> None:  # type: ignore[no-untyped-def]
    result = read("## Requirements\n- Bachelor's degree in computer science or equivalent experience")
    [edu] = result.education
    assert (edu.level, edu.field, edu.or_experience, edu.importance) == (
        "bachelor", "computer science", True, "important")
    assert read("Degree in a quantitative field").education[0].level == "bachelor"
    assert read("High school diploma or GED").education[0].level == "high-school"
    assert read("Our degree of care is high").education == ()


def test_unmapped_phrases_are_listed(read) -> None:  # type: ignore[no-untyped-def]
    result = read("Experience with Gurobi. Knowledge of SQL.")
    assert [(n.phrase, n.line) for n in result.unmapped] == [("Gurobi", 1)]


def test_job_titles_and_employer_sentences_are_not_requirements(read) -> None:  # type: ignore[no-untyped-def]
    result = read("Senior Java Developer\nWe have built our whole platform on Python and Kubernetes since 2015.")
    assert skills(result) == {}
    reasons = {n.phrase: n.reason for n in result.ignored}
    assert reasons["Java Developer"] == "part of a job title"
    assert reasons["Python"] == "describes the employer, not what the candidate needs"
    assert skills(read("You are an expert Java developer")) == {"java": (4, "important")}


def test_esco_labels_resolve_through_catalog_links(read) -> None:  # type: ignore[no-untyped-def]
    result = read("You will define firewall rules and use the SAS language.")
    assert {(s.skill, s.via, s.matched) for s in result.skills} == {
        ("firewall-configuration", "esco", "define firewall rules"),  # the catalog links this ESCO concept
        ("programming-fundamentals", "esco broader", "SAS language"),  # its broader ESCO concept is linked
    }


def test_esco_labels_without_a_catalog_skill_are_unmapped(read) -> None:  # type: ignore[no-untyped-def]
    result = read("You will use MATLAB daily. Degree in computer science.")
    assert [(n.phrase, n.reason) for n in result.unmapped] == [
        ("MATLAB", ("ESCO skill 'MATLAB' is not in the catalog itself; read as its broader skill Programming "
                    "Fundamentals (programming-fundamentals)")),
        ("computer science", "ESCO skill 'computer science' has no catalog skill")]


def test_line_numbers_of_html_and_markdown() -> None:
    html = "<html><body>\n<h2>Requirements</h2>\n<ul>\n<li>SQL</li>\n<li>Python &amp; R</li></ul>\n</body></html>"
    lines = read_posting(html, "html")
    assert [(ln.number, ln.text, ln.section) for ln in lines] == [
        (2, "Requirements", "required"), (4, "SQL", "required"), (5, "Python & R", "required")]
    md = read_posting("# Title\n\n**Nice to have**\n* Tableau", "markdown")
    assert [(ln.number, ln.text, ln.section) for ln in md] == [
        (1, "Title", "other"), (3, "Nice to have", "preferred"), (4, "Tableau", "preferred")]

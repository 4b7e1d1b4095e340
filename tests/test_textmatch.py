"""The one "did you mean": `suggest` for plain choices, `suggest_ids` over a catalog index's names."""

from __future__ import annotations

from skillstack.textmatch import CLOSE, score, suggest, suggest_ids


def test_a_suggestion_is_the_choice_as_written() -> None:
    assert suggest("allow-warning", ["aliases", "allow_warnings"]) == ["allow_warnings"]
    assert suggest("Bachelors", ["associate", "bachelor", "master"]) == ["bachelor"]


def test_nothing_below_close_is_suggested() -> None:
    assert suggest("pyhton-course", ["sql-course"]) == []
    assert suggest("pyhton-course", ["sql-course", "python-course"]) == ["python-course"]
    assert suggest("anything", []) == []


def test_suggestions_are_best_first_up_to_the_limit() -> None:
    choices = ["sql-courses", "nosql", "sql-course"]
    assert suggest("sql-cours", choices, limit=2) == ["sql-course", "sql-courses"]
    assert suggest("sql-cours", choices) == ["sql-course"]


def test_ids_with_several_close_names_are_suggested_once() -> None:
    names = {"sql course": "sql-course", "sql cours": "sql-course", "sql courses": "sql-courses",
             "python course": "python-course"}
    assert suggest_ids("sql-cours", names, limit=2) == ["sql-course", "sql-courses"]
    assert suggest_ids("sql-cours", names, limit=1) == ["sql-course"]


def test_a_misspelt_warning_rule_is_suggested() -> None:
    from skillstack.validate.rules.allow_warnings import rule_levels

    warnings = [rule for rule, level in rule_levels().items() if level == "warning"]
    assert suggest("unreachabel", warnings) == ["unreachable"]


def test_a_word_of_a_choice_is_not_a_misspelling_of_it() -> None:
    """Search ranks 'data' high against 'Data Analysis' (a word of it); a "did you mean" does not."""
    assert score("data", "data analysis") >= CLOSE
    assert suggest("data", ["data-analysis", "statistics"]) == []
    assert suggest("analysis-tools", ["data-analysis"]) == []

"""One money format: `skillstack.money.money` is the only place a sum is formatted for people."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import skillstack
from skillstack.money import money
from skillstack.validate.service import validate_paths

PACKAGE = Path(skillstack.__file__).parent
# "$" followed by an f-string field with a thousands separator or fixed decimals: a formatter of its own
OWN_FORMATTER = re.compile(r"\$\{[^}]*:[^}]*[,.][0-9]*f\}|def _?money\(")


@pytest.mark.parametrize(("amount", "currency", "text"), [
    (0, "USD", "$0"), (1500, "USD", "$1,500"), (1500.0, "USD", "$1,500"), (49.5, "USD", "$49.50"),
    (49.999, "USD", "$50"), (1234567.891, "USD", "$1,234,567.89"), (-1234, "USD", "-$1,234"),
    (-0.001, "USD", "$0"), (80, "EUR", "80 EUR"), (1200.25, "GBP", "1,200.25 GBP"),
])
def test_money(amount: float, currency: str, text: str) -> None:
    assert money(amount, currency) == text


def test_no_module_formats_money_its_own_way() -> None:
    own = [f"{path.relative_to(PACKAGE)}:{n}: {line.strip()}"
           for path in sorted(PACKAGE.rglob("*.py")) if path.name != "money.py"
           for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
           if OWN_FORMATTER.search(line)]
    assert own == []


def test_a_message_about_a_price_uses_the_one_format(tmp_path: Path) -> None:
    (tmp_path / "cat.yaml").write_text(
        "skills: [{id: sql, name: SQL}]\ncredentials:\n  - {id: sql-course, name: SQL Course, issuer: X, kind: course,"
        " cost: {amount: 1234.5, currency: EUR}, hours: 10, grants: [{skill: sql, level: 1}]}\n", encoding="utf-8")
    messages = [p.message for p in validate_paths([tmp_path]).problems if p.rule == "non-usd-cost"]
    assert messages == [("sql-course costs 1,234.50 EUR; budgets are in USD: convert the amount and keep the list price "
                        "in cost.note")]

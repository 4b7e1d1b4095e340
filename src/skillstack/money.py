"""The one way a sum of money is written, in every output (text, Markdown, HTML, ICS, messages).

Whole amounts have no cents, other amounts two decimals; thousands are separated with commas;
US dollars lead with `$`, any other currency follows the amount with its code; a negative sum
leads with the minus sign. JSON outputs keep plain numbers (and a `currency` key where one can
differ from USD).

>>> money(1500), money(49.5), money(-1234), money(80, "EUR"), money(0.004)
('$1,500', '$49.50', '-$1,234', '80 EUR', '$0')
"""

from __future__ import annotations

MONEY_LIMIT = 100_000_000
"""The largest price or budget: a hundred million, in any currency a catalog uses (the schema's
limit and `--budget`'s, here so that a command need not import the schema to know it)."""


def money(amount: float, currency: str = "USD") -> str:
    """`amount` of `currency` as people read it: $1,500, $49.50, -$1,234, 1,200 EUR."""
    cents = round(abs(amount) * 100)
    whole, part = divmod(cents, 100)
    number = f"{whole:,}" if part == 0 else f"{whole:,}.{part:02d}"
    sign = "-" if amount < 0 and cents else ""
    return f"{sign}${number}" if currency == "USD" else f"{sign}{number} {currency}"

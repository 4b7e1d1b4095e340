"""Plain-text phrases saying what a price or salary is and where it comes from.

Shared by the text, Markdown, HTML and JSON reporters so every figure an advisor
hands a client carries the same provenance: the kind of source behind it
(issuer, authority, secondary, or unknown for a bare URL) and, for a salary taken
from a broader occupation, a proxy mark.
"""

from __future__ import annotations

from skillstack import model as m
from skillstack.money import money
from skillstack.pay import Pay, payback_words

UNKNOWN = "source kind not stated"


def describe_cost(cred: m.Credential) -> str:
    cost = cred.cost
    parts = []
    if cost.amount or cost.subscription is None:
        parts.append(money(cost.amount, cost.currency))
    if cost.subscription is not None:
        sub = cost.subscription
        parts.append(f"{money(sub.monthly, cost.currency)}/month subscription at {sub.provider}")
    text = " + ".join(parts)
    extras = []
    if cost.retake is not None:
        extras.append(f"retake {money(cost.retake, cost.currency)}, not included")
    if cost.training is not None:
        extras.append(f"optional training {money(cost.training, cost.currency)}, not included")
    if cost.note:
        extras.append(cost.note)
    return text + (f" ({'; '.join(extras)})" if extras else "")


def describe_discount(discount: m.Discount) -> str:
    after = discount.after_credential or discount.after_issuer
    text = f"{discount.percent:g}% off after {after} earlier in the pathway"
    return text + (f" ({discount.note})" if discount.note else "")


def describe_source(source: m.Source) -> str:
    if not source.kind:
        return source.url
    facts = ", ".join(source.facts) if source.facts else "all facts"
    reviewed = f", re-read {source.reviewed}" if source.reviewed else ""
    return f"{source.url} [{source.kind}: {facts}{reviewed}]"


LABELS = {"issuer": "issuer's page", "authority": "authority", "secondary": "secondary source, unconfirmed",
          "": UNKNOWN}


def fact_origin(sources: tuple[m.Source, ...], fact: str) -> str:
    """'issuer', 'authority', 'secondary' or 'unknown' for one fact group (for JSON)."""
    return m.fact_kind(sources, fact) or "unknown"


def price_origin(cred: m.Credential) -> str:
    """Where a credential's price comes from, for JSON: issuer | authority | secondary | unknown."""
    return fact_origin(cred.sources, "cost")


def price_label(cred: m.Credential) -> str:
    """Where a credential's price comes from, for people: "issuer's page", "secondary source, unconfirmed"..."""
    return LABELS[m.fact_kind(cred.sources, "cost")]


def salary_dict(salary: m.Salary) -> dict[str, object]:
    return {"median": salary.median, "currency": salary.currency, "year": salary.year, "source": salary.source,
            "source_kind": salary.kind or "unknown", "proxy": salary.proxy, "occupation": salary.occupation or None}


def salary_origin(salary: m.Salary) -> str:
    """E.g. 'BLS OEWS May 2024, authority, 2024; proxy: 15-2051 Data Scientists'."""
    parts = [salary.source or "no source named", salary.kind or UNKNOWN]
    if salary.year:
        parts.append(str(salary.year))
    text = ", ".join(parts)
    if salary.proxy:
        text += "; proxy: pay of " + (salary.occupation or "a broader occupation")
    return text


def describe_salary(salary: m.Salary) -> str:
    return f"{money(salary.median, salary.currency)} median ({salary_origin(salary)})"


def pay_text(p: Pay) -> str:
    """A role's pay against the learner's, for people: 'median pay $124,910 (BLS ..., authority,
    2024); you earn $52,000 now (payslip): +$72,910 a year, the pathway's $425 paid back in about
    2 days'. Empty when the catalog gives the role no pay."""
    if p.salary is None:
        return ""
    text = f"median pay {money(p.salary.median, p.salary.currency)} ({salary_origin(p.salary)})"
    if p.current is None:
        return text
    source = f", {p.current.source}" if p.current.source else ", source not given"
    text += f"; you earn {money(p.current.amount, p.current.currency)} now ({p.current.currency}{source})"
    if p.gain is None:
        return text + f": {p.note}, so no comparison"
    if p.gain <= 0:
        return text + f": no raise at the median ({money(p.gain, p.current.currency)} a year)"
    text += f": +{money(p.gain, p.current.currency)} a year"
    if p.payback_days is not None and p.cost:
        text += f", the pathway's {money(p.cost)} paid back in about {payback_words(p.payback_days)}"
    return text


def pay_dict(p: Pay) -> dict[str, object]:
    """The JSON of one role's pay (docs/json.md, `pay`)."""
    return {"role": p.role, "salary": salary_dict(p.salary) if p.salary else None,
            "current_salary": {"amount": p.current.amount, "currency": p.current.currency,
                               "source": p.current.source or None} if p.current else None,
            "gain_per_year": p.gain, "pathway_cost": p.cost, "payback_days": p.payback_days,
            "note": p.note or None}

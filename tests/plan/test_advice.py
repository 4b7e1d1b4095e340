"""Advice on what a pathway cannot do: the exact reason an expected credential is missed,
experience gates that block a role (with the role to aim for first), and near ties."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from skillstack.catalog import Catalog, Index
from skillstack.model import (
    AllOf,
    AnyOf,
    Constraints,
    Cost,
    Credential,
    CredentialId,
    CredentialReq,
    Expectation,
    ExperienceReq,
    Grant,
    Level,
    Profile,
    Requirement,
    Role,
    RoleId,
    RoleSkill,
    Skill,
    SkillId,
)
from skillstack.plan.service import Plan, plan
from strategies import WHERE

START = date(2026, 12, 1)


def cred(cid: str, cost: float, hours: float = 10.0, grants: dict[str, int] | None = None, issuer: str = "Acme",
         requires: tuple[Requirement, ...] = (), **kw: object) -> Credential:
    return Credential(CredentialId(cid), cid.title(), issuer, "industry-certification", WHERE, cost=Cost(cost),
                      hours=hours, grants=tuple(Grant(SkillId(s), Level(v)) for s, v in (grants or {}).items()),
                      requires=requires, **kw)  # type: ignore[arg-type]


def catalog(creds: list[Credential], expects: tuple[Expectation, ...] = (), skills: dict[str, int] | None = None,
            ) -> Catalog:
    wanted = skills or {"s1": 2}
    names = sorted({g.skill for c in creds for g in c.grants} | set(wanted))
    entry = Role(RoleId("entry"), "Entry Role", WHERE, level="entry", next=(RoleId("target"),),
                 requires=(RoleSkill(SkillId("s1"), Level(1), "essential"),))
    target = Role(RoleId("target"), "Target Role", WHERE, level="mid", previous=(RoleId("entry"),),
                  requires=tuple(RoleSkill(SkillId(s), Level(v), "essential") for s, v in wanted.items()),
                  expects=expects)
    return Catalog(Index("skill", [Skill(SkillId(s), s, WHERE) for s in names]), Index("credential", creds),
                   Index("role", [entry, target]))


def profile(**constraints: object) -> Profile:
    experience = constraints.pop("experience", ())
    return Profile(targets=(RoleId("target"),), experience=experience,  # type: ignore[arg-type]
                   constraints=replace(Constraints(start=START, hours_per_week=10.0), **constraints))  # type: ignore[arg-type]


WANT = Expectation(CredentialReq(CredentialId("want")), "important", "employers")
BASE = cred("base", 100, grants={"s1": 2}, issuer="Other")


def missed(p: Plan) -> tuple[str, str | None]:
    assert p.feasible and len(p.missed) == 1 and p.expected_missed == (p.missed[0].expected,)
    return p.missed[0].why, p.missed[0].aim_first


def test_budget_is_the_reason_only_when_the_credential_could_be_taken() -> None:
    cat = catalog([BASE, cred("want", 300, grants={"s3": 1})], (WANT,))
    why, aim = missed(plan(cat, profile(budget=350.0), START))
    assert why == "it does not fit your budget ($350) together with the skills the role requires" and aim is None
    assert plan(cat, profile(budget=400.0), START).missed == ()
    why, _ = missed(plan(cat, profile(budget=150.0), START))  # it alone costs more than the whole budget
    assert why == "costs $300, more than the whole budget ($150)"


def test_deadline_alone_is_named_when_there_is_no_budget() -> None:
    cat = catalog([BASE, cred("want", 300, hours=35, grants={"s3": 1})], (WANT,))
    why, _ = missed(plan(cat, profile(deadline=date(2026, 12, 28)), START))  # 40 h until the deadline
    assert why.startswith("it does not fit the time to your deadline (")
    assert "budget" not in why


def test_excluded_by_you() -> None:
    cat = catalog([BASE, cred("want", 300, grants={"s1": 2})], (WANT,))
    assert missed(plan(cat, profile(exclude=("want",)), START)) == ("excluded by you", None)


def test_not_from_an_issuer_you_chose() -> None:
    cat = catalog([BASE, cred("want", 300, grants={"s1": 2})], (WANT,))
    why, _ = missed(plan(cat, profile(issuers=("other",)), START))
    assert why == "not from an issuer you chose (Acme)"


def test_retired_by_its_issuer() -> None:
    cat = catalog([BASE, cred("want", 300, grants={"s1": 2}, status="retired", retires=date(2025, 1, 1))], (WANT,))
    why, _ = missed(plan(cat, profile(), START))
    assert "retired" in why and "budget" not in why


def test_experience_it_needs_names_the_role_to_aim_for_first() -> None:
    want = cred("want", 300, grants={"s1": 2}, requires=(ExperienceReq("pm", 3),))
    why, aim = missed(plan(catalog([BASE, want], (WANT,)), profile(experience=(("pm", 1.0),)), START))
    assert why == "needs 3 years of pm experience (you have 1 year of pm)"
    assert aim == "entry"


def test_a_prerequisite_out_of_reach() -> None:
    pre = cred("pre", 50, requires=(ExperienceReq("pm", 5),))
    want = cred("want", 300, grants={"s1": 2}, requires=(CredentialReq(CredentialId("pre")),))
    p = plan(catalog([BASE, pre, want], (WANT,)), profile(), START)
    why, aim = missed(p)
    assert why == "its prerequisites cannot be met: needs Pre (Pre is out of reach too)" and aim is None
    assert {e.credential: e.reason for e in p.excluded}["pre"] == "needs 5 years of pm experience (you have 0 years of pm)"


def test_an_item_that_itself_asks_experience() -> None:
    item = Expectation(AllOf((CredentialReq(CredentialId("want")), ExperienceReq("pm", 2))), "important")
    why, aim = missed(plan(catalog([BASE, cred("want", 30, grants={"s1": 2})], (item,)), profile(), START))
    assert why == "needs all of (Want, 2 years of pm experience) (you have 0 years of pm), which no credential can give"
    assert aim == "entry"


def test_each_option_of_a_group_gives_its_own_reason() -> None:
    item = Expectation(AnyOf((CredentialReq(CredentialId("want")), CredentialReq(CredentialId("other")))), "important")
    cat = catalog([BASE, cred("want", 300, grants={"s3": 1}), cred("other", 30, grants={"s1": 1})], (item,))
    why, _ = missed(plan(cat, profile(exclude=("want", "other")), START))
    assert why == "Other: excluded by you; Want: excluded by you"
    why, _ = missed(plan(cat, profile(exclude=("other",), budget=350.0), START))
    assert why == ("it does not fit your budget ($350) together with the skills the role requires; "
                   "left out: Other: excluded by you")


# ---- experience gates ---------------------------------------------------------------------


@pytest.mark.parametrize("importance, blocking", [("essential", True), ("important", False)])
def test_an_experience_gate_is_reported_with_what_the_learner_has(importance: str, blocking: bool) -> None:
    gate = Expectation(ExperienceReq("it", 5), importance, "BLS")
    p = plan(catalog([BASE], (gate,)), profile(experience=(("it", 2.0),)), START)
    assert p.feasible and [s.credential for s in p.steps] == ["base"]
    (g,) = p.gates
    assert (g.role, g.have, g.aim_first, g.blocking) == ("target", "2 years of IT", "entry", blocking)
    met = plan(catalog([BASE], (gate,)), profile(experience=(("it", 5.0),)), START)
    assert met.gates == ()


# ---- near ties ----------------------------------------------------------------------------


def test_a_near_tie_within_five_percent_that_saves_many_hours() -> None:
    cat = catalog([cred("slow", 100, hours=100, grants={"s1": 2}), cred("fast", 104, hours=50, grants={"s1": 2})])
    p = plan(cat, profile(), START)
    assert [s.credential for s in p.steps] == ["slow"]
    (tie,) = p.near_ties
    assert (tie.steps, tie.cost, tie.hours, tie.why) == (("fast",), 104.0, 50.0, "$4 more (4%) for 50 h less")


@pytest.mark.parametrize("cost, hours", [(106.0, 50.0), (104.0, 85.0)])
def test_no_near_tie_when_too_dear_or_not_much_faster(cost: float, hours: float) -> None:
    cat = catalog([cred("slow", 100, hours=100, grants={"s1": 2}), cred("fast", cost, hours=hours, grants={"s1": 2})])
    assert plan(cat, profile(), START).near_ties == ()


def test_a_near_tie_with_hours_as_the_objective_saves_money() -> None:
    cat = catalog([cred("dear", 300, hours=40, grants={"s1": 2}), cred("cheap", 100, hours=42, grants={"s1": 2})])
    p = plan(cat, profile(optimize="hours"), START)
    assert [s.credential for s in p.steps] == ["dear"]
    (tie,) = p.near_ties
    assert (tie.steps, tie.why) == (("cheap",), "2 h more (5%) for $200 less")


def test_a_near_tie_that_holds_an_expected_credential_the_optimum_lacks() -> None:
    opt = Expectation(CredentialReq(CredentialId("known")), "optional", "postings")
    cat = catalog([cred("plain", 100, grants={"s1": 2}), cred("known", 103, grants={"s1": 2})], (opt,))
    p = plan(cat, profile(), START)
    assert [s.credential for s in p.steps] == ["plain"]
    (tie,) = p.near_ties
    assert (tie.steps, tie.why) == (("known",), "also meets an expected credential (Known)")
    dearer = catalog([cred("plain", 100, grants={"s1": 2}), cred("known", 110, grants={"s1": 2})], (opt,))
    assert plan(dearer, profile(), START).near_ties == ()


def test_near_ties_are_not_looked_for_by_alternatives_or_when_asked_not_to() -> None:
    cat = catalog([cred("slow", 100, hours=100, grants={"s1": 2}), cred("fast", 104, hours=50, grants={"s1": 2})])
    assert plan(cat, profile(), START, near_ties=False).near_ties == ()


def test_an_optional_expected_credential_on_the_pathway_is_met_not_suggested() -> None:
    from rich.console import Console

    from skillstack.report.plan_text import plan_view

    opt = Expectation(CredentialReq(CredentialId("known")), "optional", "postings")
    cat = catalog([cred("known", 100, grants={"s1": 2}), cred("other", 300, grants={"s1": 2})], (opt,))
    p = plan(cat, profile(), START)
    assert [s.credential for s in p.steps] == ["known"] and p.suggestions == (p.suggestions[0],)
    assert p.suggestions[0] in p.expected_met and p.expected_missed == () and p.missed == ()
    console = Console(width=200, record=True, color_system=None)
    console.print(plan_view(cat, p))
    assert "worth considering" not in console.export_text()
    p = plan(cat, profile(exclude=("known",)), START)
    assert p.expected_met == ()
    console = Console(width=200, record=True, color_system=None)
    console.print(plan_view(cat, p))
    assert "Also worth considering (optional): Known (postings)" in console.export_text()


def _text(cat: Catalog, p: Plan) -> str:
    from rich.console import Console

    from skillstack.report.plan_text import plan_view

    console = Console(width=300, record=True, color_system=None)
    console.print(plan_view(cat, p))
    return console.export_text()


def test_a_held_optional_expected_credential_is_not_suggested() -> None:
    from skillstack.model import HeldCredential

    opt = Expectation(CredentialReq(CredentialId("known")), "optional", "postings")
    cat = catalog([BASE, cred("known", 100, grants={"s9": 1})], (opt,))
    p = plan(cat, replace(profile(), credentials=(HeldCredential(CredentialId("known")),)), START)
    assert p.suggestions == () and "worth considering" not in _text(cat, p)
    p = plan(cat, profile(), START)  # not held, not on the pathway: worth considering
    assert "Also worth considering (optional): Known (postings)" in _text(cat, p)


def test_a_step_taken_because_employers_expect_it_says_so() -> None:
    """The expected credential closes no gap skill: its reason is the expectation and who states it,
    never "a prerequisite for a later step"."""
    cat = catalog([BASE, cred("want", 300, grants={"s3": 1})], (WANT,))
    p = plan(cat, profile(), START)
    steps = {s.credential: s for s in p.steps}
    assert sorted(steps) == ["base", "want"]
    want = steps["want"]
    assert want.closes == () and want.meets == (p.expected[0],) and want.needed_by == ()
    text = _text(cat, p)
    assert "    expected by employers (important; employers)\n" in text
    assert "prerequisite" not in text


def test_expected_by_employers_names_the_citation_and_a_choice() -> None:
    from skillstack.model import Citation
    from skillstack.report.plan_data import step_reasons

    group = Expectation(AnyOf((CredentialReq(CredentialId("want")), CredentialReq(CredentialId("alt")))),
                        "essential", "DoD 8140 (authority: https://example.org/8140)",
                        cite=Citation("https://example.org/8140", "authority", "DoD 8140"))
    cat = catalog([BASE, cred("want", 300, grants={"s3": 1}), cred("alt", 400, grants={"s3": 1})], (group,))
    p = plan(cat, profile(), START)
    (want,) = [s for s in p.steps if s.credential == "want"]
    assert step_reasons(cat, want) == [
        "expected by employers (essential; one of 2 accepted; authority: https://example.org/8140)"]


def test_a_prerequisite_names_the_step_that_needs_it() -> None:
    from skillstack.model import SkillReq

    pre = cred("pre", 50, grants={"s0": 1})
    adv = cred("adv", 100, grants={"s1": 2}, requires=(SkillReq(SkillId("s0"), Level(1)),))
    cat = catalog([pre, adv])
    p = plan(cat, profile(), START)
    assert [(s.credential, s.closes, s.needed_by) for s in p.steps] == [("pre", (), ("adv",)), ("adv", ("s1",), ())]
    assert "    (a prerequisite for Adv)\n" in _text(cat, p)


def test_a_step_taken_for_its_voucher_says_whose_price_it_lowers() -> None:
    from skillstack.model import Discount

    basic = cred("basic", 10, grants={"s2": 1, "s3": 1}, issuer="Other")
    first = cred("first", 100, grants={"s2": 1}, issuer="Cloud Co")
    second = cred("second", 300, grants={"s1": 2}, issuer="Cloud Co",
                  discounts=(Discount(50, after_issuer="Cloud Co"),))
    cat = catalog([basic, first, second], skills={"s1": 2, "s2": 1, "s3": 1})
    p = plan(cat, profile(), START)  # 10 + 100 + 150 beats 10 + 300
    assert [(s.credential, s.closes, s.discounts) for s in p.steps] == [
        ("basic", ("s2", "s3"), ()), ("first", (), ("second",)), ("second", ("s1",), ())]
    assert "    (lowers the price of Second)\n" in _text(cat, p)

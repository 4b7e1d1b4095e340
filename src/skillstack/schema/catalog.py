"""The declarations of catalog files: the requirement grammar, skills, credentials, roles.

Built with the toolkit in `schema.toolkit`; each declaration both converts YAML
nodes into `model` objects and describes itself as JSON Schema. A `Record` fills
its model dataclass from the declared fields by name; where a YAML key and the
model field differ, the declaration says so with `attr` (`experience` ->
`ExperienceReq.domain`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from skillstack import model as m
from skillstack.schema.toolkit import (
    FIRST_YEAR,
    INVALID,
    LAST_YEAR,
    MONEY_LIMIT,
    Bool,
    Ctx,
    DateT,
    EducationT,
    Enum,
    F,
    IdRef,
    Invalid,
    JSONSchema,
    LevelT,
    ListOf,
    Num,
    Obj,
    Real,
    Record,
    Ref,
    ScalarOr,
    Str,
    Type,
    Url,
    Values,
    Whole,
    key_text,
    kind_of,
    mapping,
)
from skillstack.yamlread import MapNode, Node

# ---- the requirement grammar ----------------------------------------------

REQUIREMENT_KEYS = ("skill", "credential", "experience", "education", "any_of", "all_of", "n_of")


class RequirementT(Type[m.Requirement]):
    description = ("one prerequisite: {skill, level}, {credential}, {experience, years}, {education, field}, "
                   "{any_of: [...]}, {all_of: [...]} or {n_of: N, from: [...]}")

    def __init__(self) -> None:
        items = ListOf(Ref("requirement", lambda: REQUIREMENT))
        self.shapes: dict[str, Record[m.Requirement]] = {
            "skill": Record("skill requirement", m.SkillReq,
                            {"skill": F(IdRef(), True), "level": F(LevelT())}, free_keys=False),
            "credential": Record("credential requirement", m.CredentialReq,
                                 {"credential": F(IdRef(), True)}, free_keys=False),
            "experience": Record("experience requirement", m.ExperienceReq, {
                "experience": F(Str("work domain, e.g. security"), True, attr="domain"),
                "years": F(Real("years of work in the domain", minimum=0, maximum=80), True)}, free_keys=False),
            "education": Record("education requirement", m.EducationReq, {
                "education": F(EducationT(), True, attr="level"),
                "field": F(Str("field of study, e.g. health information management"), attr="field_of_study"),
                "accredited": F(Bool(), description="from an accredited program")}, free_keys=False),
            "any_of": Record("any_of group", m.AnyOf, {"any_of": F(items, True, attr="items")}, free_keys=False),
            "all_of": Record("all_of group", m.AllOf, {"all_of": F(items, True, attr="items")}, free_keys=False),
            "n_of": Record("n_of group", m.NOf, {
                "n_of": F(Whole("how many", minimum=0, maximum=10_000), True, attr="n"),
                "from": F(items, True, attr="items")}, free_keys=False),
        }

    def convert(self, node: Node, ctx: Ctx) -> m.Requirement | Invalid:
        if not isinstance(node, MapNode):
            return ctx.error(node, f"expected a requirement (a mapping), found {kind_of(node)}")
        keys = [key_text(k) for k, _ in node.pairs]
        kinds = [k for k in keys if k in REQUIREMENT_KEYS]
        if len(kinds) != 1:
            what = "none" if not kinds else " and ".join(kinds)
            return ctx.error(node, f"a requirement names exactly one of {', '.join(REQUIREMENT_KEYS)}; found {what}")
        return self.shapes[kinds[0]].convert(node, ctx)

    def json_schema(self) -> JSONSchema:
        return {"description": self.description,
                "oneOf": [shape.json_schema() for shape in self.shapes.values()]}


REQUIREMENT = RequirementT()
_REQS = ListOf(Ref("requirement", lambda: REQUIREMENT))


# ---- catalog objects --------------------------------------------------------


def _id(v: Values) -> str:
    """A name left out (or rejected) falls back to the id, so references still resolve."""
    return str(v["id"])


SKILL = Record("skill", m.Skill, {
    "id": F(IdRef(), True), "name": F(Str(), True, default=_id),
    "aliases": F(ListOf(Str()), description="other names people type"),
    "domain": F(Str(), description="free text, for grouping and reports"),
    "description": F(Str(multiline=True)),
    "broader": F(IdRef(), description="parent skill id (taxonomy tree)"),
    "esco": F(Str(), description="ESCO skill URI"), "onet": F(Str(), description="O*NET element id"),
})


_PROVIDER = F(Str("who bills it, e.g. coursera; credentials of one provider share one subscription"), True)
SUBSCRIPTION = Record("subscription", m.Subscription, {
    "monthly": F(Real("price per month", minimum=0, maximum=MONEY_LIMIT), True),
    "provider": _PROVIDER,
}, free_keys=False, derive=lambda v: {"provider": _PROVIDER.value(v, "provider").lower()})


class CostObj(Record[m.Cost]):
    """A cost mapping needs `amount`, `subscription` or both."""

    def make(self, values: Values, where: m.SourceRef) -> m.Cost | Invalid:
        # (the fast reader never gets here without one of them: it leaves such a mapping to this one)
        if "amount" not in values and "subscription" not in values:
            return INVALID
        return super().make(values, where)

    def convert(self, node: Node, ctx: Ctx) -> m.Cost | Invalid:
        if isinstance(node, MapNode):
            keys = {key_text(k) for k, _ in node.pairs}
            if not keys & {"amount", "subscription"}:
                return ctx.error(node, "cost is missing 'amount' (a one-off price) or 'subscription' "
                                       "({monthly, provider})")
        return super().convert(node, ctx)

    def json_schema(self) -> JSONSchema:
        return {**super().json_schema(), "anyOf": [{"required": ["amount"]}, {"required": ["subscription"]}]}


COST = ScalarOr(
    Real("USD", minimum=0, maximum=MONEY_LIMIT),
    CostObj("cost", m.Cost, {
        "amount": F(Real(minimum=0, maximum=MONEY_LIMIT), description="paid once (an exam fee, a course price)",
                    default=0.0),
        "currency": F(Str(pattern=r"^[A-Z]{3}$", what="ISO currency code")),
        "note": F(Str(multiline=True)),
        "subscription": F(SUBSCRIPTION, description="a monthly price the planner multiplies by the months "
                                                    "studied at the learner's pace"),
        "retake": F(Num(minimum=0, maximum=MONEY_LIMIT), description="a retake fee: shown, never added to a plan"),
        "training": F(Num(minimum=0, maximum=MONEY_LIMIT), description="optional training: shown, never added to a plan"),
    }),
    m.Cost,
)
_FACTS = F(ListOf(Enum(*m.FACTS)), description="the fact groups this page backs; omitted: all of them")
SOURCE_OBJ = Record("source", m.Source, {
    "url": F(Url("where the facts were read"), True),
    "kind": F(Enum(*m.SOURCE_KINDS, description="issuer: the issuer's own page; authority: e.g. DoD COOL, "
                                                 "BLS, O*NET; secondary: a page quoting others"), True),
    "facts": _FACTS,
    "reviewed": F(DateT(), description="when a curator last re-read this page for these facts"),
    "note": F(Str(multiline=True)),
}, derive=lambda v: {"facts": tuple(dict.fromkeys(_FACTS.get(v, "facts") or ()))})
SOURCE = ScalarOr(Url("a URL (kind unknown, backs every fact)"), SOURCE_OBJ, m.Source)
SOURCES = ListOf(SOURCE, description="where the facts were read: URLs or {url, kind, facts, reviewed}")
_AFTER_ISSUER = F(Str("an issuer, as written in credentials' `issuer`"))
_AFTER_CREDENTIAL = F(IdRef())
DISCOUNT_AFTER = mapping("discount condition", {"issuer": _AFTER_ISSUER, "credential": _AFTER_CREDENTIAL},
                         free_keys=False)


class DiscountT(Obj[m.Discount]):
    """A discount's `after` names exactly one of issuer or credential."""

    def convert(self, node: Node, ctx: Ctx) -> m.Discount | Invalid:
        if isinstance(node, MapNode):
            for key_node, value_node in node.pairs:
                if key_text(key_node) == "after" and isinstance(value_node, MapNode) and len(value_node.pairs) != 1:
                    return ctx.error(value_node, "a discount's `after` names exactly one of issuer or credential")
        return super().convert(node, ctx)


_PERCENT = F(Real("percent off the one-off amount", minimum=0, maximum=100), True)
_AFTER = F(DISCOUNT_AFTER, True, "applies when a credential of this issuer (or this credential) comes "
                                 "earlier in the pathway")
_NOTE = F(Str(multiline=True))


def _build_discount(v: Values, where: m.SourceRef) -> m.Discount | Invalid:
    after = _AFTER.get(v, "after")
    if "percent" not in v or after is None or len(after) != 1:
        return INVALID
    cred = _AFTER_CREDENTIAL.get(after, "credential")
    return m.Discount(_PERCENT.value(v, "percent"), _AFTER_ISSUER.get(after, "issuer") or "",
                      m.CredentialId(cred) if cred else None, _NOTE.get(v, "note") or "", where)


DISCOUNT = DiscountT("discount", {"percent": _PERCENT, "after": _AFTER, "note": _NOTE}, _build_discount)
GRANT = Record("grant", m.Grant, {"skill": F(IdRef(), True), "level": F(LevelT(), True)}, free_keys=False)
CREDIT = Record("credit", m.Credit, {"toward": F(Str(), True), "credits": F(Real(maximum=1000), True)})
ALLOW_DOC = ("warning rule ids a curator has checked and accepts for this entry (reported at the entry "
             "itself); errors cannot be silenced")
CREDENTIAL_KINDS = ("course", "professional-certificate", "digital-badge", "industry-certification", "program")
VERIFICATIONS = ("open-badges", "credly", "issuer-registry", "none")


_GROUP = F(_REQS)
_HOW_MANY = F(Whole(minimum=0, maximum=10_000))


def _build_awarded(v: Values, where: m.SourceRef) -> m.Requirement | Invalid:
    if "all_of" in v and len(v) == 1:
        return m.AllOf(_GROUP.value(v, "all_of"), where)
    if "any_of" in v and len(v) == 1:
        return m.AnyOf(_GROUP.value(v, "any_of"), where)
    if set(v) == {"n_of", "from"}:
        return m.NOf(_HOW_MANY.value(v, "n_of"), _GROUP.value(v, "from"), where)
    return INVALID


_AWARDED = Obj("awarded_for", {"all_of": _GROUP, "any_of": _GROUP, "n_of": _HOW_MANY, "from": _GROUP},
               _build_awarded, free_keys=False)


CREDENTIAL = Record("credential", m.Credential, {
    "id": F(IdRef(), True), "name": F(Str(), True, default=_id), "issuer": F(Str(), True, default=""),
    "provider": F(Str(), description="where it is taken, if not the issuer"),
    "kind": F(Enum(*CREDENTIAL_KINDS), True, default=""), "url": F(Url("the credential's own page")),
    "description": F(Str(multiline=True)),
    "cost": F(COST, description="USD, or {amount, currency, note, subscription, retake, training}"),
    "discounts": F(ListOf(DISCOUNT), description="conditional discounts the planner applies"),
    "hours": F(Real(minimum=0, maximum=100_000), description="learning + exam preparation, estimated"),
    "level": F(Enum("beginner", "intermediate", "advanced")),
    "format": F(Str()),
    "grants": F(ListOf(GRANT), description="skills at the level a holder can show"),
    "requires": F(_REQS, description="ALL of these must hold before starting"),
    "recommends": F(_REQS, description="advice only, never enforced"),
    "awarded_for": F(_AWARDED, description="a stacked credential: earned automatically from its parts"),
    "credit": F(ListOf(CREDIT)),
    "validity_years": F(Real(minimum=0, maximum=100), description="held credentials expire after this"),
    "renewal": F(Str(multiline=True)), "accreditation": F(ListOf(Str())),
    "verification": F(Enum(*VERIFICATIONS)),
    "last_reviewed": F(DateT(), description="when a curator last checked the facts"),
    "sources": F(SOURCES),
    "allow_warnings": F(ListOf(Str()), description=ALLOW_DOC),
    "status": F(Enum(*m.CREDENTIAL_STATUSES), description="default active"),
    "retires": F(DateT(), description="the last day it can be earned"),
    "superseded_by": F(IdRef(), description="the credential that replaces it"),
    "exam": F(Str(), description="current exam code or version, e.g. SY0-701"),
})

IMPORTANCES = ("essential", "important", "optional")
ROLE_SKILL = Record("role skill requirement", m.RoleSkill, {
    "skill": F(IdRef(), True), "level": F(LevelT(), True),
    "importance": F(Enum(*IMPORTANCES), description="default essential", default="essential"),
    "source": F(Str(), description="who says the role needs it"),
}, free_keys=False)
CITATION = Record("expectation source", m.Citation, {
    "url": F(Url("the page that says so"), True),
    "kind": F(Enum(*m.EXPECT_SOURCE_KINDS, description="issuer: the issuer's role path; authority: DoD 8140 / "
                                                        "COOL, CareerOneStop, BLS; secondary: a page quoting others; "
                                                        "postings: counts from job postings"), True),
    "note": F(Str(multiline=True), description="what the source says"),
}, free_keys=False)
ITEM_KEYS = {"importance": F(Enum(*IMPORTANCES), description="default essential"),
              "source": F(ScalarOr[str, "m.Citation | str"](Str(), CITATION, lambda text: text),
                          description="who expects it: text, or {url, kind, note} with kind issuer (an issuer's "
                                      "role path), authority (DoD 8140 / COOL, CareerOneStop), secondary or "
                                      "postings (job posting counts)")}


V = TypeVar("V")


def expectation(pairs: Iterable[tuple[str, V]], item: Callable[[str, V], object],
                requirement: Callable[[list[V]], m.Requirement | Invalid],
                where: m.SourceRef) -> m.Expectation | Invalid:
    """A role item that names no skill, as an `Expectation`: `item(key, value)` converts its
    `importance` and `source` (INVALID when rejected: the default applies), `requirement`
    the values of its other keys as one requirement of the grammar. One function for YAML
    nodes (`RoleItemT`) and plain data (the fast reader), so the two cannot drift apart."""
    rest: list[V] = []
    extra: dict[str, object] = {}
    for key, value in pairs:
        if key in ITEM_KEYS:
            got = item(key, value)
            if got is not INVALID:
                extra[key] = got
        else:
            rest.append(value)
    req = requirement(rest)
    if req is INVALID:
        return INVALID
    source = extra.get("source", "")
    cite = source if isinstance(source, m.Citation) else None
    return m.Expectation(req, str(extra.get("importance", "essential")), str(source), where, cite)


class RoleItemT(Type["m.RoleSkill | m.Expectation"]):
    """A role requirement: a skill at a level, or (any requirement of the grammar: credentials
    expected, groups of them, experience, education) with `importance` and `source`."""

    def convert(self, node: Node, ctx: Ctx) -> m.RoleSkill | m.Expectation | Invalid:
        if not isinstance(node, MapNode):
            return ctx.error(node, f"expected a role requirement (a mapping), found {kind_of(node)}")
        keys = {key_text(k) for k, _ in node.pairs}
        if "skill" in keys:
            return ROLE_SKILL.convert(node, ctx)

        def requirement(pairs: list[tuple[Node, Node]]) -> m.Requirement | Invalid:
            inner = MapNode(node.line, node.col)
            inner.pairs.extend(pairs)
            return REQUIREMENT.convert(inner, ctx)
        return expectation(((key_text(k), (k, v)) for k, v in node.pairs),
                           lambda key, pair: ITEM_KEYS[key].type.convert(pair[1], ctx), requirement, ctx.where(node))

    def json_schema(self) -> JSONSchema:
        extra = {k: f.type.json_schema() for k, f in ITEM_KEYS.items()}
        shapes = []
        for name, shape in REQUIREMENT.shapes.items():
            if name == "skill":
                continue  # a skill item is ROLE_SKILL
            sub = shape.json_schema()  # closed objects: add importance and source to each shape
            props = sub["properties"]
            assert isinstance(props, dict)
            shapes.append({**sub, "properties": {**props, **extra}})
        other = {"oneOf": shapes,
                 "description": "credentials employers expect, experience or education, with importance and source"}
        return {"anyOf": [ROLE_SKILL.json_schema(), other]}


ROLE_ITEM = RoleItemT()
SALARY = Record("salary", m.Salary, {
    "median": F(Real(minimum=0), True), "currency": F(Str()),
    "year": F(Whole(minimum=FIRST_YEAR, maximum=LAST_YEAR)),
    "source": F(Str(), description="who publishes the figure, e.g. 'BLS OEWS May 2024'"),
    "kind": F(Enum(*m.SOURCE_KINDS), description="authority for BLS/O*NET figures"),
    "proxy": F(Bool(), description="true when the pay is a broader occupation's, named in `occupation`"),
    "occupation": F(Str(), description="the occupation (code and title) the figure is for"),
    "url": F(Url()),
})


_ROLE_REQUIRES = F(ListOf(ROLE_ITEM), True, attr="", default=(),
                   description="skills at a level, credentials expected, experience and education")


def _role_requires(v: Values) -> Values:
    """`requires` holds skills (`Role.requires`) and other expectations (`Role.expects`), in file order."""
    items = _ROLE_REQUIRES.get(v, "requires") or ()
    return {"requires": tuple(i for i in items if isinstance(i, m.RoleSkill)),
            "expects": tuple(i for i in items if isinstance(i, m.Expectation))}


ROLE = Record("role", m.Role, {
    "id": F(IdRef(), True), "name": F(Str(), True, default=_id), "domain": F(Str()),
    "description": F(Str(multiline=True)),
    "onet": F(Str(pattern=r"^\d{2}-\d{4}\.\d{2}$", what="O*NET-SOC code like 15-2051.01")),
    "esco": F(Str()),
    "requires": _ROLE_REQUIRES,
    "level": F(Enum(*m.ROLE_LEVELS), description="seniority"),
    "next": F(ListOf(IdRef()), description="roles people usually move on to"),
    "previous": F(ListOf(IdRef()), description="roles people usually come from"),
    "no_credential_expected": F(CITATION, description="states that employers commonly expect no credential for "
                                                      "this role, and who says so ({url, kind, note})"),
    "salary": F(SALARY), "outlook": F(Enum("growing", "stable", "declining")),
    "sources": F(SOURCES), "last_reviewed": F(DateT()),
    "allow_warnings": F(ListOf(Str()), description=ALLOW_DOC),
}, derive=_role_requires)

CATALOG_INFO = Record("catalog", m.CatalogInfo, {
    "name": F(Str(), True, default=""), "version": F(Str()), "license": F(Str()), "sources": F(ListOf(Url())),
    "description": F(Str(multiline=True), attr=""),
})

CATALOG_FILE = mapping("catalog file", {
    "catalog": F(CATALOG_INFO, description="catalog metadata, usually in catalog.yaml"),
    "skills": F(ListOf(SKILL)), "credentials": F(ListOf(CREDENTIAL)), "roles": F(ListOf(ROLE)),
})

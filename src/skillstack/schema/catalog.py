"""The declarations of catalog files: the requirement grammar, skills, credentials, roles.

Built with the toolkit in `schema.toolkit`; each declaration both converts YAML
nodes into `model` objects and describes itself as JSON Schema.
"""

from __future__ import annotations

from typing import Any

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
    LevelT,
    ListOf,
    Num,
    Obj,
    Ref,
    ScalarOr,
    Str,
    Type,
    Url,
    key_text,
    kind_of,
)
from skillstack.yamlread import MapNode, Node

# ---- the requirement grammar ----------------------------------------------

_REQ_KEYS = ("skill", "credential", "experience", "education", "any_of", "all_of", "n_of")


class RequirementT(Type):
    description = ("one prerequisite: {skill, level}, {credential}, {experience, years}, {education, field}, "
                   "{any_of: [...]}, {all_of: [...]} or {n_of: N, from: [...]}")

    def __init__(self) -> None:
        items = ListOf(Ref("requirement", lambda: REQUIREMENT))
        self.shapes = {
            "skill": Obj("skill requirement", {"skill": F(IdRef(), True), "level": F(LevelT())}, free_keys=False),
            "credential": Obj("credential requirement", {"credential": F(IdRef(), True)}, free_keys=False),
            "experience": Obj("experience requirement", {
                "experience": F(Str("work domain, e.g. security"), True),
                "years": F(Num("years of work in the domain", minimum=0, maximum=80), True)}, free_keys=False),
            "education": Obj("education requirement", {
                "education": F(EducationT(), True),
                "field": F(Str("field of study, e.g. health information management")),
                "accredited": F(Bool(), description="from an accredited program")}, free_keys=False),
            "any_of": Obj("any_of group", {"any_of": F(items, True)}, free_keys=False),
            "all_of": Obj("all_of group", {"all_of": F(items, True)}, free_keys=False),
            "n_of": Obj("n_of group", {"n_of": F(Num("how many", integer=True, minimum=0, maximum=10_000), True),
                                       "from": F(items, True)}, free_keys=False),
        }

    def convert(self, node: Node, ctx: Ctx) -> Any:
        if not isinstance(node, MapNode):
            return ctx.error(node, f"expected a requirement (a mapping), found {kind_of(node)}")
        keys = [key_text(k) for k, _ in node.pairs]
        kinds = [k for k in keys if k in _REQ_KEYS]
        if len(kinds) != 1:
            what = "none" if not kinds else " and ".join(kinds)
            return ctx.error(node, f"a requirement names exactly one of {', '.join(_REQ_KEYS)}; found {what}")
        kind = kinds[0]
        values = self.shapes[kind].convert(node, ctx)
        if values is INVALID or any(k not in values for k, s in self.shapes[kind].fields.items() if s.required):
            return INVALID
        where = ctx.where(node)
        if kind == "skill":
            return m.SkillReq(m.SkillId(values["skill"]), values.get("level", m.Level.FOUNDATIONAL), where)
        if kind == "credential":
            return m.CredentialReq(m.CredentialId(values["credential"]), where)
        if kind == "experience":
            return m.ExperienceReq(values["experience"], float(values["years"]), where)
        if kind == "education":
            return m.EducationReq(values["education"], values.get("field", ""), values.get("accredited", False), where)
        if kind == "any_of":
            return m.AnyOf(values["any_of"], where)
        if kind == "all_of":
            return m.AllOf(values["all_of"], where)
        return m.NOf(values["n_of"], values["from"], where)

    def json_schema(self) -> dict[str, Any]:
        return {"description": self.description,
                "oneOf": [shape.json_schema() for shape in self.shapes.values()]}


REQUIREMENT = RequirementT()
_REQS = ListOf(Ref("requirement", lambda: REQUIREMENT))


# ---- catalog objects --------------------------------------------------------


def _build_skill(v: dict[str, Any], where: m.SourceRef) -> m.Skill:
    return m.Skill(
        id=m.SkillId(v["id"]), name=v.get("name", v["id"]), where=where,
        aliases=v.get("aliases", ()), domain=v.get("domain", ""), description=v.get("description", ""),
        broader=m.SkillId(v["broader"]) if "broader" in v else None,
        esco=v.get("esco", ""), onet=v.get("onet", ""))


SKILL = Obj("skill", {
    "id": F(IdRef(), True), "name": F(Str(), True),
    "aliases": F(ListOf(Str()), description="other names people type"),
    "domain": F(Str(), description="free text, for grouping and reports"),
    "description": F(Str(multiline=True)),
    "broader": F(IdRef(), description="parent skill id (taxonomy tree)"),
    "esco": F(Str(), description="ESCO skill URI"), "onet": F(Str(), description="O*NET element id"),
}, _build_skill)

SUBSCRIPTION = Obj("subscription", {
    "monthly": F(Num("price per month", minimum=0, maximum=MONEY_LIMIT), True),
    "provider": F(Str("who bills it, e.g. coursera; credentials of one provider share one subscription"), True),
}, lambda v, _w: m.Subscription(float(v["monthly"]), str(v["provider"]).lower())
    if "monthly" in v and "provider" in v else INVALID, free_keys=False)


def _build_cost(v: dict[str, Any], _where: m.SourceRef) -> Any:
    if "amount" not in v and "subscription" not in v:
        return INVALID
    return m.Cost(float(v.get("amount", 0.0)), v.get("currency", "USD"), v.get("note", ""),
                  v.get("subscription"), v.get("retake"), v.get("training"))


class CostObj(Obj):
    """A cost mapping needs `amount`, `subscription` or both."""

    def convert(self, node: Node, ctx: Ctx) -> Any:
        if isinstance(node, MapNode):
            keys = {key_text(k) for k, _ in node.pairs}
            if not keys & {"amount", "subscription"}:
                return ctx.error(node, "cost is missing 'amount' (a one-off price) or 'subscription' "
                                       "({monthly, provider})")
        return super().convert(node, ctx)

    def json_schema(self) -> dict[str, Any]:
        return {**super().json_schema(), "anyOf": [{"required": ["amount"]}, {"required": ["subscription"]}]}


COST = ScalarOr(
    Num("USD", minimum=0, maximum=MONEY_LIMIT),
    CostObj("cost", {
        "amount": F(Num(minimum=0, maximum=MONEY_LIMIT), description="paid once (an exam fee, a course price)"),
        "currency": F(Str(pattern=r"^[A-Z]{3}$", what="ISO currency code")),
        "note": F(Str(multiline=True)),
        "subscription": F(SUBSCRIPTION, description="a monthly price the planner multiplies by the months "
                                                    "studied at the learner's pace"),
        "retake": F(Num(minimum=0, maximum=MONEY_LIMIT), description="a retake fee: shown, never added to a plan"),
        "training": F(Num(minimum=0, maximum=MONEY_LIMIT), description="optional training: shown, never added to a plan"),
    }, _build_cost),
    lambda amount: m.Cost(float(amount)),
)
SOURCE_OBJ = Obj("source", {
    "url": F(Url("where the facts were read"), True),
    "kind": F(Enum(*m.SOURCE_KINDS, description="issuer: the issuer's own page; authority: e.g. DoD COOL, "
                                                 "BLS, O*NET; secondary: a page quoting others"), True),
    "facts": F(ListOf(Enum(*m.FACTS)), description="the fact groups this page backs; omitted: all of them"),
    "reviewed": F(DateT(), description="when a curator last re-read this page for these facts"),
    "note": F(Str(multiline=True)),
}, lambda v, _w: m.Source(v["url"], v["kind"], tuple(dict.fromkeys(v.get("facts", ()))), v.get("reviewed"),
                          v.get("note", "")) if "url" in v and "kind" in v else INVALID)
SOURCE = ScalarOr(Url("a URL (kind unknown, backs every fact)"), SOURCE_OBJ, lambda url: m.Source(url))
SOURCES = ListOf(SOURCE, description="where the facts were read: URLs or {url, kind, facts, reviewed}")
DISCOUNT_AFTER = Obj("discount condition", {
    "issuer": F(Str("an issuer, as written in credentials' `issuer`")),
    "credential": F(IdRef()),
}, free_keys=False)


class DiscountT(Obj):
    """A discount's `after` names exactly one of issuer or credential."""

    def convert(self, node: Node, ctx: Ctx) -> Any:
        if isinstance(node, MapNode):
            for key_node, value_node in node.pairs:
                if key_text(key_node) == "after" and isinstance(value_node, MapNode) and len(value_node.pairs) != 1:
                    return ctx.error(value_node, "a discount's `after` names exactly one of issuer or credential")
        return super().convert(node, ctx)


def _build_discount(v: dict[str, Any], where: m.SourceRef) -> Any:
    after = v.get("after")
    if "percent" not in v or not isinstance(after, dict) or len(after) != 1:
        return INVALID
    cred = after.get("credential")
    return m.Discount(float(v["percent"]), after.get("issuer", ""),
                      m.CredentialId(cred) if cred else None, v.get("note", ""), where)


DISCOUNT = DiscountT("discount", {
    "percent": F(Num("percent off the one-off amount", minimum=0, maximum=100), True),
    "after": F(DISCOUNT_AFTER, True, "applies when a credential of this issuer (or this credential) comes "
                                     "earlier in the pathway"),
    "note": F(Str(multiline=True)),
}, _build_discount)
GRANT = Obj("grant", {"skill": F(IdRef(), True), "level": F(LevelT(), True)},
            lambda v, w: m.Grant(m.SkillId(v["skill"]), v["level"], w) if "level" in v and "skill" in v else INVALID,
            free_keys=False)
CREDIT = Obj("credit", {"toward": F(Str(), True), "credits": F(Num(maximum=1000), True)},
             lambda v, _w: m.Credit(v["toward"], float(v["credits"])) if len(v) == 2 else INVALID)
ALLOW_DOC = ("warning rule ids a curator has checked and accepts for this entry (reported at the entry "
             "itself); errors cannot be silenced")
CREDENTIAL_KINDS = ("course", "professional-certificate", "digital-badge", "industry-certification", "program")
VERIFICATIONS = ("open-badges", "credly", "issuer-registry", "none")


def _build_credential(v: dict[str, Any], where: m.SourceRef) -> m.Credential:
    return m.Credential(
        id=m.CredentialId(v["id"]), name=v.get("name", v["id"]), issuer=v.get("issuer", ""),
        kind=v.get("kind", ""), where=where, provider=v.get("provider", ""), url=v.get("url", ""),
        cost=v.get("cost", m.Cost(0.0)), hours=float(v.get("hours", 0.0)), level=v.get("level", ""),
        format=v.get("format", ""), grants=v.get("grants", ()), requires=v.get("requires", ()),
        recommends=v.get("recommends", ()), awarded_for=v.get("awarded_for"), credit=v.get("credit", ()),
        validity_years=float(v["validity_years"]) if "validity_years" in v else None,
        renewal=v.get("renewal", ""), accreditation=v.get("accreditation", ()),
        verification=v.get("verification", ""), last_reviewed=v.get("last_reviewed"),
        sources=v.get("sources", ()), note=v.get("description", ""), allow_warnings=v.get("allow_warnings", ()),
        status=v.get("status", "active"), retires=v.get("retires"),
        superseded_by=m.CredentialId(v["superseded_by"]) if "superseded_by" in v else None,
        exam=str(v.get("exam", "")), discounts=v.get("discounts", ()))


_AWARDED = Obj("awarded_for", {
    "all_of": F(_REQS), "any_of": F(_REQS),
    "n_of": F(Num(integer=True, minimum=0, maximum=10_000)), "from": F(_REQS),
}, lambda v, w: _build_awarded(v, w), free_keys=False)


def _build_awarded(v: dict[str, Any], where: m.SourceRef) -> Any:
    if "all_of" in v and len(v) == 1:
        return m.AllOf(v["all_of"], where)
    if "any_of" in v and len(v) == 1:
        return m.AnyOf(v["any_of"], where)
    if set(v) == {"n_of", "from"}:
        return m.NOf(v["n_of"], v["from"], where)
    return INVALID


CREDENTIAL = Obj("credential", {
    "id": F(IdRef(), True), "name": F(Str(), True), "issuer": F(Str(), True),
    "provider": F(Str(), description="where it is taken, if not the issuer"),
    "kind": F(Enum(*CREDENTIAL_KINDS), True), "url": F(Url("the credential's own page")),
    "description": F(Str(multiline=True)),
    "cost": F(COST, description="USD, or {amount, currency, note, subscription, retake, training}"),
    "discounts": F(ListOf(DISCOUNT), description="conditional discounts the planner applies"),
    "hours": F(Num(minimum=0, maximum=100_000), description="learning + exam preparation, estimated"),
    "level": F(Enum("beginner", "intermediate", "advanced")),
    "format": F(Str()),
    "grants": F(ListOf(GRANT), description="skills at the level a holder can show"),
    "requires": F(_REQS, description="ALL of these must hold before starting"),
    "recommends": F(_REQS, description="advice only, never enforced"),
    "awarded_for": F(_AWARDED, description="a stacked credential: earned automatically from its parts"),
    "credit": F(ListOf(CREDIT)),
    "validity_years": F(Num(minimum=0, maximum=100), description="held credentials expire after this"),
    "renewal": F(Str(multiline=True)), "accreditation": F(ListOf(Str())),
    "verification": F(Enum(*VERIFICATIONS)),
    "last_reviewed": F(DateT(), description="when a curator last checked the facts"),
    "sources": F(SOURCES),
    "allow_warnings": F(ListOf(Str()), description=ALLOW_DOC),
    "status": F(Enum(*m.CREDENTIAL_STATUSES), description="default active"),
    "retires": F(DateT(), description="the last day it can be earned"),
    "superseded_by": F(IdRef(), description="the credential that replaces it"),
    "exam": F(Str(), description="current exam code or version, e.g. SY0-701"),
}, _build_credential)

IMPORTANCES = ("essential", "important", "optional")
ROLE_SKILL = Obj("role skill requirement", {
    "skill": F(IdRef(), True), "level": F(LevelT(), True),
    "importance": F(Enum(*IMPORTANCES), description="default essential"),
    "source": F(Str(), description="who says the role needs it"),
}, lambda v, w: (m.RoleSkill(m.SkillId(v["skill"]), v["level"], v.get("importance", "essential"), w,
                             v.get("source", ""))
                  if "skill" in v and "level" in v else INVALID), free_keys=False)
_ITEM_KEYS = {"importance": F(Enum(*IMPORTANCES), description="default essential"),
              "source": F(Str(), description="who expects it: an issuer's role path, DoD 8140 / COOL, "
                                             "CareerOneStop, job posting counts")}


class RoleItemT(Type):
    """A role requirement: a skill at a level, or (any requirement of the grammar: credentials
    expected, groups of them, experience, education) with `importance` and `source`."""

    def convert(self, node: Node, ctx: Ctx) -> Any:
        if not isinstance(node, MapNode):
            return ctx.error(node, f"expected a role requirement (a mapping), found {kind_of(node)}")
        keys = {key_text(k) for k, _ in node.pairs}
        if "skill" in keys:
            return ROLE_SKILL.convert(node, ctx)
        inner = MapNode(node.line, node.col)
        extra: dict[str, Any] = {}
        for key_node, value_node in node.pairs:
            key = key_text(key_node)
            if key in _ITEM_KEYS:
                value = _ITEM_KEYS[key].type.convert(value_node, ctx)
                if value is not INVALID:
                    extra[key] = value
            else:
                inner.pairs.append((key_node, value_node))
        req = REQUIREMENT.convert(inner, ctx)
        if req is INVALID:
            return INVALID
        return m.Expectation(req, extra.get("importance", "essential"), extra.get("source", ""), ctx.where(node))

    def json_schema(self) -> dict[str, Any]:
        extra = {k: f.type.json_schema() for k, f in _ITEM_KEYS.items()}
        shapes = []
        for name, shape in REQUIREMENT.shapes.items():
            if name == "skill":
                continue  # a skill item is ROLE_SKILL
            sub = shape.json_schema()  # closed objects: add importance and source to each shape
            shapes.append({**sub, "properties": {**sub["properties"], **extra}})
        other = {"oneOf": shapes,
                 "description": "credentials employers expect, experience or education, with importance and source"}
        return {"anyOf": [ROLE_SKILL.json_schema(), other]}


ROLE_ITEM = RoleItemT()
SALARY = Obj("salary", {
    "median": F(Num(minimum=0), True), "currency": F(Str()),
    "year": F(Num(integer=True, minimum=FIRST_YEAR, maximum=LAST_YEAR)),
    "source": F(Str(), description="who publishes the figure, e.g. 'BLS OEWS May 2024'"),
    "kind": F(Enum(*m.SOURCE_KINDS), description="authority for BLS/O*NET figures"),
    "proxy": F(Bool(), description="true when the pay is a broader occupation's, named in `occupation`"),
    "occupation": F(Str(), description="the occupation (code and title) the figure is for"),
    "url": F(Url()),
}, lambda v, _w: m.Salary(float(v["median"]), v.get("currency", "USD"), v.get("year"), v.get("source", ""),
                          v.get("kind", ""), bool(v.get("proxy", False)), v.get("occupation", ""), v.get("url", ""))
    if "median" in v else INVALID)


def _build_role(v: dict[str, Any], where: m.SourceRef) -> m.Role:
    items = v.get("requires", ())
    return m.Role(
        id=m.RoleId(v["id"]), name=v.get("name", v["id"]), where=where, domain=v.get("domain", ""),
        description=v.get("description", ""), onet=v.get("onet", ""), esco=v.get("esco", ""),
        requires=tuple(i for i in items if isinstance(i, m.RoleSkill)), salary=v.get("salary"),
        outlook=v.get("outlook", ""), sources=v.get("sources", ()), last_reviewed=v.get("last_reviewed"),
        allow_warnings=v.get("allow_warnings", ()),
        expects=tuple(i for i in items if isinstance(i, m.Expectation)), level=v.get("level", ""),
        next=tuple(m.RoleId(r) for r in v.get("next", ())), previous=tuple(m.RoleId(r) for r in v.get("previous", ())))


ROLE = Obj("role", {
    "id": F(IdRef(), True), "name": F(Str(), True), "domain": F(Str()), "description": F(Str(multiline=True)),
    "onet": F(Str(pattern=r"^\d{2}-\d{4}\.\d{2}$", what="O*NET-SOC code like 15-2051.01")),
    "esco": F(Str()),
    "requires": F(ListOf(ROLE_ITEM), True,
                  description="skills at a level, credentials expected, experience and education"),
    "level": F(Enum(*m.ROLE_LEVELS), description="seniority"),
    "next": F(ListOf(IdRef()), description="roles people usually move on to"),
    "previous": F(ListOf(IdRef()), description="roles people usually come from"),
    "salary": F(SALARY), "outlook": F(Enum("growing", "stable", "declining")),
    "sources": F(SOURCES), "last_reviewed": F(DateT()),
    "allow_warnings": F(ListOf(Str()), description=ALLOW_DOC),
}, _build_role)

CATALOG_INFO = Obj("catalog", {
    "name": F(Str(), True), "version": F(Str()), "license": F(Str()), "sources": F(ListOf(Url())),
    "description": F(Str(multiline=True)),
}, lambda v, _w: m.CatalogInfo(v.get("name", ""), str(v.get("version", "")), v.get("license", ""),
                               v.get("sources", ())))

CATALOG_FILE = Obj("catalog file", {
    "catalog": F(CATALOG_INFO, description="catalog metadata, usually in catalog.yaml"),
    "skills": F(ListOf(SKILL)), "credentials": F(ListOf(CREDENTIAL)), "roles": F(ListOf(ROLE)),
})

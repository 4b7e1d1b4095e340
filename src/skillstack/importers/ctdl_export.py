"""Catalog credentials -> one CTDL JSON-LD `@graph` document that `import_ctdl` reads back.

Every field of a catalog credential comes back the same (tests/importers/test_ctdl_roundtrip.py).
CTDL terms carry what CTDL can say; the rest is carried in properties of the `skillstack:`
namespace (`EXT`), which `import_ctdl` reads back. docs/ctdl.md has the table, field by field:

- id: a `ceterms:identifier` of type "skillstack id", beside a CTID (the id itself when it is a
  CTID, else a UUID-5 of it); name, description, url (`subjectWebpage`); kind as the CTDL type
  (`ctdl.KIND_TO_TYPE`); issuer (`ownedBy`), provider (`offeredBy`) and accreditation
  (`accreditedBy`) as organisations in the graph.
- cost: an `AggregateCost` CostProfile (amount, currency, note as its description); a
  subscription as a CostProfile with `paymentPattern` "per month" (`skillstack:provider`); the
  retake fee as `costType:ReexaminationFee`; training as `costType:OptionalCharges` named
  "Training". hours: `estimatedDuration` `PT<h>H`.
- grants: `teaches` (Course, LearningProgram) or, for credentials, a `requires` condition profile
  of `targetCompetency` alignments marked `skillstack:grants`; each alignment is a skill of the
  catalog (`codedNotation` id, `framework` `SKILLS_FRAMEWORK`) with `skillstack:level`.
- requires / recommends: one ConditionProfile per item: `targetCredential` (a credential),
  `targetCompetency` (a skill, with `skillstack:level`), `yearsOfExperience` + `experience` (an
  experience area), a degree-typed `targetCredential` without CTID (education; the field as
  `ceterms:subject`, `skillstack:accredited`); `any_of` of those as `alternativeCondition`;
  anything nested deeper (all_of, n_of, a group inside any_of) as `ceterms:condition` prose plus
  `skillstack:requirement` (the item in the catalog's own shape).
- awarded_for: `hasPart` (all parts); `any_of` / `n_of` also as `skillstack:awardedFor`.
- validity_years: `renewalFrequency` `P<n>Y`; renewal: a `renewal` condition profile's
  description; status: `lifeCycleStatusType` (lifeCycle:Active / Ceasing / Ceased); retires:
  `expirationDate`; superseded_by: `supersededBy`.
- level: `audienceLevelType` (audLevel:BeginnerLevel / IntermediateLevel / AdvancedLevel);
  format: `skillstack:format` (free text), with `learningDeliveryType` when it tells one.
- sources (`sameAs` for their URLs, `skillstack:sources` in full), last_reviewed, credit,
  verification, exam, discounts, allow_warnings: `skillstack:` properties.
- occupations (not a credential field): `occupationType` with the O*NET-SOC code of every role
  that expects the credential, so `import ctdl --catalog` links it back to those roles.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable

from skillstack import model as m
from skillstack.importers.ctdl import (
    CTID_RE,
    DEGREE_TYPES,
    EXT,
    EXT_NS,
    KIND_TO_TYPE,
    LEVEL_NODES,
    LIFECYCLE_NODES,
    SKILLS_FRAMEWORK,
    num_text,
)
from skillstack.importers.jsonvalue import JsonMap
from skillstack.requirements import requirement_data

REGISTRY = "https://credentialengineregistry.org/resources/"
CONTEXT = "https://credreg.net/ctdl/schema/context/json"
ID_TYPE = "skillstack id"
_TEACHES = ("course", "program")  # kinds whose CTDL type (Course, LearningProgram) may use ceterms:teaches
_DELIVERY = (("blended", "deliveryType:BlendedDelivery"), ("in-person", "deliveryType:InPerson"),
             ("online", "deliveryType:OnlineOnly"))


def ctid_for(ident: str) -> str:
    """A stable CTID for a catalog id: the id itself when it is a CTID, else a UUID-5 of it."""
    if CTID_RE.fullmatch(ident):
        return ident.lower()
    return f"ce-{uuid.uuid5(uuid.NAMESPACE_URL, 'https://skillstack.dev/credential/' + ident)}"


def _lang(text: str) -> JsonMap:
    return {"en-US": text}


def _concept(node: str, framework: str) -> JsonMap:
    return {"@type": "ceterms:CredentialAlignmentObject", "ceterms:framework": f"https://credreg.net/ctdl/terms/{framework}",
            "ceterms:targetNode": node}


def _ref(ident: str) -> str:
    return REGISTRY + ctid_for(ident)


ONET_FRAMEWORK = "https://www.onetcenter.org/taxonomy.html"


def _occupations(roles: Iterable[m.Role]) -> dict[str, list[JsonMap]]:
    """credential id -> `occupationType` alignments: the O*NET-SOC codes of the roles that expect it."""
    out: dict[str, list[JsonMap]] = {}
    for role in roles:
        if not role.onet:
            continue
        for expectation in role.expects:
            for leaf in _leaves(expectation.requirement):
                if isinstance(leaf, m.CredentialReq):
                    items = out.setdefault(leaf.credential, [])
                    if all(i["ceterms:codedNotation"] != role.onet for i in items):
                        items.append({"@type": "ceterms:CredentialAlignmentObject", "ceterms:framework": ONET_FRAMEWORK,
                                      "ceterms:frameworkName": _lang("O*NET-SOC"), "ceterms:codedNotation": role.onet,
                                      "ceterms:targetNodeName": _lang(role.name)})
    return out


def export_ctdl(credentials: Iterable[m.Credential], roles: Iterable[m.Role] = ()) -> JsonMap:
    """The credentials as a CTDL `@graph` document; with `roles`, each credential a role expects
    names that role's O*NET-SOC code as an `occupationType`.

    >>> doc = export_ctdl([m.Credential(m.CredentialId("x"), "X", "Org", "course", m.SourceRef("f"), hours=2)])
    >>> doc["@graph"][0]["ceterms:estimatedDuration"][0]["ceterms:exactDuration"]
    'PT2H'
    """
    nodes: list[JsonMap] = []
    orgs: dict[str, str] = {}

    def org(name: str) -> str:
        if name not in orgs:
            orgs[name] = f"_:org-{len(orgs) + 1}"
        return orgs[name]

    occupations = _occupations(roles)
    for cred in credentials:
        node = _credential(cred, org)
        if cred.id in occupations:
            node["ceterms:occupationType"] = occupations[cred.id]
        nodes.append(node)
    for name, blank in orgs.items():
        nodes.append({"@id": blank, "@type": "ceterms:CredentialOrganization", "ceterms:name": _lang(name)})
    return {"@context": [CONTEXT, {"skillstack": EXT_NS}], "@graph": nodes}


def _credential(cred: m.Credential, org: Callable[[str], str]) -> JsonMap:
    ctid = ctid_for(cred.id)
    node: JsonMap = {
        "@id": REGISTRY + ctid, "@type": "ceterms:" + KIND_TO_TYPE.get(cred.kind, "Credential"),
        "ceterms:ctid": ctid, "ceterms:name": _lang(cred.name),
        "ceterms:identifier": [{"@type": "ceterms:IdentifierValue", "ceterms:identifierTypeName": _lang(ID_TYPE),
                                "ceterms:identifierValueCode": cred.id}],
        "ceterms:ownedBy": [org(cred.issuer)],
    }
    if cred.provider:
        node["ceterms:offeredBy"] = [org(cred.provider)]
    if cred.accreditation:
        node["ceterms:accreditedBy"] = [org(name) for name in cred.accreditation]
    if cred.url:
        node["ceterms:subjectWebpage"] = cred.url
    if cred.description:
        node["ceterms:description"] = _lang(cred.description)
    costs = _costs(cred.cost)
    if costs:
        node["ceterms:estimatedCost"] = costs
    if cred.hours:
        node["ceterms:estimatedDuration"] = [{"@type": "ceterms:DurationProfile",
                                              "ceterms:exactDuration": f"PT{num_text(cred.hours)}H"}]
    if cred.level in LEVEL_NODES:
        node["ceterms:audienceLevelType"] = [_concept(LEVEL_NODES[cred.level], "AudienceLevel")]
    if cred.format:
        node[EXT + "format"] = cred.format
        delivery = next((concept for word, concept in _DELIVERY if word in cred.format.lower()), None)
        if delivery:
            node["ceterms:learningDeliveryType"] = [_concept(delivery, "Delivery")]
    requires = [_condition(req) for req in cred.requires]
    if cred.grants:
        alignments = [_skill(g.skill, g.level) for g in cred.grants]
        if cred.kind in _TEACHES:
            node["ceterms:teaches"] = alignments
        else:
            requires.append({"@type": "ceterms:ConditionProfile", EXT + "grants": True,
                             "ceterms:description": _lang("Competencies a holder has shown"),
                             "ceterms:targetCompetency": alignments})
    if requires:
        node["ceterms:requires"] = requires
    if cred.recommends:
        node["ceterms:recommends"] = [_condition(req) for req in cred.recommends]
    if cred.awarded_for is not None:
        node["ceterms:hasPart"] = [_ref(p.credential) for p in _leaves(cred.awarded_for)
                                   if isinstance(p, m.CredentialReq)]
        if not (isinstance(cred.awarded_for, m.AllOf)
                and all(isinstance(p, m.CredentialReq) for p in cred.awarded_for.items)):
            node[EXT + "awardedFor"] = requirement_data(cred.awarded_for)
    if cred.validity_years is not None:
        node["ceterms:renewalFrequency"] = f"P{num_text(cred.validity_years)}Y"
    if cred.renewal:
        node["ceterms:renewal"] = [{"@type": "ceterms:ConditionProfile", "ceterms:description": _lang(cred.renewal)}]
    node["ceterms:lifeCycleStatusType"] = _concept(LIFECYCLE_NODES[cred.status], "LifeCycleStatus")
    if cred.retires is not None:
        node["ceterms:expirationDate"] = cred.retires.isoformat()
    if cred.superseded_by is not None:
        node["ceterms:supersededBy"] = _ref(cred.superseded_by)
    if cred.sources:
        node["ceterms:sameAs"] = [s.url for s in cred.sources]
        node[EXT + "sources"] = [_source(s) for s in cred.sources]
    if cred.last_reviewed is not None:
        node[EXT + "lastReviewed"] = cred.last_reviewed.isoformat()
    if cred.credit:
        node[EXT + "credit"] = [{"toward": c.toward, "credits": c.credits} for c in cred.credit]
    if cred.verification:
        node[EXT + "verification"] = cred.verification
    if cred.exam:
        node[EXT + "exam"] = cred.exam
    if cred.discounts:
        node[EXT + "discounts"] = [_discount(d) for d in cred.discounts]
    if cred.allow_warnings:
        node[EXT + "allowWarnings"] = list(cred.allow_warnings)
    return node


def _costs(cost: m.Cost) -> list[JsonMap]:
    if cost == m.Cost(0.0):
        return []

    def profile(price: float, cost_type: str, extra: JsonMap | None = None) -> JsonMap:
        return {"@type": "ceterms:CostProfile", "ceterms:price": price, "ceterms:currency": cost.currency,
                "ceterms:directCostType": _concept("costType:" + cost_type, "CostType"), **(extra or {})}

    out = [profile(cost.amount, "AggregateCost", {"ceterms:description": _lang(cost.note)} if cost.note else None)]
    if cost.subscription is not None:
        out.append(profile(cost.subscription.monthly, "MixedFees", {
            "ceterms:name": _lang("Subscription"), "ceterms:paymentPattern": _lang("per month"),
            EXT + "provider": cost.subscription.provider}))
    if cost.retake is not None:
        out.append(profile(cost.retake, "ReexaminationFee"))
    if cost.training is not None:
        out.append(profile(cost.training, "OptionalCharges", {"ceterms:name": _lang("Training")}))
    return out


def _skill(skill: str, level: m.Level) -> JsonMap:
    return {"@type": "ceterms:CredentialAlignmentObject", "ceterms:framework": SKILLS_FRAMEWORK,
            "ceterms:codedNotation": skill, "ceterms:targetNodeName": _lang(skill), EXT + "level": int(level)}


def _leaves(req: m.Requirement) -> list[m.Requirement]:
    if isinstance(req, (m.AllOf, m.AnyOf, m.NOf)):
        return [leaf for item in req.items for leaf in _leaves(item)]
    return [req]


def _native(req: m.Requirement) -> JsonMap | None:
    """One leaf requirement as a CTDL condition profile; None for a group."""
    profile: JsonMap = {"@type": "ceterms:ConditionProfile"}
    if isinstance(req, m.CredentialReq):
        profile["ceterms:targetCredential"] = [_ref(req.credential)]
    elif isinstance(req, m.SkillReq):
        profile["ceterms:targetCompetency"] = [_skill(req.skill, req.level)]
    elif isinstance(req, m.ExperienceReq):
        profile["ceterms:yearsOfExperience"] = req.years
        profile["ceterms:experience"] = _lang(req.domain)
    elif isinstance(req, m.EducationReq) and req.level in DEGREE_TYPES:
        degree: JsonMap = {"@type": "ceterms:" + DEGREE_TYPES[req.level],
                                  "ceterms:name": _lang(_prose(req))}
        if req.field_of_study:
            degree["ceterms:subject"] = [{"@type": "ceterms:CredentialAlignmentObject",
                                          "ceterms:targetNodeName": _lang(req.field_of_study)}]
        if req.accredited:
            degree[EXT + "accredited"] = True
        profile["ceterms:targetCredential"] = [degree]
    else:
        return None
    return profile


def _condition(req: m.Requirement) -> JsonMap:
    native = _native(req)
    if native is not None:
        return native
    if isinstance(req, m.AnyOf) and len(req.items) > 1:
        alternatives = [_native(item) for item in req.items]
        if all(alternatives):
            first, *rest = alternatives
            assert first is not None
            first["ceterms:alternativeCondition"] = rest
            return first
    return {"@type": "ceterms:ConditionProfile", "ceterms:condition": _lang(_prose(req)),
            EXT + "requirement": requirement_data(req)}


def _source(source: m.Source) -> JsonMap:
    out: JsonMap = {"url": source.url}
    if source.kind:
        out["kind"] = source.kind
    if source.facts:
        out["facts"] = list(source.facts)
    if source.reviewed is not None:
        out["reviewed"] = source.reviewed.isoformat()
    if source.note:
        out["note"] = source.note
    return out


def _discount(discount: m.Discount) -> JsonMap:
    after = {"credential": discount.after_credential} if discount.after_credential else {"issuer": discount.after_issuer}
    out: JsonMap = {"percent": discount.percent, "after": after}
    if discount.note:
        out["note"] = discount.note
    return out


def _prose(req: m.Requirement) -> str:
    if isinstance(req, m.CredentialReq):
        return f"credential {req.credential}"
    if isinstance(req, m.SkillReq):
        return f"skill {req.skill} at level {int(req.level)}"
    if isinstance(req, m.ExperienceReq):
        return f"{req.years:g} years of {req.domain} experience"
    if isinstance(req, m.EducationReq):
        return (f"{req.level.label} education" + (f" in {req.field_of_study}" if req.field_of_study else "")
                + (" (accredited)" if req.accredited else ""))
    word = "all of" if isinstance(req, m.AllOf) else "one of" if isinstance(req, m.AnyOf) else f"{req.n} of"
    return f"{word}: " + "; ".join(_prose(i) for i in req.items)

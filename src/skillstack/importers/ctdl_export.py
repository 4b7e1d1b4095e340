"""Catalog credentials -> one CTDL JSON-LD `@graph` document that `import_ctdl` reads back.

What is carried (and comes back the same): id (as a `ceterms:identifier` of type
"skillstack id", beside a CTID: the id itself when it is one, else a UUID-5 of it), name,
issuer (`ownedBy`) and provider (`offeredBy`) as organisations in the graph, kind (as the CTDL
type of `ctdl.KIND_TO_TYPE`), url (`subjectWebpage`), description, cost (one AggregateCost
price), hours (`PT<h>H`), credential requirements and recommendations (one condition profile
per item; `any_of` of credentials as `alternativeCondition`), and stacks (`hasPart`).
Skills granted, skill / experience / education requirements, validity and sources have no
counterpart that the importer maps, so they are written as prose (`ceterms:condition`) or not at all.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from skillstack import model as m
from skillstack.importers.ctdl import CTID_RE, KIND_TO_TYPE

REGISTRY = "https://credentialengineregistry.org/resources/"
CONTEXT = "https://credreg.net/ctdl/schema/context/json"
ID_TYPE = "skillstack id"


def ctid_for(ident: str) -> str:
    """A stable CTID for a catalog id: the id itself when it is a CTID, else a UUID-5 of it."""
    if CTID_RE.fullmatch(ident):
        return ident.lower()
    return f"ce-{uuid.uuid5(uuid.NAMESPACE_URL, 'https://skillstack.dev/credential/' + ident)}"


def _lang(text: str) -> dict[str, str]:
    return {"en-US": text}


def export_ctdl(credentials: Iterable[m.Credential]) -> dict[str, Any]:
    """The credentials as a CTDL `@graph` document.

    >>> doc = export_ctdl([m.Credential(m.CredentialId("x"), "X", "Org", "course", m.SourceRef("f"), hours=2)])
    >>> doc["@graph"][0]["ceterms:estimatedDuration"][0]["ceterms:exactDuration"]
    'PT2H'
    """
    nodes: list[dict[str, Any]] = []
    orgs: dict[str, str] = {}

    def org(name: str) -> str:
        if name not in orgs:
            orgs[name] = f"_:org-{len(orgs) + 1}"
        return orgs[name]

    creds = list(credentials)
    for cred in creds:
        ctid = ctid_for(cred.id)
        node: dict[str, Any] = {
            "@id": REGISTRY + ctid, "@type": "ceterms:" + KIND_TO_TYPE.get(cred.kind, "Credential"),
            "ceterms:ctid": ctid, "ceterms:name": _lang(cred.name),
            "ceterms:identifier": [{"@type": "ceterms:IdentifierValue", "ceterms:identifierTypeName": _lang(ID_TYPE),
                                    "ceterms:identifierValueCode": cred.id}],
            "ceterms:ownedBy": [org(cred.issuer)],
        }
        if cred.provider:
            node["ceterms:offeredBy"] = [org(cred.provider)]
        if cred.url:
            node["ceterms:subjectWebpage"] = cred.url
        if cred.note:
            node["ceterms:description"] = _lang(cred.note)
        if cred.cost.amount:
            cost: dict[str, Any] = {"@type": "ceterms:CostProfile", "ceterms:price": cred.cost.amount,
                                    "ceterms:currency": cred.cost.currency,
                                    "ceterms:directCostType": {"@type": "ceterms:CredentialAlignmentObject",
                                                               "ceterms:targetNode": "costType:AggregateCost"}}
            if cred.cost.note:
                cost["ceterms:description"] = _lang(cred.cost.note)
            node["ceterms:estimatedCost"] = [cost]
        if cred.hours:
            node["ceterms:estimatedDuration"] = [{"@type": "ceterms:DurationProfile",
                                                  "ceterms:exactDuration": f"PT{cred.hours:g}H"}]
        for key, reqs in (("requires", cred.requires), ("recommends", cred.recommends)):
            profiles = [_condition(req) for req in reqs]
            if profiles:
                node["ceterms:" + key] = profiles
        if isinstance(cred.awarded_for, m.AllOf) and all(isinstance(p, m.CredentialReq)
                                                        for p in cred.awarded_for.items):
            node["ceterms:hasPart"] = [REGISTRY + ctid_for(p.credential) for p in cred.awarded_for.items
                                       if isinstance(p, m.CredentialReq)]
        nodes.append(node)
    for name, blank in orgs.items():
        nodes.append({"@id": blank, "@type": "ceterms:CredentialOrganization", "ceterms:name": _lang(name)})
    return {"@context": CONTEXT, "@graph": nodes}


def _condition(req: m.Requirement) -> dict[str, Any]:
    profile: dict[str, Any] = {"@type": "ceterms:ConditionProfile"}
    if isinstance(req, m.CredentialReq):
        profile["ceterms:targetCredential"] = [REGISTRY + ctid_for(req.credential)]
    elif isinstance(req, m.AnyOf) and req.items and all(isinstance(i, m.CredentialReq) for i in req.items):
        first, *rest = req.items
        profile = _condition(first)
        profile["ceterms:alternativeCondition"] = [_condition(r) for r in rest]
    else:
        profile["ceterms:condition"] = _lang(_prose(req))
    return profile


def _prose(req: Any) -> str:
    if isinstance(req, m.CredentialReq):
        return f"credential {req.credential}"
    if isinstance(req, m.SkillReq):
        return f"skill {req.skill} at level {int(req.level)}"
    if isinstance(req, m.ExperienceReq):
        return f"{req.years:g} years of {req.domain} experience"
    items = getattr(req, "items", None)
    if items is not None:
        word = {"AllOf": "all of", "AnyOf": "one of"}.get(type(req).__name__, f"{getattr(req, 'n', '')} of")
        return f"{word}: " + "; ".join(_prose(i) for i in items)
    return type(req).__name__.lower()

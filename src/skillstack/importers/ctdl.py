"""CTDL JSON-LD -> catalog credentials.

Assumptions, each a documented rule (README "Importing CTDL"):

- Input documents are single records, `{"@graph": [...]}` bundles or Credential
  Registry envelopes (the record is `decoded_resource`, else the payload of the
  JWS in `resource`). Every node with a `ceterms:ctid` in any input is indexed;
  CTIDs compare case-insensitively and become the lower-case catalog id.
- Types -> `kind` by `KINDS`; nodes of other types (organisations, data sets,
  manifests) are read for names and costs but not written.
- `estimatedCost`: currency names are normalised to ISO codes; cost types in
  `NOT_COUNTED` (optional or contingent charges) are left out; prices of the same
  cost type are alternatives (resident / non-resident tuition...), so the cheapest
  is taken and the others named in the note; different cost types are added; an
  `AggregateCost` next to its parts is taken alone. `commonCosts` manifests are
  resolved when they are in the input.
- `estimatedDuration`: hours, minutes and seconds become hours; a min/max range
  takes its maximum (a plan should not promise less time than it may take); a
  calendar duration (years, months, weeks, days) says nothing about study hours,
  so it leaves `hours` unset with a warning unless another profile gives hours.
- `requires` / `recommends`: a condition profile's targets that are credentials
  in the input become `{credential: id}` items (all of a profile's targets are
  needed; `alternativeCondition` profiles become `any_of`); prose becomes notes
  in `x-ctdl`; a target that is a registry URL not in the input is unresolved
  (an error, a warning with `lenient`).
- `hasPart` / `isPartOf` -> a stack: `awarded_for: {all_of: parts}`.
- `occupationType` -> `x-ctdl.occupations` with the catalog roles whose O*NET
  code matches (the same code, or the same 6-digit SOC code).
- Every credential cites its record: `sources` holds the record's registry URL.
"""

from __future__ import annotations

import base64
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Literal, NotRequired, TypedDict, final

from skillstack import model as m
from skillstack.importers import Notice, NoticeLevel
from skillstack.importers.jsonvalue import Json, JsonObject, as_list, is_object, objects
from skillstack.money import MONEY_LIMIT, money

CE = "ceterms:"
# properties `export ctdl` writes for what CTDL has no term for (docs/ctdl.md), in their own namespace
EXT = "skillstack:"
EXT_NS = "https://skillstack.dev/ns/ctdl#"
# the framework of alignments whose codedNotation is a catalog skill id
SKILLS_FRAMEWORK = "https://skillstack.dev/ns/skills"
# catalog credential level <-> CTDL AudienceLevel concept
LEVEL_NODES = {"beginner": "audLevel:BeginnerLevel", "intermediate": "audLevel:IntermediateLevel",
               "advanced": "audLevel:AdvancedLevel"}
# catalog status <-> CTDL LifeCycleStatus concept (export writes the first of each; both read)
LIFECYCLE_NODES = {"active": "lifeCycle:Active", "retiring": "lifeCycle:Ceasing", "retired": "lifeCycle:Ceased"}
_STATUS = {"Active": "active", "Ceasing": "retiring", "TeachOut": "retiring", "Ceased": "retired",
           "Deprecated": "retired"}  # lifeCycle: and credentialStat: concepts, by local name
# education level -> the CTDL credential type a requirement of it targets (export writes these)
DEGREE_TYPES = {m.Education.HIGH_SCHOOL: "SecondarySchoolDiploma", m.Education.ASSOCIATE: "AssociateDegree",
                m.Education.BACHELOR: "BachelorDegree", m.Education.MASTER: "MasterDegree",
                m.Education.DOCTORATE: "DoctoralDegree"}
# every degree-like CTDL type -> the education level it shows (read in condition targets without CTID)
DEGREE_LEVELS = {
    "SecondarySchoolDiploma": m.Education.HIGH_SCHOOL, "GeneralEducationDevelopment": m.Education.HIGH_SCHOOL,
    **{t: m.Education.ASSOCIATE for t in ("AssociateDegree", "AssociateOfAppliedArtsDegree",
                                          "AssociateOfAppliedScienceDegree", "AssociateOfArtsDegree",
                                          "AssociateOfScienceDegree")},
    **{t: m.Education.BACHELOR for t in ("BachelorDegree", "BachelorOfArtsDegree", "BachelorOfScienceDegree")},
    **{t: m.Education.MASTER for t in ("MasterDegree", "MasterOfArtsDegree", "MasterOfScienceDegree")},
    **{t: m.Education.DOCTORATE for t in ("DoctoralDegree", "ProfessionalDoctorate", "ResearchDoctorate")},
}
CTID_RE = re.compile(r"ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)

_PROGRAM = ("Degree", "AssociateDegree", "AssociateOfAppliedArtsDegree", "AssociateOfAppliedScienceDegree",
            "AssociateOfArtsDegree", "AssociateOfScienceDegree", "BachelorDegree", "BachelorOfArtsDegree",
            "BachelorOfScienceDegree", "MasterDegree", "MasterOfArtsDegree", "MasterOfScienceDegree",
            "DoctoralDegree", "ProfessionalDoctorate", "ResearchDoctorate", "SpecialistDegree", "Diploma",
            "SecondarySchoolDiploma", "GeneralEducationDevelopment", "LearningProgram")
_CERTIFICATE = ("Certificate", "ProfessionalCertificate", "AcademicCertificate", "ApprenticeshipCertificate",
                "PreApprenticeshipCertificate", "BasicTechnicalCertificate", "CertificateOfCompletion",
                "CertificateOfParticipation", "GeneralEducationLevel1Certificate",
                "GeneralEducationLevel2Certificate", "HigherEducationLevel1Certificate",
                "HigherEducationLevel2Certificate", "JourneymanCertificate", "MasterCertificate",
                "PostBaccalaureateCertificate", "PostMasterCertificate", "ProficiencyCertificate",
                "SecondaryEducationCertificate", "TechnicalLevel1Certificate", "TechnicalLevel2Certificate",
                "TechnicalLevel3Certificate", "WorkBasedLearningCertificate", "QualityAssuranceCredential")
# CTDL class (ceterms:, without prefix) -> catalog kind; the classes are the subclasses of
# ceterms:Credential and ceterms:LearningOpportunityProfile in the CTDL schema, plus AssessmentProfile
KINDS: dict[str, str] = {
    "Certification": "industry-certification", "License": "industry-certification",
    "Badge": "digital-badge", "DigitalBadge": "digital-badge", "OpenBadge": "digital-badge",
    "MicroCredential": "digital-badge",
    **{name: "program" for name in _PROGRAM},
    **{name: "professional-certificate" for name in _CERTIFICATE},
    "LearningOpportunityProfile": "course", "Course": "course", "AssessmentProfile": "course",
}
KIND_TO_TYPE = {"industry-certification": "Certification", "digital-badge": "DigitalBadge",
                "program": "LearningProgram", "professional-certificate": "Certificate", "course": "Course"}

CURRENCIES = {
    "us dollar": "USD", "us dollars": "USD", "u.s. dollar": "USD", "united states dollar": "USD", "dollar": "USD",
    "euro": "EUR", "euros": "EUR", "pound sterling": "GBP", "british pound": "GBP", "canadian dollar": "CAD",
    "australian dollar": "AUD", "new zealand dollar": "NZD", "swiss franc": "CHF", "japanese yen": "JPY",
    "indian rupee": "INR", "mexican peso": "MXN",
}
# CostType concepts that are optional or depend on the learner, so never part of the price of taking it
NOT_COUNTED = frozenset({"OptionalCharges", "Childcare", "Meals", "PersonalExpenses", "RoomOrResidency", "Travel",
                         "SpecialHardship", "SpecialNeeds", "ReexaminationFee", "ReschedulingFee", "RenewalFee"})
_TARGETS = ("targetCredential", "targetAssessment", "targetLearningOpportunity")
_DURATION_RE = re.compile(r"^P(?:(?P<y>\d+(?:\.\d+)?)Y)?(?:(?P<mo>\d+(?:\.\d+)?)M)?(?:(?P<w>\d+(?:\.\d+)?)W)?"
                          r"(?:(?P<d>\d+(?:\.\d+)?)D)?(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<mi>\d+(?:\.\d+)?)M)?"
                          r"(?:(?P<s>\d+(?:\.\d+)?)S)?)?$")

Say = Callable[[Json], str]  # `text`, or `exact` for records `export ctdl` wrote
NoteKind = Literal["requires", "recommends", "competencies", "status"]
Notes = dict[NoteKind, list[str]]  # prose kept in x-ctdl as `<kind>_notes`, in the order first noted
ConditionKey = Literal["requires", "recommends"]


# the requirement items a condition profile becomes (final, so that `"credential" in item` tells them apart)
@final
class CredentialItem(TypedDict):
    credential: str


@final
class SkillItem(TypedDict):
    skill: str
    level: int


@final
class ExperienceItem(TypedDict):
    experience: str
    years: int | float


@final
class EducationItem(TypedDict):
    education: str
    field: NotRequired[str]
    accredited: NotRequired[bool]


Leaf = CredentialItem | SkillItem | ExperienceItem | EducationItem


@final
class AllOfItem(TypedDict):
    all_of: list[Leaf]


@final
class AnyOfItem(TypedDict):
    any_of: list[Leaf | AllOfItem]


# a `requires` / `recommends` item; a JSON object is a group `export ctdl` carried in the catalog's own shape
RequirementItem = Leaf | AllOfItem | AnyOfItem | JsonObject


class Subscription(TypedDict):
    monthly: float
    provider: str


class CostRecord(TypedDict, total=False):
    amount: float
    currency: str
    note: str
    subscription: Subscription
    retake: float
    training: float


class OccupationEntry(TypedDict):
    """One `occupationType` in `x-ctdl.occupations`: `roles` are the catalog roles with its code."""

    name: str
    code: NotRequired[str]
    roles: NotRequired[list[str]]


class OccupationLink(TypedDict):
    """One `occupationType` of an imported credential, as `import ctdl --format json` lists it."""

    credential: str
    code: str
    name: str
    roles: list[str]


class CtdlExtra(TypedDict):
    """`x-ctdl`: where the credential was read, and what the catalog has no field for."""

    ctid: str
    type: str
    file: str
    record: NotRequired[str]
    occupations: NotRequired[list[OccupationEntry]]
    requires_notes: NotRequired[list[str]]
    recommends_notes: NotRequired[list[str]]
    competencies_notes: NotRequired[list[str]]
    status_notes: NotRequired[list[str]]


NOTE_KEYS: dict[NoteKind, Literal["requires_notes", "recommends_notes", "competencies_notes", "status_notes"]] = {
    "requires": "requires_notes", "recommends": "recommends_notes", "competencies": "competencies_notes",
    "status": "status_notes"}

# an imported credential, its keys set in the catalog's layout order; `skillstack:` terms of records
# `export ctdl` wrote are copied as the JSON they are (`_misfits` checks them against the catalog schema)
CredentialRecord = TypedDict("CredentialRecord", {
    "id": str, "name": str, "issuer": str, "provider": NotRequired[str], "kind": NotRequired[str],
    "url": NotRequired[str], "description": NotRequired[str], "level": NotRequired[str],
    "format": NotRequired[str], "cost": NotRequired[CostRecord], "discounts": NotRequired[list[Json]],
    "hours": NotRequired[float], "grants": NotRequired[list[SkillItem]],
    "requires": NotRequired[list[RequirementItem]], "recommends": NotRequired[list[RequirementItem]],
    "awarded_for": NotRequired[JsonObject | AllOfItem], "credit": NotRequired[list[Json]],
    "validity_years": NotRequired[float], "renewal": NotRequired[str], "accreditation": NotRequired[list[str]],
    "verification": NotRequired[str], "status": NotRequired[str], "retires": NotRequired[date],
    "superseded_by": NotRequired[str], "exam": NotRequired[str], "last_reviewed": NotRequired[str],
    "sources": NotRequired[Sequence[Json]], "allow_warnings": NotRequired[list[Json]],
    "x-ctdl": NotRequired[CtdlExtra],
})


@dataclass
class Node:
    """One JSON-LD node and where it was read."""

    data: JsonObject
    file: str
    doc: int  # index of its document, which scopes blank-node ids

    @cached_property
    def type(self) -> str:
        raw = self.data.get("@type", "")
        if isinstance(raw, list):
            raw = next((t for t in raw if isinstance(t, str) and t.startswith(CE)), raw[0] if raw else "")
        return raw.removeprefix(CE) if isinstance(raw, str) else ""

    @cached_property
    def ctid(self) -> str:
        raw = self.data.get(CE + "ctid")
        if isinstance(raw, str) and raw.strip():
            return raw.strip().lower()
        match = CTID_RE.search(str(self.data.get("@id", "")))
        return match.group(0).lower() if match else ""

    def get(self, key: str) -> Json:
        return self.data.get(CE + key)

    def objects(self, key: str) -> list[JsonObject]:
        """The JSON objects among the values of `ceterms:key` (profiles, alignments); other values are left out."""
        return objects(self.data.get(CE + key))

    def list(self, key: str) -> list[Json]:
        return as_list(self.data.get(CE + key))


@dataclass
class CtdlImport:
    """What `import_ctdl` made: output file stem -> credential records, and every notice."""

    files: dict[str, list[CredentialRecord]] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)

    @property
    def credentials(self) -> int:
        return sum(len(records) for records in self.files.values())

    @property
    def occupations(self) -> list[OccupationLink]:
        """Every `occupationType` link: `{credential, code, name, roles}` (roles empty when none matched)."""
        return [{"credential": r["id"], "code": o.get("code", ""), "name": o["name"], "roles": o.get("roles", [])}
                for records in self.files.values() for r in records for o in r["x-ctdl"].get("occupations", [])]

    @property
    def unresolved(self) -> list[Notice]:
        return [n for n in self.notices if n.level == "error"]

    def catalog_files(self) -> dict[str, str]:
        """Output file stem -> the catalog YAML to write for it (empty while a target is unresolved)."""
        from skillstack.importers.yamlout import dump_catalog

        if self.unresolved:
            return {}
        return {stem: dump_catalog(f"Imported by `skillstack import ctdl` from {records[0]['x-ctdl']['file']}.\n"
                                   "Every credential cites its CTDL record in `sources`; x-ctdl keeps the CTID "
                                   "and notes.", credentials=records)
                for stem, records in self.files.items()}


def text(value: Json) -> str:
    """A CTDL language map (`{"en-US": ...}`), list or plain string as one string (English first)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return "; ".join(t for t in (text(v) for v in value) if t)
    if isinstance(value, dict):
        if "@value" in value:
            return text(value["@value"])
        for key in ("en-US", "en", "en-us", "en-GB"):
            if key in value:
                return text(value[key])
        return next((text(v) for v in value.values()), "")
    return str(value)


def documents(file: str, data: object) -> list[list[JsonObject]]:
    """The JSON-LD documents in one parsed input: a record, a `@graph` bundle, an envelope, or a list of these."""
    if isinstance(data, list):
        return [doc for item in data for doc in documents(file, item)]
    if not is_object(data):
        return []
    if "envelope_type" in data or "decoded_resource" in data or "resource_encoding" in data:
        resource: object = data.get("decoded_resource")
        encoded = data.get("resource")
        if not isinstance(resource, dict) and isinstance(encoded, str):
            resource = _jws_payload(encoded)
        return documents(file, resource) if resource is not None else []
    if "@graph" in data:
        graph = data["@graph"]
        return [[n for n in (graph if isinstance(graph, list) else [graph]) if isinstance(n, dict)]]
    if "@type" in data or "@id" in data:
        return [[data]]
    return []


def _jws_payload(token: str) -> object:
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        return json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except (ValueError, UnicodeDecodeError):
        return None


def parse_duration(value: str) -> tuple[float | None, bool]:
    """ISO 8601 duration -> (hours, is_calendar). `PT2H30M` -> (2.5, False); `P9M` -> (None, True)."""
    match = _DURATION_RE.match(value.strip()) if isinstance(value, str) else None
    if not match or value.strip() in ("P", "PT"):
        return None, False
    parts = {k: float(v) for k, v in match.groupdict().items() if v is not None}
    if any(k in parts for k in ("y", "mo", "w", "d")):
        return None, True
    if set(parts) == {"h"}:
        return parts["h"], False  # exact, so that `export ctdl` hours come back unchanged
    return round(parts.get("h", 0.0) + parts.get("mi", 0.0) / 60 + parts.get("s", 0.0) / 3600, 2), False


def parse_years(value: Json) -> float | None:
    """An ISO 8601 duration in years (`P3Y` -> 3.0, `P18M` -> 1.5); None for anything else."""
    if not isinstance(value, str):
        return None
    match = _DURATION_RE.match(value.strip())
    if not match or value.strip() in ("P", "PT"):
        return None
    parts = {k: float(v) for k, v in match.groupdict().items() if v is not None}
    if not parts or set(parts) - {"y", "mo"}:
        return None
    return round(parts.get("y", 0.0) + parts.get("mo", 0.0) / 12, 6)


def currency_code(raw: Json) -> str | None:
    """ISO 4217 code for a CTDL currency ('USD', 'US Dollar'); None when it cannot be told."""
    name = text(raw)
    if re.fullmatch(r"[A-Za-z]{3}", name):
        return name.upper()
    return CURRENCIES.get(re.sub(r"\s+", " ", name.lower()).strip())


def _local(node_ref: Json) -> str:
    """`costType:Tuition` (or a URL ending in it) -> `Tuition`."""
    value = text(node_ref)
    return re.split(r"[:/#]", value)[-1] if value else ""


@dataclass
class _Ctx:
    by_ctid: dict[str, Node]
    blanks: dict[tuple[int, str], Node]
    imported: dict[str, str]  # ctid -> catalog id for credentials written
    lenient: bool
    notices: list[Notice]
    untrusted: set[str] = field(default_factory=set)  # exported records whose skillstack: terms did not fit

    def own(self, node: Node) -> bool:
        """Written by `export ctdl` (a "skillstack id" identifier) and not found malformed."""
        return node.ctid not in self.untrusted and _own_id(node) is not None

    def notice(self, node: Node, level: NoticeLevel, message: str) -> None:
        if level == "error" and self.lenient:
            level = "warning"
        self.notices.append(Notice(node.file, node.ctid, level, message))

    def resolve(self, node: Node, ref: Json) -> Node | str:
        """A target as a node of the input, or the CTID / URL it names when it is not in the input."""
        if isinstance(ref, dict):
            if "@id" not in ref:
                return Node(ref, node.file, node.doc)
            ref = ref["@id"]
        ref = str(ref)
        if ref.startswith("_:"):
            return self.blanks.get((node.doc, ref), ref)
        match = CTID_RE.search(ref)
        if match and match.group(0).lower() in self.by_ctid:
            return self.by_ctid[match.group(0).lower()]
        return match.group(0).lower() if match else ref


def index(inputs: Sequence[tuple[str, object]]) -> tuple[list[Node], dict[str, Node], dict[tuple[int, str], Node]]:
    nodes: list[Node] = []
    by_ctid: dict[str, Node] = {}
    blanks: dict[tuple[int, str], Node] = {}
    doc_no = 0
    for file, data in inputs:
        for doc in documents(file, data):
            for raw in doc:
                node = Node(raw, file, doc_no)
                nodes.append(node)
                ident = str(raw.get("@id", ""))
                if ident.startswith("_:"):
                    blanks[(doc_no, ident)] = node
                elif node.ctid and node.ctid not in by_ctid:
                    by_ctid[node.ctid] = node
            doc_no += 1
    return nodes, by_ctid, blanks


def import_ctdl(inputs: Sequence[tuple[str, object]], *, lenient: bool = False,
                roles_by_onet: Mapping[str, Sequence[str]] | None = None) -> CtdlImport:
    """Parsed CTDL inputs `(file name, JSON)` -> catalog credential records grouped by input file.

    >>> result = import_ctdl([("x.json", {"@type": "ceterms:Certification", "ceterms:ctid":
    ...     "ce-00000000-0000-0000-0000-00000000000A", "ceterms:name": {"en": "X"}})], lenient=True)
    >>> result.files["x"][0]["id"]
    'ce-00000000-0000-0000-0000-00000000000a'
    """
    nodes, by_ctid, blanks = index(inputs)
    out = CtdlImport()
    ctx = _Ctx(by_ctid, blanks, {}, lenient, out.notices)
    chosen: list[Node] = []
    for node in nodes:
        if node.type not in KINDS or str(node.data.get("@id", "")).startswith("_:"):
            continue
        if not node.ctid:
            ctx.notice(node, "warning", f"a {node.type} without a CTID is not imported")
            continue
        if node.ctid in ctx.imported:
            if by_ctid.get(node.ctid) is not node:
                ctx.notice(node, "warning", "this CTID was already read from another input; the first is kept")
            continue
        ctx.imported[node.ctid] = _own_id(node) or node.ctid
        chosen.append(node)
    parts = _parts(chosen, ctx)
    stems: dict[str, str] = {}
    for node in chosen:
        stem = stems.setdefault(node.file, _stem(node.file, set(stems.values())))
        part_ids = [ctx.imported[p] for p in parts.get(node.ctid, [])]
        noticed = len(ctx.notices)
        made = _credential(node, ctx, part_ids, roles_by_onet or {})
        if ctx.own(node):
            problems = _misfits(made)
            if problems:
                # a skillstack: property that does not fit the catalog format: read the record like any other
                del ctx.notices[noticed:]
                ctx.untrusted.add(node.ctid)
                ctx.notice(node, "warning", f"its skillstack: properties do not fit the catalog format "
                                            f"({problems[0]}); read as a plain CTDL record")
                made = _credential(node, ctx, part_ids, roles_by_onet or {})
        out.files.setdefault(stem, []).append(made)
    return out


def _misfits(record: CredentialRecord) -> list[str]:
    """Schema errors of one imported credential, read back as the catalog reads it."""
    from pathlib import Path

    from skillstack.importers.yamlout import dump_catalog
    from skillstack.loader import RawCatalog, read_file

    raw = RawCatalog()
    read_file(Path("import.yaml"), dump_catalog("check", credentials=[record]).encode("utf-8"), raw)
    return [p.message for p in raw.problems if p.level == "error"]


def _stem(file: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9-]+", "-", re.split(r"[\\/]", file)[-1].rsplit(".", 1)[0].lower()).strip("-") or "ctdl"
    stem, n = base, 2
    while stem in taken:
        stem, n = f"{base}-{n}", n + 1
    return stem


def _parts(chosen: list[Node], ctx: _Ctx) -> dict[str, list[str]]:
    parts: dict[str, list[str]] = {}
    for node in chosen:
        for ref in node.list("hasPart"):
            target = _credential_target(node, ref, ctx, "hasPart")
            if target and target not in parts.setdefault(node.ctid, []):
                parts[node.ctid].append(target)
        for ref in node.list("isPartOf"):
            parent = _credential_target(node, ref, ctx, "isPartOf")
            if parent and node.ctid not in parts.setdefault(parent, []):
                parts[parent].append(node.ctid)
    return parts


def _credential_target(node: Node, ref: Json, ctx: _Ctx, what: str) -> str | None:
    target = ctx.resolve(node, ref)
    if isinstance(target, Node):
        if target.ctid in ctx.imported:
            return target.ctid
        ctx.notice(node, "warning", f"{what} {text(target.get('name')) or target.ctid or 'a node'} "
                                    f"is a {target.type or 'node'}, not a credential; left out")
        return None
    ctx.notice(node, "error", f"{what} target {target} is not in the input")
    return None


def exact(value: Json) -> str:
    """Like `text`, but the string as written (no stripping): for records `export ctdl` wrote."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and "@value" not in value:
        for key in ("en-US", "en", "en-us", "en-GB"):
            if isinstance(value.get(key), str):
                return str(value[key])
    return text(value)


def _credential(node: Node, ctx: _Ctx, parts: list[str], roles_by_onet: Mapping[str, Sequence[str]]
                ) -> CredentialRecord:
    own = ctx.own(node)  # written by `export ctdl`: strings kept exactly, skillstack: terms read
    say = exact if own else text
    name = say(node.get("name")) or node.ctid
    issuer, provider = _organisations(node, ctx, say)
    record: CredentialRecord = {"id": ctx.imported[node.ctid], "name": name, "issuer": issuer}
    if provider and (own or provider != issuer):
        record["provider"] = provider
    record["kind"] = KINDS[node.type]
    url = text(node.get("subjectWebpage"))
    if url:
        record["url"] = url
    description = say(node.get("description"))
    if description:
        record["description"] = description
    level = _level(node)
    if level:
        record["level"] = level
    fmt = node.data.get(EXT + "format") if own else None
    if isinstance(fmt, str):
        record["format"] = fmt
    notes: Notes = {}
    sources = [str(node.data.get("@id") or node.ctid)]
    cost = _own_cost(node) if own else _cost(node, ctx, sources)
    if cost is not None:
        record["cost"] = cost
    discounts = _ext_list(own, node, "discounts")
    if discounts:
        record["discounts"] = discounts
    hours = _hours(node, ctx)
    if hours is not None:
        record["hours"] = hours
    grants = _grants(node, notes)
    if grants:
        record["grants"] = grants
    keys: tuple[ConditionKey, ...] = ("requires", "recommends")
    for key in keys:
        items = _conditions(node, key, ctx, notes)
        if items:
            record[key] = items
    awarded = node.data.get(EXT + "awardedFor") if own else None
    if isinstance(awarded, dict):
        record["awarded_for"] = awarded
    elif parts:
        record["awarded_for"] = {"all_of": [{"credential": p} for p in parts]}
    credit = _ext_list(own, node, "credit")
    if credit:
        record["credit"] = credit
    validity = [y for y in (parse_years(v) for v in node.list("renewalFrequency")) if y is not None]
    if validity:
        record["validity_years"] = validity[0]
    renewal = [w for profile in node.objects("renewal") for w in _profile_words(profile, say)]
    if renewal:
        record["renewal"] = "; ".join(renewal)
    accreditation = _accreditation(node, ctx, say)
    if accreditation:
        record["accreditation"] = accreditation
    verification = _ext_str(own, node, "verification")
    if verification:
        record["verification"] = verification
    _lifecycle(node, ctx, record, notes)
    exam = _ext_str(own, node, "exam")
    if exam:
        record["exam"] = exam
    reviewed = _ext_str(own, node, "lastReviewed")
    if reviewed:
        record["last_reviewed"] = reviewed
    if own:
        # the exported record is a copy of a catalog entry: its sources are the entry's own (x-ctdl.record
        # names the copy)
        own_sources = node.data.get(EXT + "sources")
        if isinstance(own_sources, list) and own_sources:
            record["sources"] = [s["url"] if isinstance(s, dict) and set(s) == {"url"} else s for s in own_sources]
    else:
        record["sources"] = sources
    allow = _ext_list(own, node, "allowWarnings")
    if allow:
        record["allow_warnings"] = allow
    extra: CtdlExtra = {"ctid": node.ctid, "type": CE + node.type, "file": re.split(r"[\\/]", node.file)[-1]}
    if own:
        extra["record"] = sources[0]
    occupations = _occupations(node, roles_by_onet, ctx)
    if occupations:
        extra["occupations"] = occupations
    for kind, words in notes.items():
        if words:
            extra[NOTE_KEYS[kind]] = words
    record["x-ctdl"] = extra
    return record


def _ext_list(own: bool, node: Node, term: str) -> list[Json] | None:
    """A non-empty list in a `skillstack:` property `export ctdl` wrote, as is (`_misfits` checks its shape)."""
    value = node.data.get(EXT + term) if own else None
    return value if isinstance(value, list) and value else None


def _ext_str(own: bool, node: Node, term: str) -> str | None:
    """A non-empty string in a `skillstack:` property `export ctdl` wrote, as is."""
    value = node.data.get(EXT + term) if own else None
    return value if isinstance(value, str) and value else None


def _level(node: Node) -> str:
    found = {level for level, concept in LEVEL_NODES.items() for item in node.list("audienceLevelType")
             if isinstance(item, dict) and _local(item.get(CE + "targetNode")) == concept.split(":")[1]}
    return found.pop() if len(found) == 1 else ""


def _lifecycle(node: Node, ctx: _Ctx, record: CredentialRecord, notes: Notes) -> None:
    """`lifeCycleStatusType` (else `credentialStatusType`) -> status; `expirationDate` -> retires;
    `supersededBy` -> superseded_by."""
    for key in ("lifeCycleStatusType", "credentialStatusType"):
        concepts = [_local(item.get(CE + "targetNode") if isinstance(item, dict) else item) for item in node.list(key)]
        if not concepts:
            continue
        known = [_STATUS[c] for c in concepts if c in _STATUS]
        if known and known[0] != "active":
            record["status"] = known[0]
        elif not known:
            notes.setdefault("status", []).append(f"{key} {', '.join(concepts)} (read as active)")
        break
    expires = text(node.get("expirationDate"))
    if expires:
        try:
            record["retires"] = date.fromisoformat(expires[:10])
        except ValueError:
            ctx.notice(node, "warning", f"expirationDate {expires!r} is not a date; left out")
    for ref in node.list("supersededBy")[:1]:
        target = ctx.resolve(node, ref)
        if isinstance(target, Node) and target.ctid in ctx.imported:
            record["superseded_by"] = ctx.imported[target.ctid]
        else:
            label = target if isinstance(target, str) else (text(target.get("name")) or "a node")
            notes.setdefault("status", []).append(f"superseded by {label} (not a credential in the input)")
            ctx.notice(node, "error", f"supersededBy {label} is not a credential in the input")


def _accreditation(node: Node, ctx: _Ctx, say: Say) -> list[str]:
    names = []
    for ref in node.list("accreditedBy"):
        target = ctx.resolve(node, ref)
        if isinstance(target, Node) and say(target.get("name")):
            names.append(say(target.get("name")))
    return names


def _own_cost(node: Node) -> CostRecord | None:
    """The cost `export ctdl` wrote: AggregateCost (amount, currency, note), a per-month subscription,
    the re-examination fee (retake) and optional training."""
    cost: CostRecord = {}
    for profile in node.list("estimatedCost"):
        price = profile.get(CE + "price") if isinstance(profile, dict) else None
        if not isinstance(profile, dict) or isinstance(price, bool) or not isinstance(price, (int, float)):
            continue
        kinds = [_local(t.get(CE + "targetNode") if isinstance(t, dict) else t)
                 for t in as_list(profile.get(CE + "directCostType"))]
        if text(profile.get(CE + "paymentPattern")) == "per month":
            cost["subscription"] = {"monthly": price, "provider": text(profile.get(EXT + "provider"))}
        elif "AggregateCost" in kinds:
            cost["amount"] = price
            cost["currency"] = text(profile.get(CE + "currency")) or "USD"
            if exact(profile.get(CE + "description")):
                cost["note"] = exact(profile.get(CE + "description"))
        elif "ReexaminationFee" in kinds:
            cost["retake"] = price
        elif "OptionalCharges" in kinds and text(profile.get(CE + "name")) == "Training":
            cost["training"] = price
    return cost or None


def _grants(node: Node, notes: Notes) -> list[SkillItem]:
    """`teaches`, and `requires` profiles marked `skillstack:grants`: alignments to catalog skills
    (framework `SKILLS_FRAMEWORK`) -> grants; other competencies -> notes."""
    alignments = list(node.list("teaches"))
    for profile in node.list("requires"):
        if isinstance(profile, dict) and profile.get(EXT + "grants") is True:
            alignments += as_list(profile.get(CE + "targetCompetency"))
    grants = []
    for item in alignments:
        skill = _skill_of(item)
        if skill is not None:
            grants.append(skill)
        elif isinstance(item, dict):
            notes.setdefault("competencies", []).append(text(item.get(CE + "targetNodeName")) or
                                                        text(item.get(CE + "targetNode")) or "a competency")
    return grants


def _skill_of(item: Json) -> SkillItem | None:
    """A catalog skill alignment `{skill, level}`, or None for any other competency."""
    if not isinstance(item, dict) or text(item.get(CE + "framework")) != SKILLS_FRAMEWORK:
        return None
    skill = text(item.get(CE + "codedNotation"))
    level = item.get(EXT + "level", 1)
    # an integer: `true` and `2.0` are == 1 and 2, but the catalog's YAML would say `level: true`, `level: 2.0`
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", skill) or isinstance(level, bool) or not isinstance(level, int) \
            or level not in (1, 2, 3, 4):
        return None
    return {"skill": skill, "level": level}


def _organisations(node: Node, ctx: _Ctx, say: Say = text) -> tuple[str, str]:
    names = []
    for key in ("ownedBy", "offeredBy"):
        name = ""
        for ref in node.list(key):
            target = ctx.resolve(node, ref)
            if isinstance(target, Node) and say(target.get("name")):
                name = say(target.get("name"))
                break
            if not name:
                name = target if isinstance(target, str) else target.ctid
        names.append(name)
    owner, offerer = names
    issuer = owner or offerer
    if not issuer:
        ctx.notice(node, "warning", "no ownedBy or offeredBy; issuer written as 'unknown (CTDL record names none)'")
        return "unknown (CTDL record names none)", ""
    if CTID_RE.fullmatch(issuer) or issuer.startswith(("http", "_:")):
        ctx.notice(node, "warning", f"the issuing organisation {issuer} is not in the input; issuer written as its "
                                    "CTID (import its record too for the name)")
    return issuer, offerer if offerer and not (CTID_RE.fullmatch(offerer) or offerer.startswith(("http", "_:"))) \
        else ""


@dataclass(frozen=True)
class _Price:
    type: str
    amount: float
    currency: str


def _number(value: Json) -> float | None:
    """A CTDL number (JSON number or numeric text) as a finite float; None for anything else, true and
    false included (JSON booleans are not 1 and 0), and infinity and NaN (`"1e400"`, `"nan"`)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _prices(node: Node, profiles: Iterable[Json], ctx: _Ctx) -> list[_Price]:
    out: list[_Price] = []
    for profile in profiles:
        if not isinstance(profile, dict):
            continue
        price = profile.get(CE + "price")
        if price is None:
            continue
        amount = _number(price)
        if amount is None:
            ctx.notice(node, "warning", f"cost {price!r} is not a number; left out")
            continue
        if abs(amount) > MONEY_LIMIT:  # the catalog's limit; far beyond it money() cannot even write it
            ctx.notice(node, "warning", f"cost {price!r} is over {MONEY_LIMIT:,}; left out")
            continue
        if amount < 0:  # the catalog's costs are 0 or more: written, it would fail validate
            ctx.notice(node, "warning", f"cost {price!r} is negative; left out")
            continue
        code = currency_code(profile.get(CE + "currency", "USD"))
        if code is None:
            ctx.notice(node, "warning", f"currency {text(profile.get(CE + 'currency'))!r} is not known; cost left out")
            continue
        types = profile.get(CE + "directCostType")
        types = types if isinstance(types, list) else [types]
        out.extend(_Price(_local(t.get(CE + "targetNode") if isinstance(t, dict) else t), amount, code)
                   for t in types)
    return out


def _cost(node: Node, ctx: _Ctx, sources: list[str]) -> CostRecord | None:
    prices = _prices(node, node.list("estimatedCost"), ctx)
    for ref in node.list("commonCosts"):
        manifest = ctx.resolve(node, ref)
        if isinstance(manifest, Node):
            prices += _prices(manifest, manifest.list("estimatedCost"), ctx)
            sources.append(str(manifest.data.get("@id") or manifest.ctid))
        else:
            ctx.notice(node, "warning", f"cost manifest {manifest} is not in the input; its costs are not counted")
    counted = [p for p in prices if p.type not in NOT_COUNTED]
    if not counted:
        return None
    currencies = {p.currency for p in counted}
    if len(currencies) > 1:
        ctx.notice(node, "warning", f"costs in several currencies ({', '.join(sorted(currencies))}); cost left unset")
        return None
    aggregate = [p for p in counted if p.type == "AggregateCost"]
    by_type: dict[str, list[float]] = {}
    for p in aggregate or counted:
        by_type.setdefault(p.type or "unspecified", []).append(p.amount)
    currency = currencies.pop()
    words = []
    total = 0.0
    for kind, amounts in by_type.items():
        low = min(amounts)
        total += low
        others = sorted({a for a in amounts if a != low})
        words.append(f"{kind} {money(low, currency)}"
                     + (f" (alternatives: {', '.join(money(a, currency) for a in others)})" if others else ""))
    note = "CTDL: " + " + ".join(words)
    if aggregate and len(aggregate) < len(counted):
        note += " (an aggregate of the other listed costs, which are not added again)"
    return {"amount": round(total, 2), "currency": currency, "note": note}


def num_text(value: float) -> str:
    """A number as ISO 8601 duration or price text: `2` for 2.0, `2.5`, never an exponent."""
    if value == int(value):
        return str(int(value))
    return format(value, "f").rstrip("0") if "e" in repr(value) else repr(value)


def _hours(node: Node, ctx: _Ctx) -> float | None:
    found: list[float] = []
    calendar: list[str] = []
    for profile in node.objects("estimatedDuration"):
        exact = profile.get(CE + "exactDuration")
        values = [exact] if exact else [profile.get(CE + "minimumDuration"), profile.get(CE + "maximumDuration")]
        for raw in values:
            if not raw:
                continue
            hours, is_calendar = parse_duration(str(raw))
            if hours is not None:
                found.append(hours)
            elif is_calendar:
                calendar.append(str(raw))
            else:
                ctx.notice(node, "warning", f"duration {raw!r} is not an ISO 8601 duration; left out")
    if found:
        return max(found)
    if calendar:
        ctx.notice(node, "warning", f"calendar duration {', '.join(calendar)} says nothing about study hours; "
                                    "hours left unset")
    return None


def _conditions(node: Node, key: ConditionKey, ctx: _Ctx, notes: Notes) -> list[RequirementItem]:
    items: list[RequirementItem] = []
    prose: list[str] = notes.setdefault(key, [])
    for profile in node.list(key):
        if not isinstance(profile, dict) or profile.get(EXT + "grants") is True:
            continue
        carried = profile.get(EXT + "requirement")
        if isinstance(carried, dict) and ctx.own(node):
            items.append(carried)  # a group CTDL cannot nest, in the catalog's own shape (validate checks it)
            continue
        group = _condition_group(node, profile, key, ctx, notes)
        alternatives = [g for alt in objects(profile.get(CE + "alternativeCondition"))
                        for g in [_condition_group(node, alt, key, ctx, notes)] if g]
        if alternatives and group:
            items.append({"any_of": [_one(group), *(_one(g) for g in alternatives)]})
        elif alternatives:
            # the main condition is prose only, so any alternative is not a hard requirement
            prose.append("alternatively: " + ", ".join(a["credential"] for g in alternatives for a in g
                                                        if "credential" in a))
        else:
            items.extend(group)
    return items


def _one(group: list[Leaf]) -> Leaf | AllOfItem:
    return group[0] if len(group) == 1 else {"all_of": group}


def _profile_words(profile: JsonObject, say: Say = text) -> list[str]:
    return [w for w in (say(profile.get(CE + "name")), say(profile.get(CE + "description")),
                        say(profile.get(CE + "condition"))) if w]


def _condition_group(node: Node, profile: JsonObject, key: ConditionKey, ctx: _Ctx,
                     notes: Notes) -> list[Leaf]:
    """One condition profile -> the requirement items it states (all needed), plus its prose.

    Credential targets in the input -> `{credential}`; catalog skill competencies ->
    `{skill, level}`; `yearsOfExperience` with the area named in `experience` (else the
    profile's `name`) -> `{experience, years}`; a degree-typed target without CTID ->
    `{education}` (its `subject` as the field)."""
    words = _profile_words(profile)
    area = text(profile.get(CE + "experience"))
    if area:
        words.append(area)
    group: list[Leaf] = []
    for target_key in _TARGETS:
        for ref in as_list(profile.get(CE + target_key)):
            target = ctx.resolve(node, ref)
            if isinstance(target, Node) and target.ctid in ctx.imported:
                if target.ctid != node.ctid:
                    group.append({"credential": ctx.imported[target.ctid]})
            elif isinstance(target, Node) and not target.ctid and target.type in DEGREE_LEVELS:
                group.append(_education(target))
            elif isinstance(target, Node):
                label = text(target.get("name")) or "an unnamed target"
                url = text(target.get("subjectWebpage"))
                words.append(f"{label}" + (f" ({url})" if url else "") + " (described in the record, no CTID)")
            else:
                words.append(f"{target} (not in the input)")
                ctx.notice(node, "error", f"{key} {target_key} {target} is not in the input")
    for item in as_list(profile.get(CE + "targetCompetency")):
        skill = _skill_of(item)
        if skill is not None:
            group.append(skill)
        elif isinstance(item, dict):  # a competency of another framework: named in the notes
            notes.setdefault("competencies", []).append(text(item.get(CE + "targetNodeName")) or
                                                        text(item.get(CE + "targetNode")) or "a competency")
    experience = _experience(node, profile, ctx)
    if experience is not None:
        group.append(experience)
    elif profile.get(CE + "yearsOfExperience") is not None:
        words.append(f"{text(profile.get(CE + 'yearsOfExperience'))} years of experience")
    if words:
        notes.setdefault(key, []).append(" - ".join(words))
    return group


def _experience(node: Node, profile: JsonObject, ctx: _Ctx) -> ExperienceItem | None:
    """`yearsOfExperience` N -> `{experience: AREA, years: N}`: the area is the profile's `experience`
    text (else its `name`); without either, or with N not a number of years, it stays prose."""
    years = profile.get(CE + "yearsOfExperience")
    if years is None:
        return None
    value = _number(years)
    if value is None:
        ctx.notice(node, "warning", f"yearsOfExperience {years!r} is not a number; kept as a note")
        return None
    area = (exact if ctx.own(node) else text)(profile.get(CE + "experience")) or \
        text(profile.get(CE + "name"))
    if not 0 < value <= 80 or not area:
        why = "is not between 0 and 80" if not 0 < value <= 80 else "names no area of experience"
        ctx.notice(node, "warning", f"yearsOfExperience {years!r} {why}; kept as a note")
        return None
    return {"experience": area, "years": int(value) if value == int(value) else value}


def _education(target: Node) -> EducationItem:
    item: EducationItem = {"education": DEGREE_LEVELS[target.type].label}
    subject = next((text(s.get(CE + "targetNodeName")) for s in target.list("subject") if isinstance(s, dict)), "")
    if subject:
        item["field"] = subject
    if target.data.get(EXT + "accredited") is True:
        item["accredited"] = True
    return item


def _occupations(node: Node, roles_by_onet: Mapping[str, Sequence[str]], ctx: _Ctx) -> list[OccupationEntry]:
    """`occupationType` -> `{name, code, roles}`: the catalog roles whose O*NET code is the code, or
    shares its 6-digit SOC code; a code no role has is a warning naming it."""
    out = []
    for item in node.objects("occupationType"):
        code = text(item.get(CE + "codedNotation"))
        entry: OccupationEntry = {"name": text(item.get(CE + "targetNodeName")) or code}
        if code:
            entry["code"] = code
            roles = sorted({r for key, ids in roles_by_onet.items()
                            if key == code or (key[:7] == code[:7] and len(code) >= 7) for r in ids})
            if roles:
                entry["roles"] = roles
            elif roles_by_onet:
                ctx.notice(node, "warning", f"occupation {code} ({entry['name']}): no catalog role has this "
                                            "O*NET-SOC code; kept unlinked in x-ctdl.occupations")
        if entry["name"]:
            out.append(entry)
    return out


def _own_id(node: Node) -> str | None:
    """The catalog id `export ctdl` wrote as a "skillstack id" identifier, if any."""
    for ident in node.list("identifier"):
        if isinstance(ident, dict) and text(ident.get(CE + "identifierTypeName")) == "skillstack id":
            value = text(ident.get(CE + "identifierValueCode"))
            if re.fullmatch(r"[a-z0-9][a-z0-9-]*", value):
                return value
    return None

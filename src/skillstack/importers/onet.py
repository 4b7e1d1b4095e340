"""O*NET extract rows -> catalog roles and skills.

Rules (README "Importing O*NET and ESCO"):
- every occupation with skill ratings or flagged technologies becomes a role (`onet: code`, name, description, a source
  pointing at its O*NET OnLine page);
- each O*NET skill rated for it becomes a role requirement when its importance (IM, 1-5) is at
  least 2.5: `essential` from 4.0, `important` from 3.0, else `optional`; ratings O*NET
  recommends suppressing or marks not relevant are left out;
- the level (LV, 0-7) maps to ours: below 2 foundational, below 4 intermediate, below 5.5
  advanced, else expert;
- technology skills O*NET flags `In Demand` become `important` requirements at level 2
  (O*NET gives them no level), `Hot Technology` ones that are not in demand `optional`
  at level 1; the rest are left out;
- skills: the O*NET skill elements used (id from the name, `onet:` element id, `broader:` the
  parent element from the content model) and the technology examples used (`domain` and
  `broader` their commodity class, kept as `x-onet.commodity`).
Ids are lower-case slugs of the names; the O*NET codes stay on every entry for merging.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from skillstack.importers.records import RoleHead, RoleRecord, RoleRequirement, SkillRecord

Row = Mapping[str, str]
ONET_PAGE = "https://www.onetonline.org/link/summary/"
ATTRIBUTION = ("This product includes information from O*NET 29.2 Database by the U.S. Department of Labor, "
               "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.")


def slug(text: str) -> str:
    """`C++ (programming)` -> `c-plus-plus-programming`."""
    text = text.lower().replace("c++", "c-plus-plus").replace("c#", "c-sharp").replace("+", " plus ")
    text = text.replace("#", " sharp ").replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def importance(im: float) -> str | None:
    """O*NET importance (1-5) -> ours; None below 2.5 (not a requirement)."""
    if im >= 4.0:
        return "essential"
    if im >= 3.0:
        return "important"
    return "optional" if im >= 2.5 else None


def level(lv: float) -> int:
    """O*NET level (0-7) -> 1 foundational .. 4 expert."""
    return 1 if lv < 2 else 2 if lv < 4 else 3 if lv < 5.5 else 4


@dataclass
class OnetImport:
    skills: list[SkillRecord] = field(default_factory=list)
    roles: list[RoleRecord] = field(default_factory=list)


def import_onet(occupations: Iterable[Row], ratings: Iterable[Row], technology: Iterable[Row],
                elements: Iterable[Row], only: set[str] | None = None) -> OnetImport:
    """Rows of occupation_data, skills, technology_skills and content_model_reference -> roles and skills."""
    names = {r["O*NET-SOC Code"]: r for r in occupations}
    element_rows = {r["Element ID"]: r for r in elements}
    rated: dict[str, dict[str, dict[str, float]]] = {}
    element_names: dict[str, str] = {}
    for r in ratings:
        code = r["O*NET-SOC Code"]
        if only and code not in only:
            continue
        if r.get("Recommend Suppress") == "Y" or r.get("Not Relevant") == "Y":
            continue
        try:
            value = float(r["Data Value"])
        except (KeyError, ValueError):
            continue
        rated.setdefault(code, {}).setdefault(r["Element ID"], {})[r["Scale ID"]] = value
        element_names[r["Element ID"]] = r["Element Name"]
    tech: dict[str, list[tuple[str, str, str, str]]] = {}
    for r in technology:
        code = r["O*NET-SOC Code"]
        if only and code not in only:
            continue
        if r.get("In Demand") == "Y":
            tech.setdefault(code, []).append((r["Example"], r["Commodity Code"], r["Commodity Title"], "important"))
        elif r.get("Hot Technology") == "Y":
            tech.setdefault(code, []).append((r["Example"], r["Commodity Code"], r["Commodity Title"], "optional"))
    out = OnetImport()
    skills: dict[str, SkillRecord] = {}

    def element_skill(element: str) -> str:
        row = element_rows.get(element)
        name = row["Element Name"] if row else element_names.get(element, element)
        sid = slug(name)
        if sid not in skills:
            skills[sid] = {"id": sid, "name": name, "domain": "O*NET skills", "onet": element}
            if row and row.get("Description"):
                skills[sid]["description"] = row["Description"]
            parent = element.rsplit(".", 1)[0]
            if parent != element and parent in element_rows and parent.count(".") >= 1:
                skills[sid]["broader"] = element_skill(parent)
        return sid

    def tech_skill(example: str, commodity: str, title: str) -> str:
        group = slug(title)
        if group not in skills:
            skills[group] = {"id": group, "name": title, "domain": "O*NET technology skills",
                             "x-onet": {"commodity": commodity}}
        sid = slug(example)
        if sid == group:
            sid = f"{sid}-tool"
        if sid not in skills:
            skills[sid] = {"id": sid, "name": example, "domain": title, "broader": group,
                           "x-onet": {"commodity": commodity}}
        return sid

    for code in sorted(set(rated) | set(tech)):
        requires: dict[str, RoleRequirement] = {}
        for element, scales in sorted(rated.get(code, {}).items()):
            kind = importance(scales.get("IM", 0.0))
            if kind is None or "LV" not in scales:
                continue
            sid = element_skill(element)
            requires[sid] = {"skill": sid, "level": level(scales["LV"]), "importance": kind}
        for example, commodity, title, kind in sorted(tech.get(code, [])):
            sid = tech_skill(example, commodity, title)
            requires.setdefault(sid, {"skill": sid, "level": 2 if kind == "important" else 1, "importance": kind})
        occupation = names.get(code, {})
        head: RoleHead = {"id": slug(occupation.get("Title", code)), "name": occupation.get("Title", code),
                          "onet": code}
        if occupation.get("Description"):
            head["description"] = occupation["Description"]
        out.roles.append({**head, "requires": list(requires.values()), "sources": [ONET_PAGE + code]})
    out.skills = sorted(skills.values(), key=lambda s: s["id"])
    return out


def in_demand_table(technology: Iterable[Row]) -> list[tuple[str, str]]:
    """(O*NET-SOC code, technology example) for every technology O*NET flags In Demand."""
    return sorted({(r["O*NET-SOC Code"], r["Example"]) for r in technology if r.get("In Demand") == "Y"})

"""ESCO extract rows -> catalog skills (with the hierarchy as `broader`) and roles.

Rules (README "Importing O*NET and ESCO"):
- skills: the digital and transversal skill collections; ids are lower-case slugs of the
  preferred label (a clash takes the end of the URI), `esco:` keeps the URI, `aliases` the
  alternative labels;
- `broader`: the skill's first broader concept that is in the output; skill groups of the
  skills hierarchy (levels 0-3) and the broader relations become skills too, so the tree is kept;
- roles: occupations with their essential and optional skills; ESCO gives no proficiency
  levels, so an essential skill is required at level 2 (intermediate), an optional one at
  level 1 (foundational); relations whose skill is not in the output are counted, not guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from skillstack.importers.onet import slug
from skillstack.importers.records import RoleHead, RoleRecord, RoleRequirement, SkillRecord

Row = Mapping[str, str]
ATTRIBUTION = "This service uses the ESCO classification of the European Commission."


@dataclass
class EscoImport:
    skills: list[SkillRecord] = field(default_factory=list)
    roles: list[RoleRecord] = field(default_factory=list)
    unresolved: int = 0  # occupation-skill relations whose skill is not in the output


def _labels(text: str) -> list[str]:
    return [t.strip() for t in re.split(r"\n| \| ", text or "") if t.strip()]


def import_esco(skill_rows: Iterable[Row], hierarchy: Iterable[Row], broader: Iterable[Row],
                occupations: Iterable[Row], relations: Iterable[Row]) -> EscoImport:
    out = EscoImport()
    by_uri: dict[str, SkillRecord] = {}
    parents: dict[str, list[str]] = {}
    taken: set[str] = set()

    def add(uri: str, label: str, domain: str, aliases: list[str] | None = None, description: str = "") -> None:
        if uri in by_uri:
            return
        sid = slug(label)
        if sid in taken:
            sid = f"{sid}-{slug(uri.rsplit('/', 1)[-1])[:8]}"
        taken.add(sid)
        skill: SkillRecord = {"id": sid, "name": label, "domain": domain}
        if aliases:
            skill["aliases"] = aliases
        if description:
            skill["description"] = description
        skill["esco"] = uri
        by_uri[uri] = skill

    for row in hierarchy:
        above = ""
        for n in range(4):
            uri, label = row.get(f"Level {n} URI", ""), row.get(f"Level {n} preferred term", "")
            if not uri or not label:
                break
            add(uri, label, "ESCO skill groups")
            if above:
                parents.setdefault(uri, []).append(above)
            above = uri
    for row in skill_rows:
        uri, label = row.get("conceptUri", ""), row.get("preferredLabel", "")
        if not uri or not label:
            continue
        aliases = [a for a in _labels(row.get("altLabels", "")) if a.lower() != label.lower()]
        add(uri, label, f"ESCO {row.get('reuseLevel') or row.get('skillType') or 'skill'}",
            list(dict.fromkeys(aliases)), row.get("description", "").strip())
        parents.setdefault(uri, []).extend(_labels(row.get("broaderConceptUri", "")))
    for row in broader:
        parents.setdefault(row.get("conceptUri", ""), []).append(row.get("broaderUri", ""))
    for uri, skill in by_uri.items():
        for parent in parents.get(uri, []):
            if parent in by_uri and parent != uri and not _would_cycle(uri, parent, parents, by_uri):
                skill["broader"] = by_uri[parent]["id"]
                break
    skill_ids = {uri: s["id"] for uri, s in by_uri.items()}
    wanted: dict[str, dict[str, RoleRequirement]] = {}
    for row in relations:
        uri = row.get("skillUri_if_resolved") or row.get("skillUri", "")
        occupation = row.get("occupationUri", "")
        if uri not in skill_ids:
            out.unresolved += 1
            continue
        essential = row.get("relationType") == "essential"
        item: RoleRequirement = {"skill": skill_ids[uri], "level": 2 if essential else 1,
                                 "importance": "essential" if essential else "optional"}
        current = wanted.setdefault(occupation, {}).get(item["skill"])
        if current is None or (essential and current["importance"] != "essential"):
            wanted[occupation][item["skill"]] = item
    role_ids: set[str] = set()
    for row in occupations:
        uri, label = row.get("conceptUri", ""), row.get("preferredLabel", "")
        if not uri or not label:
            continue
        rid = slug(label)
        if rid in role_ids:
            rid = f"{rid}-{row.get('code', '') or slug(uri.rsplit('/', 1)[-1])[:8]}".replace(".", "-")
        role_ids.add(rid)
        head: RoleHead = {"id": rid, "name": label, "esco": uri}
        if (row.get("description") or "").strip():
            head["description"] = row["description"].strip()
        out.roles.append({**head, "requires": list(wanted.get(uri, {}).values()), "sources": [uri]})
    _dedupe_aliases(list(by_uri.values()))
    used = {item["skill"] for role in out.roles for item in role["requires"]}
    keep = set(used)
    by_id = {s["id"]: s for s in by_uri.values()}
    for sid in list(keep):
        while sid in by_id and "broader" in by_id[sid] and by_id[sid]["broader"] not in keep:
            sid = by_id[sid]["broader"]
            keep.add(sid)
    out.skills = sorted((s for s in by_uri.values() if s["id"] in keep or not used), key=lambda s: s["id"])
    return out


def _would_cycle(uri: str, parent: str, parents: dict[str, list[str]], by_uri: Mapping[str, SkillRecord]) -> bool:
    seen, todo = {uri}, [parent]
    while todo:
        current = todo.pop()
        if current in seen:
            return True
        seen.add(current)
        todo.extend(p for p in parents.get(current, [])[:1] if p in by_uri)
    return False


def _dedupe_aliases(skills: list[SkillRecord]) -> None:
    """A name or alias belongs to one skill (validate's rule): names first, then the first alias wins."""
    taken = {s["name"].casefold() for s in skills}
    for skill in skills:
        kept = []
        for alias in skill.get("aliases", []):
            if alias.casefold() not in taken:
                taken.add(alias.casefold())
                kept.append(alias)
        if kept:
            skill["aliases"] = kept
        else:
            skill.pop("aliases", None)

"""`skillstack posting` output: one JSON document, or plain text for people."""

from __future__ import annotations

from typing import Any

from skillstack.catalog import Catalog
from skillstack.postings import rules
from skillstack.postings.extract import Evidence, PostingResult
from skillstack.postings.role import Count, RoleDraft

LEVEL_NAMES = {1: "foundational", 2: "intermediate", 3: "advanced", 4: "expert"}


def _ev(evidence: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [{"line": e.line, "column": e.offset + 1, "phrase": e.phrase} if e.offset >= 0
            else {"line": e.line, "phrase": e.phrase} for e in evidence]


def posting_dict(catalog: Catalog, result: PostingResult) -> dict[str, Any]:
    return {
        "source": result.source, "title": result.title, "lines": result.lines,
        "skills": [{"skill": s.skill, "name": catalog.skill_name(s.skill), "level": s.level,
                    "level_reason": s.level_reason, "importance": s.importance,
                    "importance_reason": s.importance_reason, "via": s.via, "matched": s.matched,
                    "broader": catalog.skills[s.skill].broader or None,
                    "alternatives": list(s.alternatives), "evidence": _ev(s.evidence)} for s in result.skills],
        "credentials": [{"any_of": list(c.any_of), "names": [catalog.credential_name(i) for i in c.any_of],
                         "importance": c.importance, "importance_reason": c.importance_reason, "via": list(c.via),
                         "or_equivalent": c.or_equivalent, "evidence": _ev(c.evidence)} for c in result.credentials],
        "experience": [{"domain": e.domain, "years": e.years, "importance": e.importance,
                        "importance_reason": e.importance_reason, "what": e.what, "domain_reason": e.domain_reason,
                        "evidence": _ev(e.evidence)} for e in result.experience],
        "education": [{"level": e.level, "field": e.field or None, "or_experience": e.or_experience,
                       "importance": e.importance, "importance_reason": e.importance_reason,
                       "evidence": _ev(e.evidence)} for e in result.education],
        "unmapped": [{"phrase": n.phrase, "line": n.line, "reason": n.reason} for n in result.unmapped],
        "ignored": [{"phrase": n.phrase, "line": n.line, "reason": n.reason} for n in result.ignored],
    }


def _count(c: Count) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": c.kind, "label": c.label, "postings": c.postings, "of": c.total,
                           "importance": c.importance, "summary": c.share}
    if c.kind == "skill":
        out.update(skill=c.key[0], level=int(c.level))
    elif c.kind == "credential":
        out["any_of"] = list(c.key)
    elif c.kind == "experience":
        out.update(domain=c.key[0], years=c.level)
    else:
        out.update(education=c.key[0], field=c.field_of_study or None)
    if c.note:
        out["note"] = c.note
    return out


def postings_json(catalog: Catalog, results: list[PostingResult], draft: RoleDraft | None,
                  written: str | None) -> dict[str, Any]:
    doc: dict[str, Any] = {"schema_version": 1,
                           "defaults": {"level": rules.DEFAULT_LEVEL, "importance": rules.DEFAULT_IMPORTANCE},
                           "postings": [posting_dict(catalog, r) for r in results]}
    if draft is not None:
        doc["role"] = {"id": draft.role_id, "name": draft.name, "postings": draft.total,
                       "requires": [_count(c) for c in draft.kept], "dropped": [_count(c) for c in draft.dropped],
                       "allow_warnings": list(draft.allow_warnings), "written": written}
    return doc


def _where(evidence: tuple[Evidence, ...]) -> str:
    distinct = list(dict.fromkeys((e.line, e.phrase if len(e.phrase) <= 120 else e.phrase[:117] + "...")
                                  for e in evidence))
    shown = [f'line {line} "{phrase}"' for line, phrase in distinct[:3]]
    more = f" (+{len(distinct) - 3} more)" if len(distinct) > 3 else ""
    return ", ".join(shown) + more


def posting_text(catalog: Catalog, result: PostingResult) -> str:
    out = [f"{result.source}: {result.title}"]
    if result.skills:
        out.append("  Skills:")
        for s in result.skills:
            alt = f"; or {', '.join(s.alternatives)}" if s.alternatives else ""
            via = f" via {s.via} {s.matched!r}" if s.via in ("esco", "esco broader") else ""
            out.append(f"    {catalog.skill_name(s.skill)} ({s.skill}): level {s.level} {LEVEL_NAMES[s.level]} "
                       f"({s.level_reason}), {s.importance} ({s.importance_reason}){alt}{via}")
            out.append(f"      {_where(s.evidence)}")
    if result.credentials:
        out.append("  Credentials:")
        for c in result.credentials:
            names = " or ".join(f"{catalog.credential_name(i)} ({i})" for i in c.any_of)
            eq = ", or an equivalent" if c.or_equivalent else ""
            out.append(f"    {names}{eq}: {c.importance} ({c.importance_reason})")
            out.append(f"      {_where(c.evidence)}")
    if result.experience:
        out.append("  Experience:")
        for e in result.experience:
            out.append(f"    {e.years:g} year{'s' if e.years != 1 else ''} of {e.domain} (from {e.domain_reason}): "
                       f"{e.importance} "
                       f"({e.importance_reason})")
            out.append(f"      {_where(e.evidence)}")
    if result.education:
        out.append("  Education:")
        for ed in result.education:
            field = f" in {ed.field}" if ed.field else ""
            alt = ", or equivalent experience" if ed.or_experience else ""
            out.append(f"    {ed.level}{field}{alt}: {ed.importance} ({ed.importance_reason})")
            out.append(f"      {_where(ed.evidence)}")
    if not (result.skills or result.credentials or result.experience or result.education):
        out.append("  Nothing the catalog knows was asked for.")
    if result.unmapped:
        out.append("  Not in the catalog (for a curator to add):")
        out.extend(f'    line {n.line} "{n.phrase}": {n.reason}' for n in result.unmapped)
    if result.ignored:
        out.append("  Read but left out:")
        out.extend(f'    line {n.line} "{n.phrase}": {n.reason}' for n in result.ignored)
    return "\n".join(out)


def postings_text(catalog: Catalog, results: list[PostingResult], draft: RoleDraft | None,
                  written: str | None) -> str:
    parts = [posting_text(catalog, r) for r in results]
    parts.append(f"Levels without a wording cue are {rules.DEFAULT_LEVEL} "
                 f"({LEVEL_NAMES[rules.DEFAULT_LEVEL]}); importance without a heading or wording is "
                 f"{rules.DEFAULT_IMPORTANCE}.")
    if draft is not None:
        lines = [f"Role {draft.role_id} ({draft.name}) from {draft.total} posting(s):"]
        lines += [f"  {c.share}: {c.importance}" + (f" (level {int(c.level)})" if c.kind == "skill" else "")
                  + (f"; {c.note}" if c.note else "") for c in draft.kept]
        if draft.dropped:
            lines.append("  Too rare to keep: " + "; ".join(c.share for c in draft.dropped))
        if written:
            lines.append(f"Written to {written}; check it with: skillstack validate --strict {written}")
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"

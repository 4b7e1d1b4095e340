"""Profiles: read a career changer's YAML, merge flags over it, resolve names to ids.

Resolution follows SPEC section 2: exact id, then name or alias, then a fuzzy
match above a threshold (reported as a warning); below it an InputError that
lists the closest matches and names the file and line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path

from skillstack.catalog import Catalog, Index, normalize
from skillstack.errors import InputError
from skillstack.fileio import PROFILE_LIMIT, read_input_bytes, read_stdin_bytes
from skillstack.loader import display_path
from skillstack.model import (
    OBJECTIVES,
    Constraints,
    ConstraintsInput,
    Credential,
    CredentialId,
    Education,
    EducationHeld,
    HeldCredential,
    HeldInput,
    Level,
    Profile,
    ProfileInput,
    Role,
    RoleId,
    Skill,
    SkillId,
    SourceRef,
)
from skillstack.textmatch import rank


def read_profile(path: Path) -> ProfileInput:
    """Read a profile file; InputError naming file:line:col on any mistake."""
    # imported here: planning from flags alone never loads the YAML reader or the schema
    from skillstack.schema import INVALID, PROFILE_FILE, Ctx
    from skillstack.yamlread import MapNode, ScalarNode, read_bytes

    if str(path) == "-":
        data, name = read_stdin_bytes(what="profile", limit=PROFILE_LIMIT), "<stdin>"
    else:
        data = read_input_bytes(path, what="profile", limit=PROFILE_LIMIT,
                                missing="check the path or run `skillstack init`")
        name = display_path(path)
    result = read_bytes(data, name)
    problems = list(result.problems)
    root = result.root
    if not problems and (root is None or (isinstance(root, ScalarNode) and root.value is None)):
        raise InputError(f"{name}:1:1: the profile is empty; see examples/profiles/ or run `skillstack init`")
    if not problems and not isinstance(root, MapNode):
        raise InputError(f"{name}:1:1: a profile must be a mapping (name, skills, targets, ...)")
    ctx = Ctx(name)
    values = PROFILE_FILE.convert(root, ctx) if not problems and root is not None else INVALID
    problems += ctx.problems
    if problems or values is INVALID:  # (INVALID comes with a problem)
        first = min(problems)
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise InputError(f"{first.file}:{first.line}:{first.col}: {first.message}{more}")
    return values


def read_learner(catalog: Catalog, path: Path) -> tuple[Profile, list[str]]:
    """A profile file (`-`: standard input) read and resolved against the catalog: the learner,
    and the fuzzy readings of its names to show (SPEC section 2). An InputError names the file,
    line and column of a mistake, or the name the catalog has nothing like.

    >>> learner, readings = read_learner(catalog, example_profile)  # examples/profiles/marketing-to-data-analyst.yaml
    >>> learner.targets, readings
    (('data-analyst',), [])
    """
    return resolve_profile(read_profile(path), catalog)


def _split(text: str, flag: str, example: str) -> tuple[str, str]:
    key, sep, value = text.rpartition(":")
    if not sep or not key or not value:
        from skillstack.schema import quote  # only for this message

        raise InputError(f"{flag} {quote(text)}: write it as {example}")
    return key, value


def parse_level(text: str, flag: str) -> Level:
    if text.isdigit() and len(text) < 3 and 1 <= int(text) <= 4:
        return Level(int(text))
    names = {lv.label: lv for lv in Level}
    if text.lower() in names:
        return names[text.lower()]
    from skillstack.schema import quote  # only for this message: no schema import on the way to a plan

    raise InputError(f"{flag}: level {quote(text)} is not 1-4 or one of {', '.join(names)}")


def apply_flags(base: ProfileInput, *, roles: Sequence[str] = (), have: Sequence[str] = (),
                holds: Sequence[str] = (), experience: Sequence[str] = (), exclude: Sequence[str] = (),
                constraints: ConstraintsInput | None = None, education: str | None = None) -> ProfileInput:
    """Flags over a profile: --role replaces the targets; --have, --holds and
    --experience add or override entries; --exclude adds; each constraint flag given
    (a field of `constraints` that is not None or empty) and --education (LEVEL or
    LEVEL:FIELD) override."""
    targets = tuple((r, None) for r in roles) if roles else base.targets
    education_held = base.education
    if education:
        level, _, field_name = education.partition(":")
        try:
            education_held = EducationHeld(Education.parse(level), field_name.strip())
        except ValueError:
            levels = ", ".join(e.label for e in Education)
            raise InputError(f"--education {education!r}: use one of {levels} (optionally LEVEL:FIELD)") from None
    skills = list(base.skills)
    for item in have:
        key, level = _split(item, "--have", "SKILL:LEVEL, e.g. sql:2")
        skills = [s for s in skills if normalize(s[0]) != normalize(key)]
        skills.append((key, parse_level(level, "--have"), None))
    if holds or experience:  # imported only for these flags: a plan from ids alone never loads the schema
        from skillstack.schema import quote
    credentials = list(base.credentials)
    for item in holds:
        ident, _, when = item.partition("@")
        earned = None
        if when:  # "--holds 'x@9999-01-01': earned '9999-01-01' is out of range; ..."
            earned = parse_date(when, f"--holds {quote(item)}: earned")
        # the flag says when it was earned; an expiry the profile states for it still holds
        expires = {c.id[0]: c.expires for c in credentials if c.expires}.get(ident)
        credentials = [c for c in credentials if c.id[0] != ident] + [HeldInput((ident, None), earned, expires)]
    years_in = list(base.experience)
    for item in experience:
        key, years = _split(item, "--experience", "DOMAIN:YEARS, e.g. security:5")
        try:
            value = float(years)
        except ValueError:
            raise InputError(f"--experience {quote(item)}: years must be a number") from None
        if not 0 <= value <= 80:  # also refuses nan and inf
            raise InputError(f"--experience {quote(item)}: years must be a number from 0 to 80")
        years_in = [e for e in years_in if e[0] != key] + [(key, value, None)]
    given = {} if constraints is None else {
        f.name: value for f in fields(constraints)
        if (value := getattr(constraints, f.name)) is not None and value != ()}
    given["exclude"] = (*base.constraints.exclude, *(given.get("exclude", ())), *((e, None) for e in exclude))
    return replace(base, skills=tuple(skills), credentials=tuple(credentials), experience=tuple(years_in),
                   targets=targets, constraints=replace(base.constraints, **given), education=education_held)


def _resolve(index: Index[Skill] | Index[Credential] | Index[Role], text: str, at: SourceRef | None,
             warnings: list[str]) -> str:
    try:
        found = index.resolve(text)
    except InputError as exc:
        prefix = f"{at.file}:{at.line}:{at.col}: " if at else ""
        raise InputError(f"{prefix}{exc}") from None
    if found.warning:
        warnings.append(found.warning)
    return found.id


def issuers_named(issuers: dict[str, list[CredentialId]], text: str) -> list[str]:
    """The normalised issuer (or provider) names an --exclude text names: the name itself and
    the longer names it begins, word for word ("Google" also names "Google Cloud" and "Google
    Skillshop", not "Googleplex Inc")."""
    key = normalize(text)
    return [name for name in issuers if key and (name == key or name.startswith(key + " "))]


def resolve_profile(raw: ProfileInput, catalog: Catalog) -> tuple[Profile, list[str]]:
    """Names to ids. Returns the profile and the fuzzy-match warnings to show."""
    warnings: list[str] = []
    skills: dict[SkillId, Level] = {}
    for text, level, at in raw.skills:
        sid = SkillId(_resolve(catalog.skills, text, at, warnings))
        skills[sid] = max(level, skills.get(sid, level))
    held = [HeldCredential(CredentialId(_resolve(catalog.credentials, *h.id, warnings)), h.earned, h.expires)
            for h in raw.credentials]
    targets = tuple(dict.fromkeys(RoleId(_resolve(catalog.roles, t, at, warnings)) for t, at in raw.targets))
    doing = raw.progress.in_progress
    in_progress = tuple(CredentialId(_resolve(catalog.credentials, t, at, warnings)) for t, at in doing)
    c = raw.constraints
    # built only when asked for: every credential's issuer, read from the whole catalog
    issuers = catalog.issuers() if c.exclude or c.issuers else {}
    only: list[str] = []
    for text in c.issuers:
        if normalize(text) not in issuers:
            close = [name for name, _ in rank(text, list(issuers), limit=3)]
            raise InputError(f"--issuer {text!r} is not an issuer in the catalog; closest: {', '.join(close) or 'none'}")
        only.append(normalize(text))
    exclude: list[str] = []
    for text, at in c.exclude:
        if text in catalog.credentials:
            exclude.append(text)
        elif named := issuers_named(issuers, text):
            exclude.extend(cid for name in named for cid in issuers[name])
        else:
            try:
                exclude.append(_resolve(catalog.credentials, text, at, warnings))
            except InputError:
                prefix = f"{at}: " if at else ""
                raise InputError(f"{prefix}exclude {text!r} is neither a credential nor an issuer in the catalog; "
                                 "check the spelling with `skillstack search`") from None
    optimize = "cost" if c.optimize is None else c.optimize
    if optimize not in OBJECTIVES:
        raise InputError(f"--optimize {optimize!r}: use one of {', '.join(OBJECTIVES)}")
    hours_per_week = 10.0 if c.hours_per_week is None else float(c.hours_per_week)  # the schema and flags bound it
    start, deadline = c.start, c.deadline
    if start and deadline and deadline < start:
        prefix = f"{raw.where.file}: " if raw.where else ""
        raise InputError(f"{prefix}deadline {deadline} is before start {start}; move one of them")
    constraints = Constraints(
        budget=float(c.budget) if c.budget is not None else None, hours_per_week=hours_per_week,
        start=start, deadline=deadline, exclude=tuple(dict.fromkeys(exclude)), optimize=optimize,
        with_optional=bool(c.with_optional), issuers=tuple(dict.fromkeys(only)),
        strict_recommendations=bool(c.strict_recommendations))
    started = {text: day for text, day, _ in raw.progress.started}
    profile = Profile(name=raw.name, skills=tuple(sorted(skills.items())), credentials=tuple(held),
                      experience=tuple((domain, float(years)) for domain, years, _ in raw.experience),
                      targets=targets, constraints=constraints, in_progress=in_progress, where=raw.where,
                      education=raw.education, current_salary=raw.current_salary,
                      started=tuple((cid, started[text]) for cid, (text, _) in zip(in_progress, doing, strict=True)
                                    if text in started))
    return profile, warnings


@dataclass(frozen=True)
class Flags:
    """What a command line says about the learner; each flag given overrides the profile file."""

    roles: tuple[str, ...] = ()
    have: tuple[str, ...] = ()
    holds: tuple[str, ...] = ()
    experience: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    budget: float | None = None
    hours_per_week: float | None = None
    start: date | None = None
    deadline: date | None = None
    optimize: str | None = None
    with_optional: bool | None = None
    issuers: tuple[str, ...] = ()
    strict_recommendations: bool = False
    education: str | None = None


def learner_profile(catalog: Catalog, base: ProfileInput, flags: Flags,
                    posted: RoleId | None = None) -> tuple[Profile, list[str]]:
    """The learner a command works for: a profile as read (or an empty `ProfileInput`) with the
    flags over it, names resolved to catalog ids; and the fuzzy readings to show. A role made
    from job postings (`posted`) replaces the profile's targets, next to any `--role`.

    >>> learner, readings = learner_profile(catalog, ProfileInput(), Flags(roles=("data analyst",)))
    >>> learner.targets, readings
    (('data-analyst',), [])
    """
    constraints = ConstraintsInput(
        budget=flags.budget, hours_per_week=flags.hours_per_week, start=flags.start, deadline=flags.deadline,
        optimize=flags.optimize, with_optional=flags.with_optional, issuers=flags.issuers,
        strict_recommendations=flags.strict_recommendations or None)
    merged = apply_flags(base, roles=flags.roles, have=flags.have, holds=flags.holds, experience=flags.experience,
                         exclude=flags.exclude, constraints=constraints, education=flags.education)
    resolved, warnings = resolve_profile(merged, catalog)
    if posted is not None:
        resolved = replace(resolved, targets=(*(resolved.targets if flags.roles else ()), posted))
    return resolved, warnings


def from_today(learner: Profile, today: date) -> tuple[Profile, list[str]]:
    """No plan from the past: a start before `today` moves to today (the warning says so); a
    deadline before the start (or before today) is an InputError."""
    warnings: list[str] = []
    c = learner.constraints
    start = c.start or today
    if c.start is not None and c.start < today:
        warnings.append(f"start {c.start} is in the past; planning from today, {today} "
                        "(pass --start to choose another day)")
        start = today
        learner = replace(learner, constraints=replace(c, start=today))
    if c.deadline is not None and c.deadline < start:
        raise InputError(f"deadline {c.deadline} is before the start of study ({start}); move the deadline "
                         "(--deadline or constraints.deadline) or the start")
    return learner, warnings


def parse_date(text: str, what: str) -> date:
    """A day written YYYY-MM-DD (an option's or an answer's, named by `what` in the error)."""
    from skillstack.schema import FIRST_YEAR, LAST_YEAR, quote  # not before: a warm plan never imports the schema

    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{what} {quote(text)} is not a date; write it as YYYY-MM-DD") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise InputError(f"{what} {quote(text)} is out of range; use a year from {FIRST_YEAR} to {LAST_YEAR}")
    return day


def parse_money(text: str) -> float:
    """A sum of money as people write it: "1500", "$1,500", "1,500.50 USD"; InputError otherwise."""
    cleaned = text.strip().replace(",", "").replace("$", "").removesuffix("USD").removesuffix("usd").strip()
    try:
        value = float(cleaned)
    except ValueError:
        raise InputError(f"{text!r} is not an amount of money; write it as 1500 or $1,500") from None
    from skillstack.money import money
    from skillstack.schema.toolkit import MONEY_LIMIT  # what a profile file accepts

    if not 0 <= value <= MONEY_LIMIT:  # also refuses nan
        raise InputError(f"{text!r}: give an amount from 0 to {money(MONEY_LIMIT)}")
    return value

"""Options shared by several commands, and the learner they describe (`load_learner`)."""

from __future__ import annotations

import math
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from skillstack.cli import completion
from skillstack.cli.app import keep_until_exit
from skillstack.cli.output import note, warn
from skillstack.model import HOURS_PER_WEEK
from skillstack.money import MONEY_LIMIT

if TYPE_CHECKING:
    from skillstack.catalog import Catalog
    from skillstack.model import Profile
    from skillstack.profile import Flags

CatalogOpt = typer.Option(
    None, "--catalog", "-c", help="Catalog directory or YAML file (repeatable; default: $SKILLSTACK_CATALOG, "
    "else the shipped catalog).", show_default=False)


class Fmt(str, Enum):
    text = "text"
    json = "json"


FormatOpt = typer.Option(Fmt.text, "--format", "-f", help="Output format.")


def catalog_paths(given: list[Path] | None) -> list[Path]:
    from skillstack.loader import default_paths

    return list(given) if given else default_paths()


def parse_date(text: str | None, what: str) -> date | None:
    """A date option's value (`profile.parse_date`), or None when the option is not given."""
    if text is None:
        return None
    from skillstack.profile import parse_date as read_date

    return read_date(text, what)


def finite(value: float | None) -> float | None:
    """Option callback: NaN and infinity pass typer's range checks (every comparison is false)."""
    if value is not None and not math.isfinite(value):
        raise typer.BadParameter(f"{value} is not a number; give a finite amount")
    return value


# ---- the learner: a profile file and the flags over it (plan, audit, roles, init) ----
# --budget and --hours-per-week take what a profile file does; the limits come from the base
# layer that the schema reads them from (importing the schema here costs every command ~25 ms)

ProfileOpt = typer.Option(None, "--profile", "-p", help="Profile YAML file (see examples/profiles/).")
RoleOpt = typer.Option(None, "--role", "-r", autocompletion=completion.roles, help="Target role id or name (repeatable; replaces the profile's).")
HaveOpt = typer.Option(None, "--have", autocompletion=completion.skills, help="A skill you have, SKILL:LEVEL, e.g. sql:2 (repeatable).")
HoldsOpt = typer.Option(None, "--holds", autocompletion=completion.credentials, help="A credential you hold, ID or ID@YYYY-MM-DD earned (repeatable).")
ExperienceOpt = typer.Option(None, "--experience", help="Years of work in a domain, DOMAIN:YEARS (repeatable).")
BudgetOpt = typer.Option(None, "--budget", min=0, max=MONEY_LIMIT, callback=finite, help="Most you will spend, USD.")
HoursOpt = typer.Option(None, "--hours-per-week", min=HOURS_PER_WEEK[0], max=HOURS_PER_WEEK[1], callback=finite, help="Hours a week you can study (default 10).")
StartOpt = typer.Option(None, "--start", help="First day of study (default today).", metavar="YYYY-MM-DD")
DeadlineOpt = typer.Option(None, "--deadline", help="Finish by this day.", metavar="YYYY-MM-DD")
OptimizeOpt = typer.Option(None, "--optimize", help="What to minimise (default cost).")
ExcludeOpt = typer.Option(None, "--exclude", autocompletion=completion.credentials, help="Credential id or issuer to leave out (repeatable).")
OptionalOpt = typer.Option(None, "--with-optional/--without-optional", help="Also close optional role skills.")
PostingOpt = typer.Option(None, "--posting", help="Target the role a job posting asks for (text, Markdown or "
                          "HTML; repeatable: several postings make one role); see `skillstack posting`.")
IssuerOpt = typer.Option(None, "--issuer", help="Plan only credentials of this issuer (repeatable), e.g. "
                         "--issuer 'Amazon Web Services' for an AWS shop; the complement of --exclude.")
StrictOpt = typer.Option(False, "--strict-recommendations",
                         help="Treat each credential's `recommends` (experience, earlier credentials) as required.")
EducationOpt = typer.Option(None, "--education", help="Your education, LEVEL or LEVEL:FIELD "
                            "(none, high-school, associate, bachelor, master, doctorate).")
TodayOpt = typer.Option(None, "--today", help="Date to judge expiry by (default today).", metavar="YYYY-MM-DD")


def load_learner(catalog: list[Path] | None, profile: Path | None, flags: Flags,
                 posting: list[Path] | None = None) -> tuple[Catalog, Profile]:
    """The checked catalog and the learner: the profile file (if any) with the flags over it, and
    the role that job postings ask for as the target when `posting` names any."""
    from skillstack.cli.app import unscanned

    with unscanned():  # the cache's and the profile's modules, and the decoder's
        from skillstack.cache import load_catalog
        from skillstack.profile import ProfileInput, learner_profile, read_profile

        cat = load_catalog(catalog_paths(catalog), progress=note).catalog
    keep_until_exit(cat)
    posted = None
    if posting:
        from skillstack.cli.posting import read_texts
        from skillstack.postings.service import posting_target

        cat, role = posting_target(cat, read_texts(posting))
        posted = role.id
    base = read_profile(profile) if profile else ProfileInput()
    learner, readings = learner_profile(cat, base, flags, posted)
    for reading in readings:
        warn(reading)
    return cat, learner


def listed(values: list[str] | None) -> tuple[str, ...]:
    """A repeatable option's values."""
    return tuple(values or ())


def today_from(text: str | None) -> date:
    return parse_date(text, "--today") or date.today()

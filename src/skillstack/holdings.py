"""What a learner holds on a given day: own skills, unexpired credentials, stacks they complete.

Held credentials count (for their grants and as prerequisites) until
`earned + validity_years` (SPEC section 3), and not before `earned`: one dated
after the day asked about is not held yet. A credential held without an
`earned` date is taken as current. A credential its issuer has since retired
still counts until it expires; `HeldStatus.retired` says so and names the successor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from skillstack.catalog import Catalog
from skillstack.lifecycle import is_retired, successor
from skillstack.model import Credential, CredentialId, HeldCredential, Profile
from skillstack.requirements import State, holds

SOON = timedelta(days=183)  # "expires within 6 months"


def expiry(cred: Credential, held: HeldCredential) -> date | None:
    """The earlier of the held credential's own expiry and `earned + validity_years`."""
    by_rule = _by_validity(cred, held)
    if held.expires is not None:
        return min(held.expires, by_rule) if by_rule else held.expires
    return by_rule


def _by_validity(cred: Credential, held: HeldCredential) -> date | None:
    if cred.validity_years is None or held.earned is None:
        return None
    years = cred.validity_years
    whole = int(years)
    months = round((years - whole) * 12)
    month_index = held.earned.month - 1 + months
    year = held.earned.year + whole + month_index // 12
    month = month_index % 12 + 1
    day = min(held.earned.day, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
    return date(year, month, day)


@dataclass(frozen=True)
class HeldStatus:
    id: CredentialId
    earned: date | None
    expires: date | None
    status: str  # current | expiring | expired
    retired: bool = False  # the issuer no longer awards it (it still counts until it expires)
    successor: CredentialId | None = None


def held_status(catalog: Catalog, profile: Profile, today: date) -> list[HeldStatus]:
    out = []
    for held in profile.credentials:
        cred = catalog.credentials[held.id]
        ends = expiry(cred, held)
        if ends is not None and ends <= today:
            status = "expired"
        elif ends is not None and ends - today <= SOON:
            status = "expiring"
        else:
            status = "current"
        retired = is_retired(cred, today)
        nxt = successor(catalog, cred, today) if retired else None
        out.append(HeldStatus(held.id, held.earned, ends, status, retired, nxt.id if nxt else None))
    return out


def learner_state(catalog: Catalog, profile: Profile, on: date) -> State:
    """Skills, credentials and experience the learner has on day `on`."""
    state = State(skills=dict(profile.skills), experience=dict(profile.experience), education=profile.education)
    for status in held_status(catalog, profile, on):
        if status.status == "expired" or (status.earned is not None and status.earned > on):
            continue  # expired, or "earned" on a later day: not held yet on day `on`
        state.credentials.add(status.id)
        state.add_grants((g.skill, g.level) for g in catalog.credentials[status.id].grants)
    earn_stacks(catalog, state)
    return state


def earn_stacks(catalog: Catalog, state: State) -> list[CredentialId]:
    """Add every stack whose parts `state` holds (repeating, as stacks can be parts); return the new ones."""
    earned: list[CredentialId] = []
    changed = True
    while changed:
        changed = False
        for stack in catalog.stacks_using(state.credentials):
            if stack.id not in state.credentials and holds(stack.awarded_for, state):  # type: ignore[arg-type]
                state.credentials.add(stack.id)
                state.add_grants((g.skill, g.level) for g in stack.grants)
                earned.append(stack.id)
                changed = True
    return earned


def renewals(catalog: Catalog, profile: Profile, steps: Iterable[tuple[CredentialId, date]],
             today: date) -> list[tuple[CredentialId, date, str]]:
    """When each credential the learner holds (not yet expired on `today`) or earns on the pathway
    (`steps`: credential and the day it is earned) expires: (id, expiry, "held" | "pathway"), by date."""
    out: list[tuple[CredentialId, date, str]] = []
    for status in held_status(catalog, profile, today):
        if status.expires is not None and status.expires > today:
            out.append((status.id, status.expires, "held"))
    held = {h.id for h in profile.credentials}
    for cid, earned in steps:
        if cid in held:
            continue
        ends = expiry(catalog.credentials[cid], HeldCredential(cid, earned))
        if ends is not None:
            out.append((cid, ends, "pathway"))
    return sorted(out, key=lambda r: (r[1], r[0]))


def counting_in_progress(catalog: Catalog, profile: Profile) -> tuple[Profile, list[str]]:
    """The profile with its credentials in progress counted as earned, for planning what is left
    after them; and a note for each, to show."""
    held = {h.id for h in profile.credentials}
    doing = [cid for cid in profile.in_progress if cid not in held]
    notes = [f"planning as if {catalog.credential_name(cid)} ({cid}), in progress, were earned; "
             f"run `skillstack progress done {cid}` when it is" for cid in doing]
    if not doing:
        return profile, notes
    return replace(profile, credentials=profile.credentials + tuple(HeldCredential(c) for c in doing)), notes

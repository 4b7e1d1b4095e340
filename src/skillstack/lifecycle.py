"""Credential lifecycle: whether a credential can still be earned, and what replaces it.

A credential is `active`, `retiring` (earnable until its `retires` date) or
`retired` (no longer earnable). Any credential whose `retires` date has passed
counts as retired whatever its `status` says. Held credentials are not affected:
they keep counting until they expire (see holdings).
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from skillstack.catalog import Catalog
from skillstack.model import AllOf, AnyOf, Credential, CredentialId, CredentialReq, NOf, Requirement


def is_retired(cred: Credential, on: date) -> bool:
    """Whether it can no longer be earned on day `on`."""
    return cred.status == "retired" or (cred.retires is not None and cred.retires < on)


def successor(catalog: Catalog, cred: Credential, on: date) -> Credential | None:
    """The first credential down the `superseded_by` chain that is not retired on `on`, if any."""
    seen = {cred.id}
    current = cred
    while current.superseded_by is not None and current.superseded_by in catalog.credentials:
        nxt = catalog.credentials[current.superseded_by]
        if nxt.id in seen:
            return None
        if not is_retired(nxt, on):
            return nxt
        seen.add(nxt.id)
        current = nxt
    return None


def _take_instead(catalog: Catalog, cred: Credential, on: date) -> str:
    nxt = successor(catalog, cred, on)
    return f"; its successor is {nxt.name}" if nxt is not None else "; the issuer names no successor"


def unavailable_reason(catalog: Catalog, cred: Credential, start: date, hours_per_week: float) -> str:
    """Why the planner must not recommend it from `start` on, or ''.

    Retired, or retiring on a day before even a pathway that starts with it could
    finish it (its hours at `hours_per_week`).
    """
    if cred.status == "retired":
        return "retired by its issuer" + _take_instead(catalog, cred, start)
    if cred.retires is None:
        return ""
    if cred.retires < start:
        return f"retired on {cred.retires}" + _take_instead(catalog, cred, start)
    if cred.hours and hours_per_week > 0:
        days = max(math.ceil(cred.hours / hours_per_week * 7) - 1, 0)  # as the schedule dates a step
        if start + timedelta(days=days) > cred.retires:
            return (f"retires on {cred.retires}, before {cred.hours:g} h at {hours_per_week:g} h a week "
                    f"could finish it" + _take_instead(catalog, cred, start))
    return ""


def late_reason(catalog: Catalog, cred: Credential, end: date) -> str:
    """Why a step ending on `end` cannot take it (it retires before), or ''."""
    if cred.retires is not None and end > cred.retires:
        return (f"retires on {cred.retires}, before its step would end ({end})"
                + _take_instead(catalog, cred, cred.retires))
    return ""


def needs_one_of(req: Requirement, ids: set[str]) -> bool:
    """Whether every way of meeting `req` includes holding one of the credentials `ids`."""
    if isinstance(req, CredentialReq):
        return req.credential in ids
    if not isinstance(req, (AllOf, AnyOf, NOf)):
        return False
    needs = [needs_one_of(item, ids) for item in req.items]
    if isinstance(req, AllOf):
        return any(needs)
    if isinstance(req, AnyOf):
        return all(needs)
    return len(needs) - sum(needs) < req.n


def retired_ids(catalog: Catalog, on: date) -> set[CredentialId]:
    return {c.id for c in catalog.credentials if is_retired(c, on)}

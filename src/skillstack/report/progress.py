"""`progress`: what was recorded in the profile, as a line for people or as JSON."""

from __future__ import annotations

import json
from datetime import date

DONE = {"start": "started on {day}", "done": "earned on {day}", "drop": "dropped"}
"""What each action did, in the line for people."""


def as_text(action: str, credential: str, name: str, day: date, profile: str) -> str:
    """`Google Data Analytics (google-data-analytics): started on 2027-01-04; me.yaml updated`."""
    return f"{name} ({credential}): {DONE[action].format(day=day)}; {profile} updated\n"


def as_json(action: str, credential: str, name: str, day: date, profile: str) -> str:
    """The action, the credential's id, the day and the profile file."""
    return json.dumps({"schema_version": 1, "action": action, "credential": credential,
                       "date": day.isoformat(), "profile": profile}) + "\n"


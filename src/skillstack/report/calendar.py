"""A plan's schedule as an iCalendar file (RFC 5545): one all-day event a step, and one a
renewal (a held credential, or one the pathway earns, that expires), with alarms before it."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date, timedelta

from skillstack.catalog import Catalog
from skillstack.money import money
from skillstack.plan.service import Plan
from skillstack.safe_text import is_http_url, printable


def _escape(text: str) -> str:
    """A TEXT value (RFC 5545 section 3.3.11): backslash, semicolon and comma escaped, every line
    break (CR LF, LF or a bare CR) written as \\n, and other control characters, which TEXT
    does not allow, replaced."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return printable(text)


def _fold(line: str) -> str:
    out, data = [], line.encode("utf-8")
    while len(data) > 75:
        cut = 75
        while (data[cut] & 0xC0) == 0x80:
            cut -= 1
        out.append(data[:cut].decode())
        data = b" " + data[cut:]
    out.append(data.decode())
    return "\r\n".join(out)


ALARMS_DAYS = (90, 30)  # reminders before a credential expires: time to book a renewal exam or CE


def _renewal(cat: Catalog, cid: str, expires: date, origin: str, who: str, stamp: str) -> list[str]:
    cred = cat.credentials[cid]
    uid = hashlib.sha256(f"{who}|renew|{cid}|{expires}".encode()).hexdigest()[:24]
    how = f" Renewal: {cred.renewal}." if cred.renewal else ""
    why = "you hold it" if origin == "held" else "earned on this pathway"
    lines = ["BEGIN:VEVENT", f"UID:{uid}@skillstack", f"DTSTAMP:{stamp}",
             f"DTSTART;VALUE=DATE:{expires.strftime('%Y%m%d')}",
             f"DTEND;VALUE=DATE:{(expires + timedelta(days=1)).strftime('%Y%m%d')}",
             f"SUMMARY:{_escape(f'{cred.name} expires')}",
             f"DESCRIPTION:{_escape(f'{cred.name} ({why}) expires on {expires}.{how}')}"]
    if is_http_url(cred.url):
        lines.append(f"URL:{cred.url}")
    for days in ALARMS_DAYS:
        lines += ["BEGIN:VALARM", "ACTION:DISPLAY", f"TRIGGER:-P{days}D",
                  f"DESCRIPTION:{_escape(f'{cred.name} expires in {days} days ({expires})')}", "END:VALARM"]
    return [*lines, "END:VEVENT"]


def plan_ics(cat: Catalog, plan: Plan, who: str = "",
             renewals: Sequence[tuple[str, date, str]] = ()) -> str:
    """Reproducible: UIDs and DTSTAMP come from the plan, not the clock. `renewals` are
    (credential, expiry, "held" | "pathway"), as `holdings.renewals` gives them."""
    stamp = plan.start.strftime("%Y%m%dT000000Z")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//skillstack//pathway//EN", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_escape('skillstack pathway' + (f' for {who}' if who else ''))}"]
    for n, step in enumerate(plan.steps, 1):
        uid = hashlib.sha256(f"{who}|{n}|{step.credential}|{step.start}".encode()).hexdigest()[:24]
        summary = f"Step {n}: {cat.credential_name(step.credential)}"
        detail = f"{step.hours:g} hours, {money(step.cost)}."
        if step.closes:
            detail += f" Closes: {', '.join(step.closes)}."
        if step.stacks:
            detail += f" Earns: {', '.join(cat.credential_name(s) for s in step.stacks)}."
        cred = cat.credentials[step.credential]
        lines += ["BEGIN:VEVENT", f"UID:{uid}@skillstack", f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{step.start.strftime('%Y%m%d')}",
                  f"DTEND;VALUE=DATE:{(step.end + timedelta(days=1)).strftime('%Y%m%d')}",
                  f"SUMMARY:{_escape(summary)}", f"DESCRIPTION:{_escape(detail)}"]
        if is_http_url(cred.url):  # a URI value is not escaped: anything else (javascript:, a CR) stays out
            lines.append(f"URL:{cred.url}")
        lines.append("END:VEVENT")
    for cid, expires, origin in renewals:
        lines += _renewal(cat, cid, expires, origin, who, stamp)
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"

"""--ics holds renewal events with alarms, checked by an RFC 5545 parser (icalendar)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillstack.cli import app

icalendar = pytest.importorskip("icalendar")
runner = CliRunner()


def _events(path: Path) -> list:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return list(cal.walk("VEVENT"))


def test_renewals_for_held_and_pathway_credentials(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    profile = tmp_path / "me.yaml"
    profile.write_text("targets: [analyst]\ncredentials:\n  - {id: py-basics, earned: 2025-06-01}  # expires 2027-06-01\n")
    result = runner.invoke(app, ["plan", "--catalog", str(data / "catalogs" / "mini"), "-p", str(profile),
                                 "--today", "2026-11-22", "--start", "2026-12-01", "--ics", str(target)])
    assert result.exit_code == 0, result.stderr
    events = _events(target)
    steps = [e for e in events if str(e["SUMMARY"]).startswith("Step ")]
    renewals = [e for e in events if str(e["SUMMARY"]).endswith(" expires")]
    assert [str(e["SUMMARY"]) for e in steps] == ["Step 1: SQL Basics", "Step 2: Statistics with Python"]
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in renewals] == [
        ("Python Basics expires", date(2027, 6, 1))]
    alarms = list(renewals[0].walk("VALARM"))
    assert sorted(a.decoded("TRIGGER") for a in alarms) == [timedelta(days=-90), timedelta(days=-30)]
    assert all(str(a["ACTION"]) == "DISPLAY" for a in alarms)
    assert "you hold it" in str(renewals[0]["DESCRIPTION"])


def test_a_pathway_credential_that_expires_gets_its_renewal(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    result = runner.invoke(app, ["plan", "--catalog", str(data / "catalogs" / "mini"), "--role", "analyst",
                                 "--today", "2026-11-22", "--start", "2026-12-01", "--ics", str(target)])
    assert result.exit_code == 0
    renewals = [e for e in _events(target) if str(e["SUMMARY"]).endswith(" expires")]
    # py-basics (valid 2 years) is earned on 2026-12-07 on the pathway
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in renewals] == [
        ("Python Basics expires", date(2028, 12, 7))]
    assert "earned on this pathway" in str(renewals[0]["DESCRIPTION"])

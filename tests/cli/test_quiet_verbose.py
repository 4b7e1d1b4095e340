"""-q/--quiet and -v/--verbose on audit, report and validate: what each hides and shows."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from skillstack.cli import app

ROOT = Path(__file__).parents[2]
MINI = str(ROOT / "tests" / "data" / "catalogs" / "mini")
VETERAN = str(ROOT / "examples" / "profiles" / "veteran-to-cybersecurity.yaml")
runner = CliRunner()
AUDIT = ["audit", "--catalog", MINI, "--today", "2026-11-22", "--role", "analyst", "--role", "security-lead",
         "--have", "py3:2", "--holds", "security-entry@2026-01-01"]


def test_audit_quiet_is_one_line_per_role() -> None:
    full = runner.invoke(app, AUDIT)
    quiet = runner.invoke(app, [*AUDIT, "-q"])
    assert full.exit_code == quiet.exit_code == 0
    lines = quiet.stdout.splitlines()
    assert len(lines) == 2 and all(": readiness " in line for line in lines)
    assert lines[0] in full.stdout.splitlines()
    assert "status" in full.stdout and "status" not in quiet.stdout


def test_audit_quiet_with_all_roles_gives_the_plan() -> None:
    quiet = runner.invoke(app, ["audit", "--catalog", MINI, "--today", "2026-11-22", "--have", "sql:1",
                                "--all-roles", "-q"])
    assert quiet.exit_code == 0
    # one line per role: the plan's cost and hours, or that no pathway fits
    assert quiet.stdout.splitlines() == ["Data Analyst (analyst): readiness 0%, plan $230 and 60 h",
                                         "Security Lead (security-lead): readiness 0%, no pathway within the limits"]


def test_audit_verbose_lists_current_credentials_too() -> None:
    plain = runner.invoke(app, AUDIT)
    verbose = runner.invoke(app, [*AUDIT, "-v"])
    assert "Credentials held and current:" not in plain.stdout
    assert "Credentials held and current:" in verbose.stdout and "(security-entry)" in verbose.stdout


def test_audit_shows_pay_against_current_salary_with_sources() -> None:
    out = " ".join(runner.invoke(app, ["audit", "-p", VETERAN, "--today", "2026-11-22"]).stdout.split())
    assert "median pay $" in out and "BLS" in out and "you earn $52,000 now (USD, self-reported at intake)" in out


def test_report_quiet_and_verbose(tmp_path: Path) -> None:
    args = ["report", str(ROOT / "examples" / "profiles"), "--output", str(tmp_path / "r"), "--today",
            "2026-11-22", "--jobs", "1"]
    plain = runner.invoke(app, args)
    quiet = runner.invoke(app, [*args, "-q"])
    verbose = runner.invoke(app, [*args, "-v"])
    assert plain.exit_code == quiet.exit_code == verbose.exit_code == 0
    assert "report(s) to" in plain.stderr and quiet.stderr == ""
    written = [line for line in verbose.stderr.splitlines() if line.startswith("wrote ") and "report(s)" not in line]
    assert len(written) == len(list((ROOT / "examples" / "profiles").glob("*.yaml"))) + 1
    assert all(Path(line.split()[1]).is_file() for line in written)


def test_validate_quiet_and_verbose(tmp_path: Path) -> None:
    plain = runner.invoke(app, ["validate", MINI, "--today", "2026-11-22"])
    quiet = runner.invoke(app, ["validate", MINI, "--today", "2026-11-22", "-q"])
    verbose = runner.invoke(app, ["validate", MINI, "--today", "2026-11-22", "-v"])
    assert plain.exit_code == quiet.exit_code == verbose.exit_code
    summary = plain.stdout.splitlines()[-1]
    assert " in " in summary and summary not in quiet.stdout
    assert quiet.stdout.splitlines() == plain.stdout.splitlines()[:-1]
    assert verbose.stdout.startswith(plain.stdout) and "files checked (" in verbose.stdout

"""Benchmark: two installed skillstack versions, A/B, run alternately on one catalog.

Usage: python bench/bench_ab.py --base BASE --new NEW [--runs N] [--catalog SIZE-or-FOLDER] [--role ID]

    python bench/bench_ab.py --base /tmp/venv-base/bin/skillstack --new .venv/bin/skillstack \\
        --runs 5 --catalog /work/bench-out/large

BASE and NEW are the `skillstack` console scripts of two virtual environments (for a base:
`git worktree add /work/wt-base <sha> --detach`, a venv, `pip install -e /work/wt-base`).
On a shared machine absolute times swing by a third within minutes; only alternating runs
compare two versions. Each of the N rounds (default 5) runs both sides, base first in odd
rounds and new first in even ones (base, new, new, base, ...: a drift in the machine's load
falls on both), each side:

- validate   : `skillstack validate CATALOG`
- first plan : `skillstack plan --catalog CATALOG --role ROLE --format json` with
               SKILLSTACK_CACHE_DIR set to a new empty folder (the catalog is read, checked
               and cached)
- warm plan  : the same command again, same cache folder (served from the cache)
- cache      : the size of that cache folder after the warm plan, against the YAML's

CPU is user + system time of the command (os.wait4), RSS its peak; the table gives the
medians of the N runs, base and new side by side, and new/base. "first plan - validate" is the
median of each run's own difference (the cost of a first plan beyond checking the catalog).
The commands run with NO_COLOR=1 and bytecode written and read (PYTHONDONTWRITEBYTECODE is
dropped, as an installed package has its .pyc files; a first, unmeasured `--version` of each
side compiles them, and the catalog's files are read once to have them in the page cache);
SKILLSTACK_NO_CACHE is dropped. Every command must exit 0 or 1; the first
plan's output of the two sides is compared and the table says whether it is the same.

CATALOG is a generated size (bench/out/SIZE, generated if missing) or a catalog folder;
ROLE is its first role (the first `- id:` of the first file in its roles/ folder, as
bench_load.py's table takes it) unless --role names one. `uptime`'s load average is printed
beside the numbers.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench_load import ensure, first_role
from benchargs import Parser, positive
from gen_catalog import SIZES

SIDES = ("base", "new")


@dataclass(frozen=True)
class Run:
    cpu: float  # user + system seconds of the command
    rss: float  # its peak resident set, MB
    code: int
    digest: str  # of its stdout


@dataclass(frozen=True)
class Round:
    validate: Run
    first: Run
    warm: Run
    cache_mb: float


def measure(cmd: list[str], env: dict[str, str]) -> Run:
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        digest = hashlib.sha256(out.read()).hexdigest()
    if code not in (0, 1):
        raise SystemExit(f"bench_ab.py: `{' '.join(cmd)}` exited {code}")
    return Run(usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code, digest)


def one_round(script: str, catalog: Path, role: str, env: dict[str, str]) -> Round:
    with tempfile.TemporaryDirectory(prefix="skillstack-ab-") as tmp:
        validate_cache, plan_cache = Path(tmp, "validate"), Path(tmp, "plan")
        validate_cache.mkdir()
        plan_cache.mkdir()
        validate = measure([script, "validate", str(catalog)], {**env, "SKILLSTACK_CACHE_DIR": str(validate_cache)})
        plan = [script, "plan", "--catalog", str(catalog), "--role", role, "--format", "json"]
        plan_env = {**env, "SKILLSTACK_CACHE_DIR": str(plan_cache)}
        first = measure(plan, plan_env)
        warm = measure(plan, plan_env)
        cache_mb = sum(f.stat().st_size for f in plan_cache.rglob("*") if f.is_file()) / 1e6
    return Round(validate, first, warm, cache_mb)


def load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"


def table(rounds: dict[str, list[Round]], yaml_mb: float) -> list[tuple[str, list[float], str]]:
    """(row name, [base, new] medians, how a value is written)."""
    def of(pick: Callable[[Round], float]) -> list[float]:
        return [statistics.median(pick(r) for r in rounds[side]) for side in SIDES]

    return [
        ("validate, CPU s", of(lambda r: r.validate.cpu), "{:.2f}"),
        ("validate, peak MB", of(lambda r: r.validate.rss), "{:.0f}"),
        ("first plan, CPU s", of(lambda r: r.first.cpu), "{:.2f}"),
        ("first plan, peak MB", of(lambda r: r.first.rss), "{:.0f}"),
        ("first plan - validate, CPU s", of(lambda r: r.first.cpu - r.validate.cpu), "{:.2f}"),
        ("warm plan, CPU s", of(lambda r: r.warm.cpu), "{:.3f}"),
        ("warm plan, peak MB", of(lambda r: r.warm.rss), "{:.0f}"),
        ("cache, MB", of(lambda r: r.cache_mb), "{:.1f}"),
        ("cache / YAML", of(lambda r: r.cache_mb / yaml_mb), "{:.2f}x"),
    ]


def catalog_arg(text: str) -> str:
    if text not in SIZES and not Path(text).is_dir():
        raise argparse.ArgumentTypeError(f"{text!r} is neither a size ({', '.join(SIZES)}) nor a folder")
    return text


def script_arg(text: str) -> Path:
    found = shutil.which(text)
    if found is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not an executable file (a skillstack console script)")
    return Path(found).absolute()


def same(runs: dict[str, list[str]]) -> str:
    """What the outputs (digests) of each side's runs say: all the same, or how they differ."""
    if len(set(runs["base"]) | set(runs["new"])) == 1:
        return "the same in every run of both sides"
    return (f"DIFFERENT: {len(set(runs['base']))} distinct outputs from base, {len(set(runs['new']))} from new, "
            f"{len(set(runs['base']) & set(runs['new']))} in common")


def main(argv: list[str]) -> int:
    parser = Parser(description=__doc__)
    parser.add_argument("--base", required=True, type=script_arg, metavar="BASE",
                        help="the base version's skillstack console script")
    parser.add_argument("--new", required=True, type=script_arg, metavar="NEW",
                        help="the new version's skillstack console script")
    parser.add_argument("--runs", type=positive, default=5, metavar="N", help="rounds, base then new (default 5)")
    parser.add_argument("--catalog", default="large", type=catalog_arg, metavar="SIZE-or-FOLDER",
                        help="a generated size (bench/out/SIZE) or a catalog folder (default: large)")
    parser.add_argument("--role", metavar="ID", help="the role to plan (default: the catalog's first role)")
    args = parser.parse_args(argv)
    scripts: dict[str, Path] = {"base": args.base, "new": args.new}
    catalog = (ensure(args.catalog) if args.catalog in SIZES else Path(args.catalog)).resolve()
    if args.role:
        role = args.role
    elif list(catalog.glob("roles/*.yaml")):
        role = first_role(catalog)
    else:
        parser.error(f"--catalog {args.catalog}: no roles/*.yaml to take a role from; name one with --role")
    yaml_files = sorted(catalog.rglob("*.yaml"))
    yaml_mb = sum(f.stat().st_size for f in yaml_files) / 1e6

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "SKILLSTACK_NO_CACHE")}
    env["NO_COLOR"] = "1"
    print(f"catalog {catalog}: {yaml_mb:.1f} MB of YAML in {len(yaml_files):,} files; role {role}")
    for side, script in scripts.items():
        version = subprocess.run([str(script), "--version"], env=env, capture_output=True, text=True, check=False)
        print(f"{side + ':':<6}{script} ({version.stdout.strip() or 'no --version: ' + version.stderr.strip()[:80]})")
    print(f"{args.runs} rounds, base first in odd rounds, new first in even ones; each: validate, first plan (empty cache), warm plan; "
          f"CPU = user + system of the command, MB = its peak RSS   (load {load()})", flush=True)

    for file in yaml_files:
        file.read_bytes()
    rounds: dict[str, list[Round]] = {side: [] for side in SIDES}
    for n in range(1, args.runs + 1):
        for side in SIDES if n % 2 else SIDES[::-1]:
            got = one_round(str(scripts[side]), catalog, role, env)
            rounds[side].append(got)
            print(f"  {n} {side:<4}  validate {got.validate.cpu:6.2f} s {got.validate.rss:5.0f} MB"
                  f"   first plan {got.first.cpu:6.2f} s {got.first.rss:5.0f} MB"
                  f"   warm plan {got.warm.cpu:6.3f} s {got.warm.rss:4.0f} MB   cache {got.cache_mb:6.1f} MB"
                  f"   exit {got.validate.code}/{got.first.code}/{got.warm.code}", flush=True)

    print()
    print(f"medians of {args.runs} runs (load {load()})")
    print(f"  {'':<30}{'base':>10}{'new':>10}{'new/base':>10}")
    for name, (base, new), shape in table(rounds, yaml_mb):
        ratio = f"{new / base:.2f}" if base else "-"
        print(f"  {name:<30}{shape.format(base):>10}{shape.format(new):>10}{ratio:>10}")
    print("validate's output:", same({side: [r.validate.digest for r in rounds[side]] for side in SIDES}))
    print("plan's output (first and warm):",
          same({side: [d for r in rounds[side] for d in (r.first.digest, r.warm.digest)] for side in SIDES}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Cohort report benchmark: 1,000 generated profiles against the shipped catalog.

    python bench/bench_report.py [N] [--jobs J]

Writes N seeded random profiles (a random target role, 0-5 held skills, a budget
or none, 5-20 hours a week) to bench/out/cohort-N/, then times
`skillstack report bench/out/cohort-N --format html` end to end (cache warm),
and prints total wall time and time per learner. Goal: 1,000 learners in under
60 s on 2 cores.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml
from benchargs import Parser, natural, positive

from skillstack.catalog import build_catalog
from skillstack.loader import load_raw, shipped_catalog

OUT = Path(__file__).parent / "out"


def write_profiles(n: int, folder: Path) -> None:
    cat = build_catalog(load_raw([shipped_catalog()]))
    roles = sorted(r.id for r in cat.roles)
    skills = sorted(s.id for s in cat.skills)
    rng = random.Random(20261122)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for i in range(n):
        doc = {
            "name": f"Learner {i:04d}",
            "skills": {s: rng.randint(1, 3) for s in rng.sample(skills, rng.randint(0, 5))},
            "targets": [rng.choice(roles)],
            "constraints": {"start": "2026-12-01", "hours_per_week": rng.randint(5, 20),
                            **({"budget": rng.choice([500, 1000, 1500, 3000])} if rng.random() < 0.7 else {})},
        }
        (folder / f"learner-{i:04d}.yaml").write_text(yaml.safe_dump(doc, sort_keys=False))


def main() -> None:
    parser = Parser(description=__doc__)
    parser.add_argument("n", type=positive, nargs="?", default=1000, metavar="N", help="profiles (default 1000)")
    parser.add_argument("--jobs", type=natural, default=0, metavar="J",
                        help="report's --jobs (default 0: report's own, one per core)")
    args = parser.parse_args()
    folder = OUT / f"cohort-{args.n}"
    write_profiles(args.n, folder)
    reports = OUT / f"reports-{args.n}"
    shutil.rmtree(reports, ignore_errors=True)
    exe = Path(sys.executable).with_name("skillstack")
    cmd = [str(exe), "report", str(folder), "--format", "html", "--output", str(reports), "--today", "2026-11-22"]
    if args.jobs:
        cmd += ["--jobs", str(args.jobs)]
    subprocess.run([str(exe), "search", "sql", "--format", "json"], check=True, capture_output=True)  # warm cache
    start = time.perf_counter()
    run = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"report failed ({run.returncode}): {run.stderr}")
    files = len(list(reports.iterdir()))
    print(f"learners        {args.n}")
    print(f"files written   {files}")
    print(f"wall time       {wall:.1f} s  (jobs: {args.jobs or 'one per core'})")
    print(f"per learner     {wall / args.n * 1000:.0f} ms")
    print(run.stderr.strip().splitlines()[-1])


if __name__ == "__main__":
    main()

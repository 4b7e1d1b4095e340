"""Benchmark: CTDL import of 50,000 generated records, and Open Badges verification throughput.

Usage: python bench/bench_import.py [--records N] [--badges N]

- ctdl: N (default 50,000) generated CTDL records in 500 `@graph` bundle files under
  bench/out/ctdl-N (made once): certifications, certificates, badges, courses and programs with
  costs (alternatives and aggregates), exact, range and calendar durations, requirements on other
  records, stacks (hasPart) and occupations. Timed end to end through the installed console
  script (`skillstack import ctdl bench/out/ctdl-N --output DIR`: read JSON, map, write YAML),
  then `skillstack validate DIR` of the result for its error count. Target: under 30 s.
- badges: the credentials of tests/data/imports/openbadges (1EdTech's test files: Data Integrity
  eddsa-rdfc-2022 / eddsa-2022 / Ed25519Signature2020 proofs by RDF canonicalisation, VC-JWT in
  baked PNG and SVG, OB 2.0 JWS and hosted assertions) checked in a loop until N (default 500)
  credentials are done, in-process (`check_file`), after one warm-up pass. Target: over 50 a second.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchargs import Parser, positive

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
TYPES = ["Certification", "Certificate", "DigitalBadge", "Course", "LearningProgram", "BachelorDegree", "License"]


def ctid(n: int) -> str:
    return f"ce-{n:08x}-0000-4000-8000-{n:012x}"


def record(n: int, total: int, rng: random.Random) -> dict[str, object]:
    kind = TYPES[n % len(TYPES)]
    node: dict[str, object] = {
        "@id": f"https://credentialengineregistry.org/resources/{ctid(n)}", "@type": f"ceterms:{kind}",
        "ceterms:ctid": ctid(n), "ceterms:name": {"en-US": f"Generated credential {n}"},
        "ceterms:description": {"en-US": f"A generated {kind} for the import benchmark."},
        "ceterms:subjectWebpage": f"https://example.org/credential/{n}",
        "ceterms:ownedBy": ["_:org"],
    }
    tuition = {"@type": "ceterms:CostProfile", "ceterms:price": rng.randint(50, 5000),
               "ceterms:currency": rng.choice(["USD", "US Dollar"]),
               "ceterms:directCostType": {"ceterms:targetNode": "costType:Tuition"}}
    costs = [tuition, {**tuition, "ceterms:price": rng.randint(5000, 9000)},
             {"@type": "ceterms:CostProfile", "ceterms:price": 100, "ceterms:currency": "USD",
              "ceterms:directCostType": {"ceterms:targetNode": "costType:Application"}}]
    node["ceterms:estimatedCost"] = costs[: rng.randint(1, 3)]
    node["ceterms:estimatedDuration"] = [rng.choice([
        {"ceterms:exactDuration": f"PT{rng.randint(2, 300)}H"},
        {"ceterms:minimumDuration": "PT10H", "ceterms:maximumDuration": f"PT{rng.randint(11, 80)}H"},
        {"ceterms:exactDuration": "P9M"}])]
    if n > 10 and rng.random() < 0.4:
        target = rng.randrange(0, n)
        node["ceterms:requires"] = [{"@type": "ceterms:ConditionProfile",
                                     "ceterms:description": {"en-US": "Hold the earlier credential first."},
                                     "ceterms:targetCredential": [(f"https://credentialengineregistry.org/resources/"
                                                                  f"{ctid(target).upper().replace('CE-', 'ce-')}")]}]
    if kind == "LearningProgram" and n > 20:
        node["ceterms:hasPart"] = [f"https://credentialengineregistry.org/resources/{ctid(n - k)}" for k in (1, 2)]
    node["ceterms:occupationType"] = [{"ceterms:codedNotation": "15-1212.00",
                                       "ceterms:targetNodeName": {"en-US": "Information Security Analysts"}}]
    return node


def generate(total: int) -> Path:
    folder = OUT / f"ctdl-{total}"
    if folder.is_dir() and len(list(folder.glob("*.json"))) == 500:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = random.Random(14)
    per = total // 500
    org = {"@id": "_:org", "@type": "ceterms:CredentialOrganization", "ceterms:name": {"en-US": "Example Org"}}
    for f in range(500):
        nodes = [record(f * per + i, total, rng) for i in range(per)]
        doc = {"@context": "https://credreg.net/ctdl/schema/context/json", "@graph": [*nodes, org]}
        (folder / f"bundle-{f:03d}.json").write_text(json.dumps(doc), encoding="utf-8")
    return folder


def bench_ctdl(total: int) -> None:
    folder = generate(total)
    exe = shutil.which("skillstack") or sys.executable
    base = [exe] if exe.endswith("skillstack") else [exe, "-m", "skillstack"]
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        done = subprocess.run([*base, "import", "ctdl", str(folder), "--output", out, "--format", "json",
                               "--catalog", str(ROOT / "catalog")], capture_output=True, text=True, check=False)
        took = time.perf_counter() - t0
        if done.returncode != 0:
            sys.exit(f"import failed: {done.stderr[-500:]}")
        report = json.loads(done.stdout)
        print(f"ctdl import: {report['credentials']:,} records in {took:.1f} s "
              f"({report['credentials'] / took:,.0f}/s; {len(report['written'])} files; "
              f"{len(report['notices']):,} notices) - target < 30 s: {'OK' if took < 30 else 'MISSED'}")
        t0 = time.perf_counter()
        check = subprocess.run([*base, "validate", out, "--format", "json"], capture_output=True, text=True,
                               check=False)
        summary = json.loads(check.stdout)["summary"]
        print(f"  validate of the result: {summary['errors']} errors, {summary['warnings']:,} warnings "
              f"({time.perf_counter() - t0:.1f} s)")


def bench_badges(count: int) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "importers"))
    from test_badges import FILES, fetch  # the test suite's offline resolver for the shared files

    from skillstack.importers.badges import check_file

    now = datetime(2026, 12, 1, tzinfo=UTC)
    items = [(str(p.relative_to(FILES)), p.read_bytes()) for p in sorted(FILES.rglob("*")) if p.is_file()]
    credentials = [(name, data) for name, data in items
                   if check_file(name, data, fetch, now).verdict not in ("supporting", "unreadable")]
    done = 0
    t0 = time.perf_counter()
    verdicts: dict[str, int] = {}
    while done < count:
        for name, data in credentials:
            verdict = check_file(name, data, fetch, now).verdict
            verdicts[verdict] = verdicts.get(verdict, 0) + 1
            done += 1
    took = time.perf_counter() - t0
    rate = done / took
    print(f"badge verification: {done} credentials in {took:.2f} s = {rate:.0f}/s "
          f"({len(credentials)} distinct; {', '.join(f'{k} {v}' for k, v in sorted(verdicts.items()))}) "
          f"- target > 50/s: {'OK' if rate > 50 else 'MISSED'}")


def main() -> None:
    parser = Parser(description=__doc__)
    parser.add_argument("--records", type=positive, default=50_000, metavar="N",
                        help="CTDL records to generate and import (default 50,000)")
    parser.add_argument("--badges", type=positive, default=500, metavar="N",
                        help="badge credentials to check (default 500)")
    args = parser.parse_args()
    bench_ctdl(args.records)
    bench_badges(args.badges)


if __name__ == "__main__":
    main()

"""Benchmark: the warm path (issue 15) -- a `plan` served from the catalog cache.

Usage: python bench/bench_warm.py [--runs N] [SIZE ...]      (default: large xlarge; N = 7)

For each size (generated into bench/out/SIZE by gen_catalog.py if missing):

- warm plan : `skillstack plan --catalog bench/out/SIZE --role R --format json` with the
              cache directory bench/out/warm-cache, once to fill the cache (a cold plan when
              the cache is missing or of another format), then N times: medians of wall time,
              CPU (user + system of the command) and peak RSS
- floor     : `python -c "from skillstack.plan.highs import solver; solver()"` (the solver
              as `plan` loads it: HiGHS's compiled module without numpy, and the planner's model
              module it imports) and, for comparison, `python -c "import highspy"` (highspy's
              package, numpy and all), same runs
- cache     : the cache file's size against the YAML's, and the CPU to pack and write it
              (median of 3, in this process)

The commands run with bytecode written and read (`PYTHONDONTWRITEBYTECODE` is dropped for
them, and a first run compiles): an installed package has its `.pyc` files, so this is
what a user's command costs. `uptime`'s load average is printed beside the numbers.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_load import HERE, OUT, console_script, ensure, first_role, run_measured
from benchargs import Parser, positive, size_name


def cache_write(folder: Path) -> tuple[float, float]:
    """(median CPU seconds of 3 packs + writes of the cache file, its MB)."""
    from skillstack import cache
    from skillstack.loader import catalog_files, iter_file_bytes

    files = catalog_files([folder])
    loaded = cache._build(list(iter_file_bytes(files)))
    resolved = [str(f.resolve()) for f in files]
    times, size = [], 0.0
    with tempfile.TemporaryDirectory(prefix="skillstack-bench-") as tmp:
        target = Path(tmp) / f"catalog-bench{cache.SUFFIX}"
        for _ in range(3):
            t0 = time.process_time()
            if hasattr(cache, "_write_with"):  # written as it is packed, as a first load does
                cache._write_with(target, lambda out: cache.pack_catalog(loaded, resolved, out))
            else:
                cache._write(target, lambda: cache.pack_catalog(loaded, resolved))
            times.append(time.process_time() - t0)
            size = target.stat().st_size / 1e6
    return statistics.median(times), size


def load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"


def main(argv: list[str]) -> int:
    parser = Parser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=size_name, metavar="SIZE",
                        help="catalog sizes (default: large xlarge)")
    parser.add_argument("--runs", type=positive, default=7, metavar="N", help="warm runs of each size (default 7)")
    args = parser.parse_args(argv)
    runs, sizes = args.runs, args.sizes or ["large", "xlarge"]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "SKILLSTACK_NO_CACHE")}
    env["NO_COLOR"] = "1"
    script = console_script()
    for code in ("from skillstack.plan.highs import solver; solver()", "import highspy"):
        floor = [run_measured([sys.executable, "-c", code], env) for _ in range(runs)]
        print(f"floor: python -c '{code}': {statistics.median(f[1] for f in floor):.3f} s CPU, "
              f"{statistics.median(f[2] for f in floor):.0f} MB   (load {load()})")
    # every command runs before the in-process cache writes: a child forked from a big parent
    # counts the parent's pages in its peak RSS
    rows = []
    for size in sizes:
        folder = ensure(size)
        rel = str(folder.relative_to(HERE.parent))
        yaml_mb = sum(f.stat().st_size for f in folder.rglob("*.yaml")) / 1e6
        cmd = [script, "plan", "--catalog", rel, "--role", first_role(folder), "--format", "json"]
        run_env = {**env, "SKILLSTACK_CACHE_DIR": str(OUT / "warm-cache")}
        first = run_measured(cmd, run_env)
        if first[3] not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} exited {first[3]}")
        warm = [run_measured(cmd, run_env) for _ in range(runs)]
        rows.append((size, folder, yaml_mb, warm, load()))
    print(f"{'size':<8}{'YAML MB':>9}{'wall s':>8}{'CPU s':>8}{'RSS MB':>8}{'cache MB':>10}{'x YAML':>8}"
          f"{'write s':>9}   load average (1, 5, 15 min) after the warm runs")
    for size, folder, yaml_mb, warm, during in rows:
        write_s, cache_mb = cache_write(folder)
        print(f"{size:<8}{yaml_mb:>9.1f}{statistics.median(w[0] for w in warm):>8.3f}"
              f"{statistics.median(w[1] for w in warm):>8.3f}{statistics.median(w[2] for w in warm):>8.0f}"
              f"{cache_mb:>10.1f}{cache_mb / yaml_mb:>8.2f}{write_s:>9.2f}   {during}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Benchmark: reading and validating generated catalogs, and CLI start-up.

Usage: python bench/bench_load.py [SIZE ...]      (default: small medium large)
       python bench/bench_load.py --table [--runs N] [SIZE ...]   (default: large; issue 15's table)

For each size (generated into bench/out/SIZE by gen_catalog.py if missing):

- bare      : yaml.load(f, Loader=yaml.CSafeLoader) of every file (the floor:
              libyaml parsing + PyYAML constructing plain dicts)
- load_raw  : skillstack.loader.load_raw([dir]) (parse with positions + schema)
- validate  : skillstack.validate.service.validate_paths([dir]) (load_raw +
              build_catalog + every rule), with its error/warning counts
- graph     : SkillGraph(catalog) construction, catalog from build_catalog(load_raw)
- cycles    : SkillGraph.prerequisite_cycles() alone, on that graph

Times are the median of several runs for small/medium and one run for large
(its bare YAML load alone takes tens of seconds). Then: `skillstack --help`
warm start (median of 10 runs of the installed console script) and the top
costs of `python -X importtime -c "import skillstack.cli"`.
"""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml
from benchargs import Parser, positive, size_name

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
RUNS = {"small": 5, "medium": 3, "large": 1}


def ensure(size: str) -> Path:
    folder = OUT / size
    if not (folder / "catalog.yaml").is_file():
        print(f"generating {folder} ...", flush=True)
        subprocess.run([sys.executable, str(HERE / "gen_catalog.py"), size, str(folder)], check=True)
    return folder


def timed(fn, runs: int):  # type: ignore[no-untyped-def]
    """(median seconds, last result) over `runs` calls."""
    times = []
    result = None
    for _ in range(runs):
        result = None
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def bare_load(folder: Path) -> int:
    n = 0
    for file in sorted(folder.rglob("*.yaml")):
        with open(file, "rb") as f:
            yaml.load(f, Loader=yaml.CSafeLoader)
        n += 1
    return n


def bench_size(size: str) -> dict[str, object]:
    from skillstack.catalog import build_catalog
    from skillstack.graph import SkillGraph
    from skillstack.loader import load_raw
    from skillstack.validate.service import validate_paths

    folder = ensure(size)
    runs = RUNS.get(size, 1)
    row: dict[str, object] = {"size": size, "runs": runs}
    row["mb"] = sum(f.stat().st_size for f in folder.rglob("*.yaml")) / 1e6
    row["bare"], row["files"] = timed(lambda: bare_load(folder), runs)
    print(f"  {size}: bare {row['bare']:.2f} s", flush=True)
    row["load_raw"], raw = timed(lambda: load_raw([folder]), runs)
    print(f"  {size}: load_raw {row['load_raw']:.2f} s", flush=True)
    row["counts"] = (len(raw.credentials), len(raw.skills), len(raw.roles))
    catalog = build_catalog(raw)
    del raw
    row["graph"], skill_graph = timed(lambda: SkillGraph(catalog), runs)
    row["cycles"], cycles = timed(skill_graph.prerequisite_cycles, runs)
    row["n_cycles"] = len(cycles)
    skill_graph = catalog = None
    print(f"  {size}: graph {row['graph']:.2f} s, cycles {row['cycles']:.3f} s", flush=True)
    row["validate"], result = timed(lambda: validate_paths([folder]), runs)
    row["errors"], row["warnings"] = result.errors, result.warnings
    print(f"  {size}: validate {row['validate']:.2f} s", flush=True)
    del result
    gc.collect()
    return row


def console_script() -> str:
    script = Path(sys.executable).parent / "skillstack"
    return str(script) if script.exists() else "skillstack"


def help_start(runs: int = 10) -> tuple[float, float, float]:
    cmd = [console_script(), "--help"]
    env = {**os.environ, "NO_COLOR": "1"}
    subprocess.run(cmd, capture_output=True, check=True, env=env)  # warm the OS file cache and .pyc files
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True, env=env)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times), max(times)


def python_start(runs: int = 10) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def import_costs(top: int = 12) -> tuple[int, list[tuple[int, int, str]]]:
    """(total cumulative us of skillstack.cli, [(self us, cumulative us, module)])."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", "import skillstack.cli"],
                          capture_output=True, text=True, check=True)
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cum_us, name = line[len("import time:"):].split("|")
        rows.append((int(self_us), int(cum_us), name.rstrip()))
    total = next((cum for _, cum, name in rows if name.strip() == "skillstack.cli"), 0)
    return total, rows


# ---- issue 15's side-by-side table: the commands as a user runs them ------------------------


def first_role(folder: Path) -> str:
    for line in min((folder / "roles").glob("*.yaml")).read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("- id:"):
            return line.split(":", 1)[1].strip()
    raise SystemExit(f"no role in {folder}")


# Linux counts the RSS a process had when it forked into its child's peak (`ru_maxrss` survives
# exec), so a command started from this process, which has just loaded a catalog, would report
# this process's size. A small launcher (a fresh interpreter) forks the command and reports it.
_LAUNCHER = """
import os, sys, time
report = os.dup(1)
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - t0
os.write(report, f"{wall} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}".encode())
"""


def run_measured(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float, int]:
    """(wall s, CPU s of the command, peak RSS MB of the command, exit code)."""
    proc = subprocess.run([sys.executable, "-c", _LAUNCHER, *cmd], cwd=HERE.parent, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True)
    wall, cpu, rss, code = proc.stdout.split()
    return float(wall), float(cpu), int(rss) / 1024, int(code)


def bare_cpu(folder: Path) -> float:
    """CPU seconds of yaml.load(CSafeLoader) of every file, the garbage collector off."""
    gc.disable()
    try:
        t0 = time.process_time()
        for file in sorted(folder.rglob("*.yaml")):
            with open(file, "rb") as f:
                yaml.load(f, Loader=yaml.CSafeLoader)
        return time.process_time() - t0
    finally:
        gc.enable()


def cache_write(folder: Path) -> tuple[float, float]:
    """(CPU seconds to pack and write the cache file, its MB), in this process."""
    import tempfile

    from skillstack.loader import catalog_files, iter_file_bytes

    try:
        from skillstack import cache
    except ImportError:  # skillstack before the data cache (module `store`, a pickle): for "before" numbers
        from skillstack import store as cache  # type: ignore[no-redef]
    files = catalog_files([folder])
    loaded = cache._build(list(iter_file_bytes(files)))
    resolved = [str(f.resolve()) for f in files]
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "catalog-bench.skc"
        t0 = time.process_time()
        if hasattr(cache, "_write_with"):  # written as it is packed, as a first load does
            cache._write_with(target, lambda out: cache.pack_catalog(loaded, resolved, out))
        elif hasattr(cache, "pack_catalog"):
            cache._write(target, lambda: cache.pack_catalog(loaded, resolved))
        else:
            import pickle

            cache._write(target, pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL))
        took = time.process_time() - t0
        return took, target.stat().st_size / 1e6


def fast_floor(folder: Path) -> float:
    """CPU seconds of rapidyaml parse -> emit JSON -> msgspec decode of every file (no
    locations, no schema), the garbage collector off: what reading can cost at best."""
    import msgspec
    import ryml

    gc.disable()
    try:
        t0 = time.process_time()
        for file in sorted(folder.rglob("*.yaml")):
            msgspec.json.decode(ryml.emit_json(ryml.parse_in_arena(file.read_bytes())))
        return time.process_time() - t0
    finally:
        gc.enable()


def import_floor(runs: int) -> float:
    """CPU seconds of a process that only imports the solver (highspy, numpy): a warm plan's floor."""
    return statistics.median(run_measured([sys.executable, "-c", "import highspy"], dict(os.environ))[1]
                             for _ in range(runs))


def issue_table(sizes: list[str], runs: int) -> None:
    """Issue 15's table (path | now | floor), every number measured in this run."""
    import tempfile

    script = console_script()
    base_env = {**os.environ, "NO_COLOR": "1"}
    base_env.pop("SKILLSTACK_NO_CACHE", None)
    # an installed package has its bytecode: without it every command recompiles skillstack
    # (0.05-0.1 s of CPU, a third of a warm plan), which is not what a user's command costs
    base_env.pop("PYTHONDONTWRITEBYTECODE", None)
    print(f"issue 15 table: medians of {runs} runs (warm plan: {2 * runs + 1}); CPU = user + system of the command")
    solver = import_floor(runs)
    for size in sizes:
        folder = ensure(size)
        rel = str(folder.relative_to(HERE.parent))
        mb = sum(f.stat().st_size for f in folder.rglob("*.yaml")) / 1e6
        role = first_role(folder)
        rows: list[tuple[str, str, str]] = []
        bare = statistics.median(bare_cpu(folder) for _ in range(runs))
        floor = statistics.median(fast_floor(folder) for _ in range(runs))
        val = [run_measured([script, "validate", rel], base_env) for _ in range(runs)]
        val_cpu = statistics.median(v[1] for v in val)
        rows.append(("validate", (f"{val_cpu:.2f} s CPU, {statistics.median(v[2] for v in val):.0f} MB "
                                  f"({val_cpu / bare:.2f}x bare)"),
                     f"bare yaml.load(CSafeLoader), GC off {bare:.2f} s; rapidyaml -> JSON -> msgspec {floor:.2f} s"))
        plan = [script, "plan", "--catalog", rel, "--role", role, "--format", "json"]
        cold, warm = [], []
        for _ in range(runs):
            with tempfile.TemporaryDirectory(prefix="skillstack-bench-") as tmp:
                env = {**base_env, "SKILLSTACK_CACHE_DIR": tmp}
                cold.append(run_measured(plan, env))
                if len(warm) < 2 * runs + 1:
                    warm.extend(run_measured(plan, env) for _ in range(2 * runs + 1))
        rows.append(("first plan (cold cache)", (f"{statistics.median(c[0] for c in cold):.2f} s, "
                     f"{statistics.median(c[1] for c in cold):.2f} s CPU, {statistics.median(c[2] for c in cold):.0f} MB"),
                     f"validate + about 0.5 s: {val_cpu + 0.5:.2f} s CPU"))
        rows.append(("warm plan", (f"{statistics.median(w[0] for w in warm):.3f} s, "
                     f"{statistics.median(w[1] for w in warm):.3f} s CPU, {statistics.median(w[2] for w in warm):.0f} MB"),
                     f"python -c 'import highspy': {solver:.3f} s CPU"))
        writes = [cache_write(folder) for _ in range(runs)]
        rows.append(("cache", (f"{writes[0][1]:.1f} MB ({writes[0][1] / mb:.2f}x the YAML), written in "
                               f"{statistics.median(w[0] for w in writes):.2f} s CPU"), f"the YAML: {mb:.1f} MB"))
        print()
        print(f"{size}: {rel}, {mb:.1f} MB of YAML, role {role}")
        print(f"  commands: skillstack validate {rel}; SKILLSTACK_CACHE_DIR=<empty> {' '.join(plan[1:])} "
              "(first plan), then again (warm plan); cache: pack + write in process")
        head = ("path", "now", "floor measured here")
        width = max(len(r[0]) for r in [*rows, head]) + 2
        print(f"  {head[0]:<{width}}| {head[1]:<48}| {head[2]}")
        for name, value, floor_text in rows:
            print(f"  {name:<{width}}| {value:<48}| {floor_text}")


def main(argv: list[str]) -> int:
    parser = Parser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=size_name, metavar="SIZE",
                        help="catalog sizes (default: small medium large; with --table: large)")
    parser.add_argument("--table", action="store_true", help="issue 15's table: the commands as a user runs them")
    parser.add_argument("--runs", type=positive, metavar="N", help="with --table: runs of each measurement (default 3)")
    args = parser.parse_args(argv)
    if args.table:
        issue_table(args.sizes or ["large"], args.runs or 3)
        return 0
    if args.runs is not None:
        parser.error("--runs goes with --table")
    sizes = args.sizes or ["small", "medium", "large"]
    print(f"python {sys.version.split()[0]}, PyYAML {yaml.__version__} (libyaml: {yaml.__with_libyaml__})")
    rows = []
    for size in sizes:
        print(f"benchmarking {size} ...", flush=True)
        rows.append(bench_size(size))

    print()
    print("Catalog load and validate (seconds; median of `runs`)")
    head = (f"{'size':<7}{'creds/skills/roles':>22}{'files':>6}{'MB':>6}{'runs':>5}{'bare':>8}{'load_raw':>9}"
            f"{'validate':>9}{'val/bare':>9}{'graph':>7}{'cycles':>8}{'errors':>7}{'warns':>6}")
    print(head)
    print("-" * len(head))
    for r in rows:
        counts = "/".join(f"{n:,}" for n in r["counts"])  # type: ignore[attr-defined]
        print(f"{r['size']:<7}{counts:>22}{r['files']:>6}{r['mb']:>6.1f}{r['runs']:>5}{r['bare']:>8.2f}"
              f"{r['load_raw']:>9.2f}{r['validate']:>9.2f}{r['validate'] / r['bare']:>8.1f}x"  # type: ignore[operator]
              f"{r['graph']:>7.2f}{r['cycles']:>8.3f}{r['errors']:>7}{r['warnings']:>6}")
    print("(cycles found:", ", ".join(f"{r['size']} {r['n_cycles']}" for r in rows) + ")")

    print()
    median, lo, hi = help_start()
    bare_python = python_start()
    print(f"`skillstack --help` warm start: median {median * 1000:.0f} ms over 10 runs "
          f"(min {lo * 1000:.0f}, max {hi * 1000:.0f}); bare `python -c pass`: {bare_python * 1000:.0f} ms")

    total, imports = import_costs()
    print()
    print(f"`python -X importtime -c 'import skillstack.cli'`: skillstack.cli cumulative {total / 1000:.1f} ms")
    print("by package (sum of self time of its modules):")
    by_package: dict[str, int] = {}
    for self_us, _, name in imports:
        root = name.strip().split(".")[0]
        by_package[root] = by_package.get(root, 0) + self_us
    for root, us in sorted(by_package.items(), key=lambda kv: -kv[1])[:10]:
        print(f"  {us / 1000:8.1f} ms  {root}")
    print("top modules by cumulative time (excluding skillstack.cli itself):")
    for _, cum_us, name in sorted((r for r in imports if r[2].strip() != "skillstack.cli"), key=lambda r: -r[1])[:10]:
        print(f"  {cum_us / 1000:8.1f} ms  {name.strip()}")
    print("top modules by self time:")
    for self_us, _, name in sorted(imports, key=lambda r: -r[0])[:8]:
        print(f"  {self_us / 1000:8.1f} ms  {name.strip()}")
    heavy = [name.strip() for _, _, name in imports
             if name.strip().split(".")[0] in ("networkx", "highspy", "jinja2", "rapidfuzz", "rich", "yaml")
             and "." not in name.strip()]
    print("heavy packages imported by `import skillstack.cli`:", ", ".join(sorted(set(heavy))) or "none")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

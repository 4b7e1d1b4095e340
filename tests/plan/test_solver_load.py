"""HiGHS is loaded without numpy: highspy's package imports numpy (a tenth of a second or more
at every command) for nothing the planner uses, so the adapter loads the compiled solver alone.
A process that imported highspy first plans through it, with the same answers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# run as the console script runs (`from skillstack.cli import main; main()`), optionally after
# `import highspy` or with highspy's compiled module not found where it is today (a future
# layout); at exit, say whether numpy was imported
PROBE = ("import atexit, sys\n"
         "atexit.register(lambda: print('numpy imported:', 'numpy' in sys.modules, file=sys.stderr))\n"
         "if sys.argv[1] == 'with-highspy':\n"
         "    import highspy\n"
         "if sys.argv[1] == 'no-core':\n"
         "    from importlib.machinery import PathFinder\n"
         "    find = PathFinder.find_spec\n"
         "    PathFinder.find_spec = lambda name, path=None, target=None: (\n"
         "        None if name == '_core' else find(name, path, target))\n"
         "sys.argv = ['skillstack', *sys.argv[2:]]\n"
         "from skillstack.cli import main\n"
         "main()\n")

PLAN = ["plan", "--role", "data-analyst", "--today", "2026-12-02", "--format", "json"]


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "SKILLSTACK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("SKILLSTACK_CATALOG", None)
    return subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env,
                          timeout=120, check=False, stdin=subprocess.DEVNULL)


def test_a_warm_plan_does_not_import_numpy(tmp_path: Path) -> None:
    cold = _run(tmp_path, "alone", *PLAN)
    assert cold.returncode == 0, cold.stderr
    assert any((tmp_path / "cache").iterdir())  # the next run is served from the cache
    warm = _run(tmp_path, "alone", *PLAN)
    assert warm.returncode == 0, warm.stderr
    assert warm.stderr.splitlines()[-1] == "numpy imported: False"
    plan = json.loads(warm.stdout)
    assert plan["feasible"] and plan["steps"]
    assert plan == json.loads(cold.stdout)
    # through highspy's own package (numpy and all), imported first or as the fallback: the same plan
    for how in ("with-highspy", "no-core"):
        through_package = _run(tmp_path, how, *PLAN)
        assert through_package.returncode == 0, through_package.stderr
        assert through_package.stderr.splitlines()[-1] == "numpy imported: True"
        assert json.loads(through_package.stdout) == plan


def test_highspy_imports_after_the_adapter_loaded_its_solver() -> None:
    code = ("import sys\n"
            "from skillstack.plan.highs import solver\n"
            "core = solver()\n"
            "assert 'numpy' not in sys.modules\n"
            "import highspy\n"
            "assert highspy.HighsStatus is core.HighsStatus\n"
            "h = highspy.Highs()\n"
            "h.setOptionValue('output_flag', False)\n"
            "assert h.addVars(2, [0.0, 0.0], [1.0, 1.0]) == highspy.HighsStatus.kOk\n"
            "print(h.getNumCol())\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "2"  # (after the banner some releases print on construction)

"""The HiGHS adapter: one model, minimised stage after stage (lexicographic objectives).

All HiGHS specifics live here: options, the time limit measured against HiGHS's
own run time, warm starts, and reading a solution's status.

Presolve is off, for the MIP and the LP alike: HiGHS 1.16's presolve gives wrong
answers on the 50k bench. On the 736 stage models of 100 mixed plans, each solved
alone, 6 came back wrong (feasible models declared infeasible, solve errors after
postsolve); all 6 are right with one presolve rule off, "Enumeration" (rule 16, new in
1.16, found by switching the rules off one at a time), and none is a tolerance
effect (integral right-hand sides fail the same way). But in the stages of a plan
(rows added, runs warm-started) presolve with that rule off still returned, in 21 of
about 600 runs, a feasible solution whose objective was not the optimum it reported
(518 h reported as 387 h). Exact answers come first.

HiGHS's primal heuristics that solve sub-MIPs (RINS, RENS) and feasibility jump are
off too: they only look for incumbents, which the warm start supplies after the
first stage, and on these small models (one node almost always) they were half of
the solve time (those 736 models: 4.1 -> 2.2 s CPU, the same 736 optima). This
leaves HiGHS's proof of optimality (bounds, cuts, branching) as it was.

Each stage first solves the LP relaxation (cheap): when its bound reaches the last
stage's solution (which meets every row so far), that solution is this stage's
optimum too; when its optimum is integral, it is the MIP's. Only otherwise (or
when the relaxation is not solved to optimality) does the MIP run. A stage with a `cutoff` (near
ties want only solutions below it) stops as soon as a bound shows there is none. Nothing is printed:
`output_flag` is off, and fds 1 and 2 point at the null device around the native calls.

numpy is never loaded: `solver()` loads HiGHS's compiled module `highspy._core` alone (highspy's
`__init__` imports numpy, 0.12-0.25 s of every `plan`), and `Highs` calls only what takes and
gives scalars or Python lists (see its docstring). If a highspy release moves or drops `_core`,
`solver()` falls back to `import highspy` (numpy and all), whose names are the same.
"""

from __future__ import annotations

import contextlib
import importlib.machinery
import importlib.util
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from skillstack.plan.milp import INF, Milp
from skillstack.quiet import native_output_silenced

if TYPE_CHECKING:
    from highspy import _core  # highspy's own stubs: the calls on a `_Highs` are checked

INTEGRAL_TOL = 1e-9
"""An LP relaxation's value this close to an integer counts as integral."""

REL_TOL = 1e-6
"""Values within this relative tolerance of an earlier stage's optimum count as ties."""

HEURISTICS_OFF = ("mip_heuristic_run_rins", "mip_heuristic_run_rens", "mip_heuristic_run_feasibility_jump")
"""HiGHS's primal heuristics that are switched off (see the module docstring)."""


@dataclass(frozen=True)
class Stage:
    status: str  # optimal | infeasible | stopped
    values: list[float] | None
    objective: float = 0.0


_loaded: list[ModuleType] = []
_loading = threading.Lock()


def solver() -> ModuleType:
    """HiGHS's compiled module, `highspy._core`, loaded without running highspy's `__init__`.

    That `__init__` imports highspy's Python layer and numpy under it: 0.12-0.25 s, up to half of a
    warm `plan` command, for nothing this adapter uses. The extension alone loads in about 20 ms
    and is registered as `highspy._core`, so a later `import highspy` in the same process runs its
    `__init__` on this very module (only the package's `_core` attribute is then missing: use
    `sys.modules`). When highspy is already imported, or its layout has no loadable `_core` next
    to its `__init__` (a future release), this is a plain `import highspy` (with numpy), whose
    namespace has the same names. Thread-safe.
    """
    with _loading:
        if not _loaded:
            _loaded.append(_load())
        return _loaded[0]


def _load() -> ModuleType:
    if "highspy" not in sys.modules:
        if "highspy._core" in sys.modules:
            return sys.modules["highspy._core"]
        with contextlib.suppress(ImportError, ValueError):
            package = importlib.util.find_spec("highspy")
            where = package.submodule_search_locations if package is not None else None
            spec = importlib.machinery.PathFinder.find_spec("_core", list(where)) if where else None
            if spec is not None and isinstance(spec.loader, importlib.machinery.ExtensionFileLoader):
                spec = importlib.util.spec_from_file_location("highspy._core", spec.origin)
                if spec is not None and spec.loader is not None:
                    module = importlib.util.module_from_spec(spec)
                    sys.modules["highspy._core"] = module
                    try:
                        spec.loader.exec_module(module)
                    except BaseException:
                        del sys.modules["highspy._core"]
                        raise
                    return module
    import highspy

    return highspy


class Highs:
    """A HiGHS instance holding one model, solved stage after stage.

    Only calls that take and give scalars or Python lists are made: highspy's calls that take
    several values (`addRows`, `changeColsCost`, the sparse `setSolution`) convert them through
    numpy, which this adapter does not load (see `solver`). So columns are added one at a time,
    rows are kept here and the model is passed whole (`passModel` of the `HighsLp` that
    `getLp` gives, its row-wise matrix replaced) before a run that follows new rows; the
    basis is carried over with the new rows basic, as `addRows` does. The LP's costs are never
    set from Python (HiGHS 1.16 converts them through numpy): `changeColCost`, column by column."""

    def __init__(self, milp: Milp, deadline: float, *, reference: bool = False) -> None:
        """`reference`: every stage a MIP solved without the LP-relaxation shortcut, the warm start
        or the heuristics switched off (slower; the bench checks answers against it)."""
        core = solver()
        self._core = core
        self._status = core.HighsModelStatus
        self._feasible = core.SolutionStatus.kSolutionStatusFeasible
        self.deadline = deadline
        # some HiGHS releases print a banner on fd 1 while constructing, before any option applies
        with native_output_silenced():
            self.h: _core._Highs = core._Highs()
            self.h.setOptionValue("output_flag", False)
            self.h.setOptionValue("log_to_console", False)
        for option, value in (
            ("mip_rel_gap", 0.0),
            ("mip_abs_gap", REL_TOL),
            ("random_seed", 0),
            ("threads", 1),
            ("presolve", "off"),  # see the module docstring
        ):
            self.h.setOptionValue(option, value)
        for option in () if reference else HEURISTICS_OFF:  # options older releases lack are left as they are
            self.h.setOptionValue(option, False)
        self.reference = reference
        self.n = len(milp.lower)
        self.integers = [col for col, flag in enumerate(milp.integer) if flag]
        # the LP relaxation first (an option older HiGHS releases lack: then the MIP only)
        self.relax = self.h.setOptionValue("solve_relaxation", False) == core.HighsStatus.kOk and not reference
        for lower, upper in zip(milp.lower, milp.upper, strict=True):
            self.h.addVar(lower, upper)
        kinds = core.HighsVarType
        self._integrality = [kinds.kInteger if flag else kinds.kContinuous for flag in milp.integer]
        # the rows, row-wise; HiGHS holds the first `_passed` of them
        self._row_lower = list(milp.row_lower)
        self._row_upper = list(milp.row_upper)
        self._starts = [*milp.starts, len(milp.index)]
        self._index = list(milp.index)
        self._value = list(milp.value)
        self._passed = -1  # the integrality too, on the first pass
        self._costs = [0.0] * self.n  # as HiGHS holds them
        self._costed: list[int] = []  # the columns of the last objective
        self._warm: list[float] | None = None

    def _pass(self) -> None:
        """Hand HiGHS the model with the rows added since the last pass (see the class docstring)."""
        basis = self.h.getBasis() if self._passed > 0 else None
        lp = self.h.getLp()  # the columns: bounds, costs and (after the first pass) integrality
        if self._passed < 0:
            lp.integrality_ = self._integrality
        rows = len(self._row_lower)
        lp.num_row_ = rows
        lp.row_lower_ = self._row_lower
        lp.row_upper_ = self._row_upper
        lp.row_names_ = []
        matrix = lp.a_matrix_
        matrix.format_ = self._core.MatrixFormat.kRowwise
        matrix.num_col_ = self.n
        matrix.num_row_ = rows
        matrix.start_ = self._starts
        matrix.index_ = self._index
        matrix.value_ = self._value
        if self.h.passModel(lp) != self._core.HighsStatus.kOk:
            raise RuntimeError("HiGHS refused the planning model")
        if basis is not None and basis.valid:
            basis.row_status = [*basis.row_status, *[self._core.HighsBasisStatus.kBasic] * (rows - self._passed)]
            self.h.setBasis(basis)
        self._passed = rows

    def set_lower(self, columns: Sequence[int], lower: float) -> None:
        for col in columns:
            self.h.changeColBounds(col, lower, 1.0)

    def minimize(self, coeffs: Mapping[int, float], cutoff: float | None = None) -> Stage:
        """The optimum of `coeffs` under the rows so far. With `cutoff`, only a solution below it is
        wanted: status 'cutoff' when none exists."""
        if self._passed != len(self._row_lower):
            self._pass()
        costs = [0.0] * self.n
        for col, coef in coeffs.items():
            costs[col] = coef
        for col in {*self._costed, *coeffs}:  # the columns whose cost may change
            if costs[col] != self._costs[col]:
                self.h.changeColCost(col, costs[col])
        self._costs = costs
        self._costed = list(coeffs)
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            return Stage("stopped", None)
        # HiGHS measures its time limit against run time summed over all runs
        self.h.setOptionValue("time_limit", self.h.getRunTime() + remaining)
        if self.relax:
            relaxed = self._relaxed(costs, cutoff)
            if relaxed is not None:
                return relaxed
        if self._warm is not None and not self.reference:
            warm = self._core.HighsSolution()
            warm.col_value = self._warm
            self.h.setSolution(warm)
        if cutoff is not None:
            self.h.setOptionValue("objective_bound", cutoff + INTEGRAL_TOL * max(1.0, abs(cutoff)))
        try:
            with native_output_silenced():
                self.h.run()
        finally:
            if cutoff is not None:
                self.h.setOptionValue("objective_bound", INF)
        status = self.h.getModelStatus()
        if cutoff is not None and status in (self._status.kObjectiveBound, self._status.kInfeasible):
            return Stage("cutoff", None)  # nothing below the cutoff
        if status in (self._status.kInfeasible, self._status.kUnboundedOrInfeasible):  # bounded: infeasible
            return Stage("infeasible", None)
        info = self.h.getInfo()
        if info.primal_solution_status != self._feasible:
            return Stage("stopped", None)
        verdict = "optimal" if status == self._status.kOptimal else "stopped"
        return Stage(verdict, self.h.getSolution().col_value, info.objective_function_value)

    def _relaxed(self, costs: list[float], cutoff: float | None = None) -> Stage | None:
        """The stage from the LP relaxation when that settles it: a bound no lower than the last
        stage's solution (which meets every row so far), which is then optimal; an optimum whose
        integer columns are all integral (then it is the MIP's optimum too); a bound above the
        cutoff. None when the MIP must be solved."""
        # only the relaxation's optimum is trusted (with presolve, HiGHS 1.16 has declared a
        # feasible relaxation infeasible)
        self.h.setOptionValue("solve_relaxation", True)
        try:
            with native_output_silenced():
                self.h.run()
        finally:
            self.h.setOptionValue("solve_relaxation", False)
        if self.h.getModelStatus() != self._status.kOptimal:
            return None  # the MIP decides
        bound = self.h.getInfo().objective_function_value
        if cutoff is not None and bound > cutoff + INTEGRAL_TOL * max(1.0, abs(cutoff)):
            return Stage("cutoff", None)
        if self._warm is not None:
            known = sum(c * v for c, v in zip(costs, self._warm, strict=True))
            if bound >= known - INTEGRAL_TOL * max(1.0, abs(known)):
                return Stage("optimal", self._warm, known)
        values: list[float] = self.h.getSolution().col_value
        if any(abs(values[col] - round(values[col])) > INTEGRAL_TOL for col in self.integers):
            return None
        for col in self.integers:
            values[col] = float(round(values[col]))
        return Stage("optimal", values, self.h.getInfo().objective_function_value)

    def fix(self, coeffs: Mapping[int, float], upper: float, values: list[float]) -> None:
        """Keep later stages within `upper` on this criterion, warm-started."""
        self.add_row(coeffs, -INF, upper)
        self._warm = values

    def add_row(self, coeffs: Mapping[int, float], lower: float, upper: float) -> None:
        """A row `lower <= sum(coef * x) <= upper`, handed to HiGHS before the next run."""
        self._row_lower.append(lower)
        self._row_upper.append(upper)
        self._index.extend(coeffs)
        self._value.extend(coeffs.values())
        self._starts.append(len(self._index))

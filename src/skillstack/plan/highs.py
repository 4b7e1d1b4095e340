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
"""

from __future__ import annotations

import atexit
import contextlib
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from skillstack.plan.milp import INF, Milp
from skillstack.quiet import native_output_silenced

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


_preloading: list[threading.Thread] = []


def preload() -> None:
    """Start importing highspy (and numpy under it: a fifth of a warm `plan` command) on a
    background thread, so that it overlaps reading the catalog and the profile. The first
    `Highs` waits for it; exit waits for it too (a thread stopped inside a native import at
    exit can crash the interpreter). An import error is left for that first `Highs` to raise."""
    if _preloading or "highspy" in sys.modules:
        return
    thread = threading.Thread(target=_import_highspy, name="skillstack-import-highspy", daemon=True)
    _preloading.append(thread)
    thread.start()
    atexit.register(thread.join)


def _import_highspy() -> None:
    with contextlib.suppress(Exception):
        import highspy  # noqa: F401


class Highs:
    """A HiGHS instance holding one model, solved stage after stage."""

    def __init__(self, milp: Milp, deadline: float, *, reference: bool = False) -> None:
        """`reference`: every stage a MIP solved without the LP-relaxation shortcut, the warm start
        or the heuristics switched off (slower; the bench checks answers against it)."""
        import highspy

        self._status = highspy.HighsModelStatus
        self._feasible = highspy.SolutionStatus.kSolutionStatusFeasible
        self.deadline = deadline
        # some HiGHS releases print a banner on fd 1 while constructing, before any option applies
        with native_output_silenced():
            # highspy's stubs ask for numpy arrays; plain lists convert just as well
            self.h: Any = cast(Any, highspy.Highs())
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
        self.all = list(range(self.n))
        self.integers = [col for col, flag in enumerate(milp.integer) if flag]
        # the LP relaxation first (an option older HiGHS releases lack: then the MIP only)
        self.relax = self.h.setOptionValue("solve_relaxation", False) == highspy.HighsStatus.kOk and not reference
        self.h.addVars(self.n, milp.lower, milp.upper)
        self.h.changeColsIntegrality(self.n, self.all, milp.integer)
        if milp.starts:
            self.h.addRows(
                len(milp.starts),
                milp.row_lower,
                milp.row_upper,
                len(milp.index),
                milp.starts,
                milp.index,
                milp.value,
            )
        self._warm: list[float] | None = None

    def set_lower(self, columns: Sequence[int], lower: float) -> None:
        count = len(columns)
        self.h.changeColsBounds(count, list(columns), [lower] * count, [1.0] * count)

    def minimize(self, coeffs: Mapping[int, float], cutoff: float | None = None) -> Stage:
        """The optimum of `coeffs` under the rows so far. With `cutoff`, only a solution below it is
        wanted: status 'cutoff' when none exists."""
        costs = [0.0] * self.n
        for col, coef in coeffs.items():
            costs[col] = coef
        self.h.changeColsCost(self.n, self.all, costs)
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
            self.h.setSolution(self.n, self.all, self._warm)
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
        if self.h.getInfo().primal_solution_status != self._feasible:
            return Stage("stopped", None)
        solution = self.h.getSolution()
        verdict = "optimal" if status == self._status.kOptimal else "stopped"
        return Stage(verdict, list(solution.col_value), self.h.getInfo().objective_function_value)

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
        values = list(self.h.getSolution().col_value)
        if any(abs(values[col] - round(values[col])) > INTEGRAL_TOL for col in self.integers):
            return None
        for col in self.integers:
            values[col] = float(round(values[col]))
        return Stage("optimal", values, self.h.getInfo().objective_function_value)

    def fix(self, coeffs: Mapping[int, float], upper: float, values: list[float]) -> None:
        """Keep later stages within `upper` on this criterion, warm-started."""
        cols = list(coeffs)
        self.h.addRow(-INF, upper, len(cols), cols, [coeffs[c] for c in cols])
        self._warm = values

    def add_row(self, coeffs: Mapping[int, float], lower: float, upper: float) -> None:
        cols = list(coeffs)
        self.h.addRow(lower, upper, len(cols), cols, [coeffs[c] for c in cols])

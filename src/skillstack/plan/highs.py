"""The HiGHS adapter: one model, minimised stage after stage (lexicographic objectives).

All HiGHS specifics live here: options, the time limit measured against HiGHS's
own run time, warm starts, and reading a solution's status. Nothing is printed:
`output_flag` is off, and fds 1 and 2 point at the null device around the native calls.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from skillstack.plan.milp import INF, Milp
from skillstack.quiet import native_output_silenced

REL_TOL = 1e-6
"""Values within this relative tolerance of an earlier stage's optimum count as ties."""


@dataclass(frozen=True)
class Stage:
    status: str  # optimal | infeasible | stopped
    values: list[float] | None
    objective: float = 0.0


class Highs:
    """A HiGHS instance holding one model, solved stage after stage."""

    def __init__(self, milp: Milp, deadline: float) -> None:
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
        ):
            self.h.setOptionValue(option, value)
        self.n = len(milp.lower)
        self.all = list(range(self.n))
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

    def minimize(self, coeffs: Mapping[int, float]) -> Stage:
        costs = [0.0] * self.n
        for col, coef in coeffs.items():
            costs[col] = coef
        self.h.changeColsCost(self.n, self.all, costs)
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            return Stage("stopped", None)
        # HiGHS measures its time limit against run time summed over all runs
        self.h.setOptionValue("time_limit", self.h.getRunTime() + remaining)
        if self._warm is not None:
            self.h.setSolution(self.n, self.all, self._warm)
        with native_output_silenced():
            self.h.run()
        status = self.h.getModelStatus()
        if status in (self._status.kInfeasible, self._status.kUnboundedOrInfeasible):  # bounded: infeasible
            return Stage("infeasible", None)
        if self.h.getInfo().primal_solution_status != self._feasible:
            return Stage("stopped", None)
        solution = self.h.getSolution()
        verdict = "optimal" if status == self._status.kOptimal else "stopped"
        return Stage(verdict, list(solution.col_value), self.h.getInfo().objective_function_value)

    def fix(self, coeffs: Mapping[int, float], upper: float, values: list[float]) -> None:
        """Keep later stages within `upper` on this criterion, warm-started."""
        cols = list(coeffs)
        self.h.addRow(-INF, upper, len(cols), cols, [coeffs[c] for c in cols])
        self._warm = values

    def add_row(self, coeffs: Mapping[int, float], lower: float, upper: float) -> None:
        cols = list(coeffs)
        self.h.addRow(lower, upper, len(cols), cols, [coeffs[c] for c in cols])

"""The HiGHS adapter on stage models that HiGHS 1.16's presolve gets wrong."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from skillstack.plan.highs import Highs
from skillstack.plan.milp import INF, Milp

DATA = Path(__file__).resolve().parents[1] / "data" / "highs"


def read_mps(path: Path) -> tuple[Milp, dict[int, float]]:
    """A saved stage model as the adapter's `Milp` and the stage's objective."""
    import highspy

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    assert h.readModel(str(path)) == highspy.HighsStatus.kOk
    lp = h.getLp()
    milp = Milp()
    integer = list(lp.integrality_)
    for col in range(lp.num_col_):
        milp.column(integer=bool(integer and integer[col] != highspy.HighsVarType.kContinuous),
                    upper=lp.col_upper_[col])
        milp.lower[col] = lp.col_lower_[col]
    rows: list[list[tuple[int, float]]] = [[] for _ in range(lp.num_row_)]
    a = lp.a_matrix_
    for col in range(lp.num_col_):
        for k in range(a.start_[col], a.start_[col + 1]):
            rows[a.index_[k]].append((col, a.value_[k]))
    for row, terms in enumerate(rows):
        assert lp.row_lower_[row] == -INF  # the planner only writes `<=` rows
        milp.row(terms, lp.row_upper_[row])
    costs = {col: c for col, c in enumerate(lp.col_cost_) if c}
    return milp, costs


@pytest.mark.parametrize(("name", "optimum"), [("stage_declared_infeasible", 7210.0), ("stage_solve_error", 446.0)])
def test_the_adapter_solves_stage_models_that_presolve_gets_wrong(name: str, optimum: float) -> None:
    milp, costs = read_mps(DATA / f"{name}.mps")
    stage = Highs(milp, time.monotonic() + 30).minimize(costs)
    assert stage.status == "optimal"
    assert stage.values is not None
    assert stage.objective == pytest.approx(optimum, abs=1e-6)
    # the solution is the one reported: integral, within every row, at the optimum
    assert sum(c * stage.values[col] for col, c in costs.items()) == pytest.approx(optimum, abs=1e-6)
    for col, flag in enumerate(milp.integer):
        if flag:
            assert stage.values[col] == pytest.approx(round(stage.values[col]), abs=1e-6)
    ends = [*milp.starts[1:], len(milp.index)]
    for start, end, upper in zip(milp.starts, ends, milp.row_upper, strict=True):
        activity = sum(milp.value[k] * stage.values[milp.index[k]] for k in range(start, end))
        assert activity <= upper + 1e-6

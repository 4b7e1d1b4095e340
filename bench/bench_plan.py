"""Benchmark: planning on generated catalogs, and what the exact solver buys over greedy.

Usage: python bench/bench_plan.py [--profiles 20] [--mixed 100] [--greedy-profiles 200] [--skip-cli]
       python bench/bench_plan.py --chain 10000

1. On the large catalog (50,000 credentials): 20 seeded random profiles
   (a random target role; 0-5 held skills at random levels, each drawn half the
   time from the role's own requirements, else from all skills; a budget of
   $200-$3,000 half the time, else none; 5-20 hours a week; optimize cost),
   built with skillstack.model.Profile/Constraints directly. Times
   skillstack.plan.service.plan(catalog, profile, date(2026, 12, 1)).
   Then --mixed more profiles with any objective, deadlines, optional skills,
   sometimes two target roles, and (from their own random streams) education
   (sometimes in the role's field, from an accredited program), years of
   experience, a held expected credential and a credential in progress (counted
   as earned, as `skillstack plan` does): median, 90th percentile, worst and the
   3 slowest, in wall time and in the process's CPU time (what a busy machine
   does not inflate). With --verify, each mixed profile's problem is solved
   again by `solve_problem(..., reference=True)` (every stage a plain MIP: no
   LP shortcut, no warm start, HiGHS's heuristics on) and the steps, cost, hours
   and optimality must be the same.
2. The whole command `skillstack plan --catalog bench/out/large --role R
   --format json`, once cold (an empty SKILLSTACK_CACHE_DIR) and 5 times warm.
   R is the first seeded random role with a feasible pathway from scratch.
3. greedy(problem) vs solve(problem) on 200 random profiles (same recipe)
   over the small and medium catalogs, the PlanProblem built exactly as
   plan() builds it (the public steps start_state, gap, candidates, then problem_of).
4. --chain N: a catalog that is one chain of N prerequisites; times plan() on it
   (every step of the pipeline must be linear in the chain's length).
"""

from __future__ import annotations

import gc
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from benchargs import Parser, natural, seconds

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
TODAY = date(2026, 12, 1)
SEED = 4242


def ensure(size: str) -> Path:
    folder = OUT / size
    if not (folder / "catalog.yaml").is_file():
        print(f"generating {folder} ...", flush=True)
        subprocess.run([sys.executable, str(HERE / "gen_catalog.py"), size, str(folder)], check=True)
    return folder


def load(size: str):  # type: ignore[no-untyped-def]
    from skillstack.catalog import build_catalog
    from skillstack.loader import load_raw

    folder = ensure(size)
    t0 = time.perf_counter()
    raw = load_raw([folder])
    errors = sum(p.level == "error" for p in raw.problems)
    catalog = build_catalog(raw)
    gc.collect()
    gc.freeze()  # the catalog lives to the end: the gc.collect() before each timing skips its objects
    print(f"loaded {size}: {len(catalog.credentials):,} credentials, {len(catalog.skills):,} skills, "
          f"{len(catalog.roles):,} roles in {time.perf_counter() - t0:.1f} s ({errors} read errors)", flush=True)
    return folder, catalog


def random_profile(rng: random.Random, catalog, role_ids: list[str], skill_ids: list[str]):  # type: ignore[no-untyped-def]
    from skillstack.model import Constraints, Level, Profile

    rid = rng.choice(role_ids)
    role = catalog.roles[rid]
    held: dict[str, Level] = {}
    for _ in range(rng.randint(0, 5)):
        sid = rng.choice(role.requires).skill if rng.random() < 0.5 else rng.choice(skill_ids)
        held[sid] = Level(rng.randint(1, 4))
    budget = float(rng.randrange(200, 3001, 50)) if rng.random() < 0.5 else None
    constraints = Constraints(budget=budget, hours_per_week=float(rng.randint(5, 20)), optimize="cost")
    return Profile(name="bench", skills=tuple(sorted(held.items())), targets=(rid,), constraints=constraints)


def build_problem(catalog, profile, today: date):  # type: ignore[no-untyped-def]
    """The PlanProblem of plan()'s pipeline: its public steps start_state, gap and candidates,
    then solve's problem_of."""
    from skillstack.plan.candidates import candidates
    from skillstack.plan.gap import gap
    from skillstack.plan.solve import problem_of
    from skillstack.plan.state import start_state

    state = start_state(catalog, profile, today)
    found = gap(state)
    return problem_of(state, found, candidates(state, found))


class Timeout(Exception):
    pass


def limited(seconds: float, fn, *args, cpu: list[float] | None = None):  # type: ignore[no-untyped-def]
    """(result or the exception raised, seconds taken); Timeout after `seconds` (0: no limit).
    With `cpu`, the process's CPU seconds taken are appended to it.

    The limit is a SIGALRM, so it lands between Python bytecodes: a HiGHS call in
    progress (itself capped by the solver's own time limit) finishes first.
    """
    import signal

    def alarm(signum, frame):  # type: ignore[no-untyped-def]
        raise Timeout(f"over {seconds:g} s")

    old = signal.signal(signal.SIGALRM, alarm)
    if seconds:
        signal.setitimer(signal.ITIMER_REAL, seconds)
    c0 = time.process_time()
    t0 = time.perf_counter()
    try:
        result = fn(*args)
    except (Exception, RecursionError) as exc:  # noqa: BLE001 - reported, not fatal
        result = exc
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    took = time.perf_counter() - t0
    if cpu is not None:
        cpu.append(time.process_time() - c0)
    return result, took


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


# ---- 1. plan() on the large catalog -----------------------------------------


def bench_plan_large(catalog, n_profiles: int, timeout: float) -> None:  # type: ignore[no-untyped-def]
    from skillstack.plan.service import plan

    rng = random.Random(SEED)
    role_ids = sorted(r.id for r in catalog.roles)
    skill_ids = sorted(s.id for s in catalog.skills)
    profiles = [random_profile(rng, catalog, role_ids, skill_ids) for _ in range(n_profiles)]
    # warm-up outside the timings: load the solver and HiGHS, build the catalog's granters index
    import skillstack.plan.solve  # noqa: F401
    from skillstack.plan.highs import solver

    solver()

    catalog.granters(skill_ids[0])
    print()
    limit = f"; each plan() stopped after {timeout:g} s" if timeout else ""
    print(f"plan() on the large catalog, {n_profiles} random profiles (optimize cost, today {TODAY}{limit})")
    print("(cands = credentials in the PlanProblem that plan() builds, i.e. the closure of the gap)")
    head = f"{'#':>3} {'role':<29}{'have':>5}{'budget':>7}{'h/wk':>5}{'gap':>4}{'cands':>7}{'steps':>6}" \
           f"{'cost':>7}{'feasible':>9}{'optimal':>8}{'time':>10}  note"
    print(head)
    print("-" * len(head))
    times, feasible, optimal, failed = [], 0, 0, 0
    for i, profile in enumerate(profiles):
        cands = len(build_problem(catalog, profile, TODAY).candidates)
        gc.collect()
        result, took = limited(timeout, plan, catalog, profile, TODAY)
        budget = f"{profile.constraints.budget:,.0f}" if profile.constraints.budget is not None else "-"
        row = (f"{i:>3} {profile.targets[0]:<29}{len(profile.skills):>5}{budget:>7}"
               f"{profile.constraints.hours_per_week:>5.0f}")
        if isinstance(result, BaseException):
            failed += 1
            times.append(float("inf") if isinstance(result, Timeout) else took)
            shown = f">{ms(timeout)}" if isinstance(result, Timeout) else ms(took)
            note = "stopped (time limit)" if isinstance(result, Timeout) else f"raised {result!r}"[:70]
            print(f"{row}{'':>4}{cands:>7}{'':>6}{'':>7}{'?':>9}{'?':>8}{shown:>10}  {note}", flush=True)
            continue
        times.append(took)
        feasible += result.feasible
        optimal += result.optimal
        print(f"{row}{len(result.gap):>4}{cands:>7}{len(result.steps):>6}{result.totals.cost:>7,.0f}"
              f"{'yes' if result.feasible else 'no':>9}{'yes' if result.optimal else 'no':>8}{ms(took):>10}",
              flush=True)
    worst = max(times)
    print(f"plan() time: median {fmt_time(statistics.median(times), timeout)}, worst {fmt_time(worst, timeout)}; "
          f"feasible {feasible}/{len(profiles)}, proved optimal {optimal}/{len(profiles)}, "
          f"no answer (error or time limit) {failed}/{len(profiles)}")


def mixed_profile(rng: random.Random, catalog, role_ids: list[str], skill_ids: list[str],  # type: ignore[no-untyped-def]
                  learner: random.Random | None = None, more: random.Random | None = None):
    """Like random_profile, but any objective, a deadline 30-700 days out 40% of the time,
    optional skills 30% of the time and a second target role 20% of the time.

    With `learner` (its own random stream, so the draws above stay as they were): 60% state
    an education (none to master's), 60% have 1-8 years of experience in the target role's
    domain (and 30% in one more), and 25% hold one of the credentials the role expects.
    With `more` (a third stream): 30% of the educations are in the role's field of study
    (half of them from an accredited program), and 20% of the profiles have a credential in
    progress (one the role expects, else a granter of one of its skills), started 60 days ago."""
    from datetime import timedelta

    from skillstack.model import Constraints, Education, EducationHeld, HeldCredential
    from skillstack.requirements import credentials_named

    base = random_profile(rng, catalog, role_ids, skill_ids)
    deadline = TODAY + timedelta(days=rng.randint(30, 700)) if rng.random() < 0.4 else None
    c = Constraints(budget=base.constraints.budget, hours_per_week=base.constraints.hours_per_week,
                    optimize=rng.choice(["cost", "hours", "count"]), start=TODAY, deadline=deadline,
                    with_optional=rng.random() < 0.3)
    targets = base.targets if rng.random() < 0.8 else (*base.targets, rng.choice(role_ids))
    profile = replace(base, targets=targets, constraints=c)
    if learner is None:
        return profile
    role = catalog.roles[targets[0]]
    education = (EducationHeld(learner.choice([Education.NONE, Education.HIGH_SCHOOL, Education.ASSOCIATE,
                                               Education.BACHELOR, Education.BACHELOR, Education.MASTER]))
                 if learner.random() < 0.6 else None)
    experience: dict[str, float] = {}
    if learner.random() < 0.6:
        experience[role.domain] = float(learner.randint(1, 8))
        if learner.random() < 0.3:
            other = catalog.roles[learner.choice(role_ids)].domain
            experience.setdefault(other, float(learner.randint(1, 4)))
    expected = sorted(credentials_named([e.requirement for e in role.expects]))
    held = ((HeldCredential(learner.choice(expected), earned=TODAY - timedelta(days=200)),)
            if expected and learner.random() < 0.25 else ())
    profile = replace(profile, education=education, experience=tuple(sorted(experience.items())), credentials=held)
    if more is None:
        return profile
    if education is not None and more.random() < 0.3:
        field = f"{role.domain.replace('-', ' ')} studies"  # gen_catalog's field names, spelt loosely
        profile = replace(profile, education=replace(education, field_of_study=field, accredited=more.random() < 0.5))
    if more.random() < 0.2:
        have = {h.id for h in held}
        pool = [c for c in expected if c not in have] or sorted(
            {g for item in role.requires for g in catalog.granters(item.skill, item.level)})
        if pool:
            doing = more.choice(pool)
            profile = replace(profile, in_progress=(doing,), started=((doing, TODAY - timedelta(days=60)),))
    return profile


def bench_mixed(catalog, n_profiles: int, timeout: float, verify: bool = False) -> None:  # type: ignore[no-untyped-def]
    from skillstack.holdings import counting_in_progress
    from skillstack.plan.service import plan

    rng = random.Random(SEED + 2)
    learner = random.Random(SEED + 3)
    more = random.Random(SEED + 4)
    role_ids = sorted(r.id for r in catalog.roles)
    skill_ids = sorted(s.id for s in catalog.skills)
    # warm-up outside the timings: load the solver and HiGHS, build the catalog's granters index
    import skillstack.plan.solve  # noqa: F401
    from skillstack.plan.highs import solver

    solver()

    catalog.granters(skill_ids[0])
    rows = []
    cpu: list[float] = []
    for _ in range(n_profiles):
        profile, _notes = counting_in_progress(catalog, mixed_profile(rng, catalog, role_ids, skill_ids, learner, more))
        gc.collect()
        result, took = limited(timeout, plan, catalog, profile, TODAY, cpu=cpu)
        rows.append((float("inf") if isinstance(result, Timeout) else took, profile, result))
    times = sorted(t for t, _, _ in rows)
    done = [r for _, _, r in rows if not isinstance(r, BaseException)]
    print()
    print(f"plan() on the large catalog, {n_profiles} mixed profiles (any objective, deadlines, optional "
          f"skills, two roles, education, experience, a held expected credential, one in progress)")
    print(f"  median {fmt_time(statistics.median(times), timeout)}, 90th percentile "
          f"{fmt_time(times[int(0.9 * (len(times) - 1))], timeout)}, worst {fmt_time(times[-1], timeout)}; "
          f"feasible {sum(r.feasible for r in done)}/{n_profiles}, proved optimal "
          f"{sum(r.optimal for r in done)}/{n_profiles}, no answer {n_profiles - len(done)}/{n_profiles}")
    cpu.sort()
    print(f"  CPU time of the process (what a busy machine does not inflate): median {ms(statistics.median(cpu))}, "
          f"90th percentile {ms(cpu[int(0.9 * (len(cpu) - 1))])}, worst {ms(cpu[-1])}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    for took, profile, result in sorted(rows, key=lambda row: -row[0])[:3]:
        what = ("no answer" if isinstance(result, BaseException)
                else f"{'feasible' if result.feasible else 'infeasible (explained)'}, {len(result.steps)} steps")
        print(f"  slowest: {fmt_time(took, timeout)}  optimize {profile.constraints.optimize}, "
              f"{len(profile.targets)} role(s), deadline {profile.constraints.deadline or '-'}: {what}")
    if verify:
        verify_mixed(catalog, [profile for _, profile, _ in rows])


def verify_mixed(catalog, profiles) -> None:  # type: ignore[no-untyped-def]
    """Each profile's problem (as plan() builds it) solved by solve_problem and by its reference
    configuration: the same steps, cost, hours and verdicts, or the bench fails."""
    from skillstack.plan.solve import solve_problem

    same, differ, seconds = 0, [], 0.0
    for n, profile in enumerate(profiles):
        problem = build_problem(catalog, profile, TODAY)
        fast = solve_problem(problem)
        t0 = time.process_time()
        slow = solve_problem(problem, reference=True)
        seconds += time.process_time() - t0
        mine = (fast.steps, fast.cost, fast.hours, fast.feasible, fast.optimal)
        theirs = (slow.steps, slow.cost, slow.hours, slow.feasible, slow.optimal)
        if mine == theirs:
            same += 1
        else:
            differ.append(f"#{n}: {mine[1:]} vs reference {theirs[1:]}")
    print(f"  verified against the reference solve (every stage a plain MIP; {ms(seconds / len(profiles))} CPU "
          f"each): {same}/{len(profiles)} the same steps, cost, hours and verdicts")
    for line in differ:
        print(f"  DIFFERS {line}")
    if differ:
        raise SystemExit(f"{len(differ)} answers differ from the reference solve")


def fmt_time(seconds: float, timeout: float) -> str:
    return f">{ms(timeout)} (time limit)" if seconds == float("inf") else ms(seconds)


# ---- 2. the whole command ---------------------------------------------------------


def pick_cli_role(catalog, timeout: float) -> str:  # type: ignore[no-untyped-def]
    """The first seeded random role with a feasible pathway from scratch, planned within the time limit."""
    from skillstack.model import Profile
    from skillstack.plan.service import plan

    rng = random.Random(SEED + 1)
    role_ids = sorted(r.id for r in catalog.roles)
    tried = []
    for _ in range(30):
        rid = rng.choice(role_ids)
        result, took = limited(timeout, plan, catalog, Profile(targets=(rid,)), TODAY)
        ok = not isinstance(result, BaseException) and result.feasible
        tried.append(f"{rid} ({'feasible' if ok else 'no' if not isinstance(result, BaseException) else 'x'}, "
                     f"{ms(took)})")
        if ok:
            break
    print()
    print(f"role for the command: tried {'; '.join(tried)}")
    return rid


def bench_cli(folder: Path, role: str, warm_runs: int = 5) -> None:
    script = Path(sys.executable).parent / "skillstack"
    exe = str(script) if script.exists() else "skillstack"
    cmd = [exe, "plan", "--catalog", str(folder.relative_to(ROOT)), "--role", role, "--format", "json"]
    with tempfile.TemporaryDirectory(prefix="skillstack-bench-cache-") as cache:
        env = {**os.environ, "SKILLSTACK_CACHE_DIR": cache, "NO_COLOR": "1"}
        env.pop("SKILLSTACK_NO_CACHE", None)

        def run() -> tuple[float, int, str]:
            t0 = time.perf_counter()
            proc = subprocess.run(cmd, check=False, cwd=ROOT, env=env, capture_output=True, text=True)
            return time.perf_counter() - t0, proc.returncode, proc.stderr.strip()

        print()
        print(f"command: SKILLSTACK_CACHE_DIR=<tmp> {' '.join(['skillstack', *cmd[1:]])}   (cwd {ROOT})")
        cold, rc, err = run()
        cache_mb = sum(f.stat().st_size for f in Path(cache).iterdir()) / 1e6
        print(f"  cold (empty cache): {ms(cold)}, exit {rc}; cache written: {cache_mb:.1f} MB"
              + (f"; stderr: {err[:200]}" if err else ""))
        warm = []
        for _ in range(warm_runs):
            took, rc, err = run()
            warm.append(took)
        print(f"  warm: median {ms(statistics.median(warm))} over {warm_runs} runs "
              f"(min {ms(min(warm))}, max {ms(max(warm))}), last exit {rc}")
        # the warm cache read in-process (public cache.load_catalog; the cache is MessagePack, mapped
        # and decoded lazily, so this is the open and index read, then one full pass over the credentials)
        from skillstack.cache import load_catalog

        old = os.environ.get("SKILLSTACK_CACHE_DIR")
        os.environ["SKILLSTACK_CACHE_DIR"] = cache
        try:
            t0 = time.perf_counter()
            loaded = load_catalog([folder])
            opened = time.perf_counter() - t0
            count = sum(1 for _ in loaded.catalog.credentials)
            walked = time.perf_counter() - t0
        finally:
            if old is None:
                os.environ.pop("SKILLSTACK_CACHE_DIR", None)
            else:
                os.environ["SKILLSTACK_CACHE_DIR"] = old
        print(f"  of which opening the cached catalog in-process: {ms(opened)} (from cache: {loaded.from_cache}; "
              f"decoding all {count:,} credentials: {ms(walked)}; cache {cache_mb:.1f} MB)")


# ---- 3. greedy vs exact ---------------------------------------------------------


@dataclass
class Tally:
    profiles: int = 0
    no_gap: int = 0
    both: int = 0
    opt_only: int = 0  # the optimum is feasible, greedy found nothing complete
    greedy_only: int = 0  # should never happen
    neither: int = 0
    not_proved: int = 0
    recursion: int = 0  # greedy raised RecursionError at the default recursion limit
    equal: int = 0
    worse_pct: list[float] | None = None
    solve_t: list[float] | None = None
    greedy_t: list[float] | None = None


def deep_call(fn, *args):  # type: ignore[no-untyped-def]
    """fn(*args) on a thread with a 1 GiB stack and a recursion limit of 200,000."""
    import threading

    box: dict[str, object] = {}

    def run() -> None:
        old = sys.getrecursionlimit()
        sys.setrecursionlimit(200_000)
        try:
            box["value"] = fn(*args)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller
            box["error"] = exc
        finally:
            sys.setrecursionlimit(old)

    size = threading.stack_size(1 << 30)
    try:
        worker = threading.Thread(target=run)
        worker.start()
        worker.join()
    finally:
        threading.stack_size(size)
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]


def bench_greedy(catalog, size: str, n_profiles: int) -> Tally:  # type: ignore[no-untyped-def]
    from skillstack.plan.greedy import greedy
    from skillstack.plan.solve import solve_problem as solve

    rng = random.Random(f"{SEED}:{size}")
    role_ids = sorted(r.id for r in catalog.roles)
    skill_ids = sorted(s.id for s in catalog.skills)
    t = Tally(worse_pct=[], solve_t=[], greedy_t=[])
    for _ in range(n_profiles):
        profile = random_profile(rng, catalog, role_ids, skill_ids)
        problem = build_problem(catalog, profile, TODAY)
        t.profiles += 1
        if not problem.gap:
            t.no_gap += 1
            continue
        t0 = time.perf_counter()
        best = solve(problem)
        t1 = time.perf_counter()
        try:
            quick = greedy(problem)
        except RecursionError:
            # greedy's prerequisite search is recursive; retry with a deep stack to still compare answers
            t.recursion += 1
            t1 = time.perf_counter()
            quick = deep_call(greedy, problem)
        t2 = time.perf_counter()
        t.solve_t.append(t1 - t0)
        t.greedy_t.append(t2 - t1)
        t.not_proved += not best.optimal
        if best.feasible and quick.feasible:
            t.both += 1
            if quick.cost <= best.cost + 1e-6:
                t.equal += 1
            if best.cost > 0:
                t.worse_pct.append((quick.cost - best.cost) / best.cost * 100)
            elif quick.cost > 0:
                t.worse_pct.append(float("inf"))
            else:
                t.worse_pct.append(0.0)
        elif best.feasible:
            t.opt_only += 1
        elif quick.feasible:
            t.greedy_only += 1
        else:
            t.neither += 1
    return t


def report_greedy(rows: list[tuple[str, Tally]], n_profiles: int) -> None:
    print()
    print(f"greedy(problem) vs solve(problem), {n_profiles} random profiles per catalog (objective: cost)")
    head = (f"{'catalog':<8}{'gap>0':>6}{'both ok':>8}{'same':>6}{'greedy +% mean':>15}{'median':>8}{'max':>8}"
            f"{'greedy fails':>13}{'neither':>8}{'solve med/max':>16}{'greedy med/max':>16}")
    print(head)
    print("-" * len(head))
    for size, t in rows:
        pct = t.worse_pct or [0.0]
        feasible_opt = t.both + t.opt_only
        fails = f"{t.opt_only}/{feasible_opt}" if feasible_opt else "0/0"
        solve_t = t.solve_t or [0.0]
        greedy_t = t.greedy_t or [0.0]
        print(f"{size:<8}{t.profiles - t.no_gap:>6}{t.both:>8}{t.equal:>6}{statistics.mean(pct):>14.1f}%"
              f"{statistics.median(pct):>7.1f}%{max(pct):>7.1f}%{fails:>13}{t.neither:>8}"
              f"{ms(statistics.median(solve_t)) + ' / ' + ms(max(solve_t)):>16}"
              f"{ms(statistics.median(greedy_t)) + ' / ' + ms(max(greedy_t)):>16}")
    for size, t in rows:
        feasible_opt = t.both + t.opt_only
        share = f"{100 * t.opt_only / feasible_opt:.1f}%" if feasible_opt else "n/a"
        worse = [p for p in (t.worse_pct or []) if p > 1e-9]
        when = f" (by {statistics.mean(worse):.1f}% on average when it is)" if worse else ""
        print(f"{size}: greedy failed on {share} of the profiles that have a feasible pathway; "
              f"greedy costlier on {t.both - t.equal} of {t.both}{when}; "
              f"solver not proved optimal on {t.not_proved}; greedy feasible but solver not: {t.greedy_only}; "
              f"greedy RecursionError at the default limit: {t.recursion} (retried on a deep stack)")
    print("('greedy +%' = (greedy cost - optimal cost) / optimal cost, over profiles where both are feasible)")


# ---- 4. a long prerequisite chain ----------------------------------------------


def chain_catalog(n: int):  # type: ignore[no-untyped-def]
    """A catalog of n credentials in one chain: link i grants skill k{i} and requires k{i-1};
    the role asks for the last skill, so the only pathway takes all n links in order."""
    from skillstack.catalog import Catalog, Index
    from skillstack.model import (
        Cost,
        Credential,
        CredentialId,
        Grant,
        Level,
        Role,
        RoleId,
        RoleSkill,
        Skill,
        SkillId,
        SkillReq,
        SourceRef,
    )

    where = SourceRef("chain.yaml", 1, 1)
    skills = [Skill(SkillId(f"k{i}"), f"Link {i}", where) for i in range(n)]
    creds = [Credential(CredentialId(f"c{i:05d}"), f"Link {i}", "Chain", "course", where, cost=Cost(10.0), hours=2.0,
                        grants=(Grant(SkillId(f"k{i}"), Level(1)),),
                        requires=(SkillReq(SkillId(f"k{i - 1}"), Level(1)),) if i else ())
             for i in range(n)]
    role = Role(RoleId("end"), "End of the chain", where, requires=(RoleSkill(SkillId(f"k{n - 1}"), Level(1), "essential"),))
    return Catalog(Index("skill", skills), Index("credential", creds), Index("role", [role]))


def bench_chain(n: int) -> None:
    from skillstack.model import Constraints, Profile
    from skillstack.plan.service import plan

    catalog = chain_catalog(n)
    profile = Profile(name="chain", targets=(catalog.roles["end"].id,), constraints=Constraints(hours_per_week=10))
    from skillstack.plan.highs import solver

    solver()
    gc.collect()
    t0 = time.perf_counter()
    result = plan(catalog, profile, TODAY)
    took = time.perf_counter() - t0
    in_order = [s.credential for s in result.steps] == [f"c{i:05d}" for i in range(n)]
    print(f"chain of {n:,} prerequisites: plan() {took:.2f} s; {len(result.steps):,} steps, "
          f"feasible {result.feasible}, optimal {result.optimal}, in chain order {in_order}")


def main(argv: list[str]) -> int:
    parser = Parser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=natural, default=20)
    parser.add_argument("--mixed", type=natural, default=100,
                        help="also plan this many mixed profiles on the large catalog (0: skip)")
    parser.add_argument("--greedy-profiles", type=natural, default=200)
    parser.add_argument("--timeout", type=seconds, default=10.0,
                        help="stop one plan() on the large catalog after this many seconds (0: never)")
    parser.add_argument("--verify", action="store_true",
                        help="check each mixed profile's answer against the reference solve (slower)")
    parser.add_argument("--skip-cli", action="store_true")
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--skip-greedy", action="store_true")
    parser.add_argument("--chain", type=natural, default=0,
                        help="only plan a chain of N prerequisites (one pathway of N steps) and time it")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    if args.chain:
        bench_chain(args.chain)
        return 0

    if not args.skip_large:
        folder, large = load("large")
        if args.profiles:
            bench_plan_large(large, args.profiles, args.timeout)
        if args.mixed:
            bench_mixed(large, args.mixed, args.timeout, args.verify)
        if not args.skip_cli:
            role = pick_cli_role(large, min(args.timeout, 5) or 5)
            del large
            gc.collect()
            bench_cli(folder, role)
        else:
            del large
        gc.collect()

    if not args.skip_greedy:
        rows = []
        for size in ("small", "medium"):
            _, catalog = load(size)
            rows.append((size, bench_greedy(catalog, size, args.greedy_profiles)))
        report_greedy(rows, args.greedy_profiles)
    print(f"\ntotal benchmark time {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The catalog as a directed graph, with the questions curators and planners ask.

Nodes are `skill:ID`, `credential:ID` and `role:ID`. Edges carry a `kind`:
- `grants`: credential -> skill (with the level granted: the highest, if granted twice)
- `requires` / `recommends`: skill or credential -> credential that needs it
- `part_of`: credential -> the stacked credential it counts toward
- `needs`: skill -> role (with level and importance: the highest level's, if listed twice)
- `expected`: credential -> role that employers expect it for (with importance)

Assumptions: the catalog is resolved (`catalog.py`); references to unknown ids
are skipped here (the validator reports them). Experience cannot be earned, so
"reachable from scratch" treats every experience requirement as met: people
gain experience by working, not by studying.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from skillstack.catalog import Catalog
from skillstack.model import (
    AllOf,
    AnyOf,
    Credential,
    CredentialId,
    CredentialReq,
    NOf,
    Requirement,
    SkillId,
    SkillReq,
)
from skillstack.requirements import Atom, Placed, State, atoms, holds

if TYPE_CHECKING:  # networkx is imported when a graph is built, not at start-up
    import networkx as nx


def skill_node(sid: str) -> str:
    return f"skill:{sid}"


def cred_node(cid: str) -> str:
    return f"credential:{cid}"


def role_node(rid: str) -> str:
    return f"role:{rid}"


def _id(node: str) -> str:
    return node.split(":", 1)[1]


def _add_highest(g: nx.DiGraph[str], u: str, v: str, *, level: int, **attrs: str) -> None:
    """An edge with its level; an edge already there with a level as high is kept."""
    if not g.has_edge(u, v) or g.edges[u, v]["level"] < level:
        g.add_edge(u, v, level=level, **attrs)


class SkillGraph:
    """The networkx graph of a catalog, wrapped in domain verbs."""

    def __init__(self, catalog: Catalog) -> None:
        import networkx as nx

        self.g: nx.DiGraph[str] = nx.DiGraph()
        g = self.g
        for skill in catalog.skills:
            g.add_node(skill_node(skill.id), kind="skill")
        for cred in catalog.credentials:
            node = cred_node(cred.id)
            g.add_node(node, kind="credential")
            for grant in cred.grants:
                _add_highest(g, node, skill_node(grant.skill), kind="grants", level=int(grant.level))
            for kind, reqs in (("requires", cred.requires), ("recommends", cred.recommends)):
                for atom in atoms(reqs):
                    if isinstance(atom, SkillReq):
                        g.add_edge(skill_node(atom.skill), node, kind=kind, level=int(atom.level))
                    elif isinstance(atom, CredentialReq):
                        g.add_edge(cred_node(atom.credential), node, kind=kind)
            if cred.awarded_for is not None:
                for atom in atoms([cred.awarded_for]):
                    if isinstance(atom, CredentialReq):
                        g.add_edge(cred_node(atom.credential), node, kind="part_of")
        for role in catalog.roles:
            node = role_node(role.id)
            g.add_node(node, kind="role")
            for need in role.requires:
                _add_highest(g, skill_node(need.skill), node, kind="needs", level=int(need.level),
                             importance=need.importance)
            for expectation in role.expects:
                for atom in atoms([expectation.requirement]):
                    if isinstance(atom, CredentialReq):
                        g.add_edge(cred_node(atom.credential), node, kind="expected",
                                   importance=expectation.importance)

    # ---- lookups -------------------------------------------------------

    def granters(self, skill: str, level: int = 1) -> list[CredentialId]:
        """Credentials that grant `skill` at `level` or above, by id, read off the graph's
        `grants` edges for `role_neighbourhood` (`graph --role`). Services ask `Catalog.granters`;
        tests/test_skill_graph.py checks the two agree on every skill and level.

        >>> "google-data-analytics" in SkillGraph(catalog).granters("sql", 2)
        True
        """
        return sorted(CredentialId(_id(u)) for u in self._in(skill_node(skill), "grants", level))

    def copy(self) -> nx.DiGraph[str]:
        """The whole catalog graph, as a copy the caller may label or trim."""
        return self.g.copy()

    def prerequisites_of(self, cid: str) -> set[str]:
        """Skill and credential nodes named in a credential's `requires`."""
        return {u for u, _, attrs in self.g.in_edges(cred_node(cid), data=True) if attrs["kind"] == "requires"}

    def role_needs(self, rid: str) -> list[tuple[SkillId, int, str]]:
        """(skill, level, importance) a role requires, in the order the role lists them.

        >>> SkillGraph(catalog).role_needs("data-analyst")[0]
        ('sql', 2, 'essential')
        """
        role = role_node(rid)
        if role not in self.g:
            return []
        return [(SkillId(_id(u)), attrs["level"], attrs["importance"])
                for u, _, attrs in self.g.in_edges(role, data=True) if attrs["kind"] == "needs"]

    def _in(self, node: str, kind: str, level: int = 0) -> list[str]:
        """The nodes with a `kind` edge into `node` at `level` or above."""
        if node not in self.g:
            return []
        return [u for u, _, attrs in self.g.in_edges(node, data=True)
                if attrs["kind"] == kind and attrs.get("level", 0) >= level]

    # ---- structure -----------------------------------------------------

    def prerequisite_cycles(self) -> list[list[CredentialId]]:
        """Cycles among credentials through `requires` credential edges and stack parts.

        Linear in graph size: strongly connected components first, then one
        cycle walked inside each component. Each cycle is returned as a path
        that starts and ends at the same credential.
        """
        import networkx as nx

        sub: nx.DiGraph[str] = nx.DiGraph()
        for u, v, attrs in self.g.edges(data=True):
            if attrs["kind"] in ("requires", "part_of") and u.startswith("credential:"):
                sub.add_edge(u, v)
        cycles = []
        for component in nx.strongly_connected_components(sub):
            if len(component) == 1:
                (only,) = component
                if not sub.has_edge(only, only):
                    continue
            start = min(component)
            edges = nx.find_cycle(sub.subgraph(component), source=start)
            path = [edges[0][0]] + [v for _, v in edges]
            cycles.append([CredentialId(_id(n)) for n in path])
        return sorted(cycles)

    # ---- views ------------------------------------------------------------

    def role_neighbourhood(self, rid: str) -> nx.DiGraph:
        """A role, the skills it needs, the credentials granting them at the level and the
        credentials employers expect for it, and those credentials' direct prerequisites and stacks."""
        role = role_node(rid)
        keep = {role}
        credentials = set(self._in(role, "expected"))
        for skill, level, _ in self.role_needs(rid):
            keep.add(skill_node(skill))
            credentials.update(cred_node(cid) for cid in self.granters(skill, level))
        for node in credentials:
            keep.add(node)
            keep.update(self.prerequisites_of(_id(node)))
            keep.update(v for _, v, attrs in self.g.out_edges(node, data=True) if attrs["kind"] == "part_of")
        return self.g.subgraph(keep).copy()


# ---- the same questions on plain dicts, for validate (no networkx graph to build) -----------

Dependents = dict[str, dict[str, str]]
"""Credential node (`credential:ID`) -> {credential id: edge kind}: the edges between credentials
in the graph, in the graph's order and with its kinds (a later edge between the same nodes
replaces the kind of an earlier one, as networkx does)."""

_EDGE_KIND = {"requires": "requires", "recommends": "recommends", "awarded_for": "part_of"}


def dependents_of(leaves: Iterable[Placed[Atom]]) -> Dependents:
    """The edges between credentials, from the leaves of `requirements.walk_requirements` (all
    `has_prerequisite_cycle` reads: a cycle runs through credentials only)."""
    out: Dependents = {}
    for cred, field_name, atom in leaves:
        if type(atom) is CredentialReq:
            out.setdefault(cred_node(atom.credential), {})[cred.id] = _EDGE_KIND[field_name]
    return out


def reachable(catalog: Catalog, state: State | None = None) -> tuple[set[str], State]:
    """Credentials obtainable, step by step, from `state` (default: from scratch, any experience),
    and the state reached: the fixpoint, the same whatever the order credentials are taken in. A
    credential held in `state` already is not taken again (its grants are in `state`).

    Linear in the requirements and grants: a credential that needs nothing (most of them) is
    taken on the first walk; the needs of each other credential are a tree of counters (a group
    holds when as many of its items hold as it asks for: all, one, or n), and a skill rising or a
    credential taken counts once for each requirement it meets; a credential is taken when its
    tree holds. Experience and education do not change on the way: they hold or not from the
    start. (No nested functions: a recursive closure is a reference cycle, and a validated
    catalog is freed by reference counting alone.)"""
    return _reachable(catalog.credentials, state)


def reachable_among(catalog: Catalog, targets: Iterable[str]) -> set[str]:
    """Which of the credential ids `targets` are obtainable from scratch (any experience): the
    same answer as `reachable(catalog)` gives for them, found by walking back from them through
    the catalog's `granter_index` (no walk over every credential's grants when the catalog keeps
    that index, or builds it anyway).

    The walk keeps every credential that could be a step towards a target: a target; a credential
    a kept one names; for a skill a kept one needs at a level, one granter of it at that level that
    needs nothing (obtainable at once), or every granter when none does. Whatever `reachable`
    takes on the way to a kept credential is then kept too, so the fixpoint over the kept ones
    takes the same targets.

    >>> sorted(reachable_among(catalog, ["google-data-analytics", "no-such-id"]))
    ['google-data-analytics']
    """
    creds = catalog.credentials
    granters = catalog.granter_index
    kept: dict[str, Credential] = {}
    todo = [t for t in targets if t in creds]
    wanted = set(todo)
    while todo:
        cid = todo.pop()
        if cid in kept:
            continue
        cred = kept[cid] = creds[cid]
        if cred.awarded_for is None and not cred.requires:
            continue
        for atom in atoms(cred.needs):
            if type(atom) is CredentialReq:
                if atom.credential in creds:
                    todo.append(atom.credential)
            elif type(atom) is SkillReq:
                granting = [g for level, g in granters.get(atom.skill, ()) if level >= atom.level]
                for g in granting:
                    other = creds[g]
                    if other.awarded_for is None and not other.requires:
                        todo.append(g)  # obtainable at once: the skill's need holds
                        break
                else:
                    todo.extend(granting)
    got, _ = _reachable(kept.values(), None)
    return got & wanted


def _reachable(credentials: Iterable[Credential], state: State | None) -> tuple[set[str], State]:
    """`reachable` over `credentials` (each id once)."""
    state = state or State(any_experience=True)
    skills, held = state.skills, state.credentials
    got: set[str] = set()
    level_of = skills.get
    waiting: list[Credential] = []  # credentials that need something, not held
    for cred in credentials:  # first walk: take every credential that needs nothing
        if cred.awarded_for is not None or cred.requires:
            if cred.id not in held:
                waiting.append(cred)
        elif cred.id not in held:
            got.add(cred.id)
            for grant in cred.grants:
                skill, level = grant.skill, grant.level
                if level > level_of(skill, 0):
                    skills[skill] = level
    held |= got
    # the counter tree: per group, how many items must hold, how many do, and its parent
    # (a group, or -1 - i: the needs of waiting credential i, all of which must hold)
    need: list[int] = []
    have: list[int] = []
    parent: list[int] = []
    on_skill: dict[str, list[tuple[int, int]]] = {}  # skill -> (level asked for, group) not met yet
    on_credential: dict[str, list[int]] = {}  # credential -> groups waiting for it
    ready: list[int] = []  # waiting credentials whose needs hold
    met: list[int] = []  # groups with one more item that holds, to count
    stack: list[tuple[Requirement, int]] = []  # requirements to place in the tree, under their group
    for i, cred in enumerate(waiting):
        needs = cred.requires if cred.awarded_for is None else (cred.awarded_for,)  # (cred.needs)
        root = len(need)
        need.append(len(needs))
        parent.append(-1 - i)
        holding = 0  # the skills and credentials among `needs` that hold already (most needs are those)
        for req in needs:
            if type(req) is SkillReq:
                if level_of(req.skill, 0) >= req.level:
                    holding += 1
                else:
                    on_skill.setdefault(req.skill, []).append((req.level, root))
            elif type(req) is CredentialReq:
                if req.credential in held:
                    holding += 1
                else:
                    on_credential.setdefault(req.credential, []).append(root)
            else:
                stack.append((req, root))
        have.append(holding)
        if holding == len(needs):
            ready.append(i)
        while stack:
            req, up = stack.pop()
            if isinstance(req, SkillReq):
                if level_of(req.skill, 0) >= req.level:
                    met.append(up)
                else:
                    on_skill.setdefault(req.skill, []).append((req.level, up))
            elif isinstance(req, CredentialReq):
                if req.credential in held:
                    met.append(up)
                else:
                    on_credential.setdefault(req.credential, []).append(up)
            elif isinstance(req, (AllOf, AnyOf, NOf)):
                group = len(need)
                count = req.n if isinstance(req, NOf) else 1 if isinstance(req, AnyOf) else len(req.items)
                need.append(count)
                have.append(0)
                parent.append(up)
                if count <= 0:  # n_of 0 (or all_of nothing): holds as it is
                    have[group] = count - 1
                    met.append(group)
                stack.extend((item, group) for item in req.items)
            elif holds(req, state):  # experience, education
                met.append(up)
    while True:  # count what holds, take what is ready, again until nothing is
        _count(met, need, have, parent, ready)
        if not ready:
            return got, state
        while ready:
            cred = waiting[ready.pop()]
            cid = cred.id
            if cid in held:
                continue
            got.add(cid)
            held.add(cid)
            met.extend(on_credential.get(cid, ()))
            for grant in cred.grants:
                skill, level = grant.skill, grant.level
                before = level_of(skill, 0)
                if level > before:
                    skills[skill] = level
                    for asked, group in on_skill.get(skill, ()):
                        if before < asked <= level:
                            met.append(group)


def _count(met: list[int], need: list[int], have: list[int], parent: list[int], ready: list[int]) -> None:
    """Count one more item holding in each group of `met` (emptied); a group that reaches what it
    needs counts for its parent in turn, and a credential whose needs all hold is `ready`."""
    while met:
        group = met.pop()
        while True:
            have[group] += 1
            if have[group] != need[group]:
                break
            group = parent[group]
            if group < 0:
                ready.append(-1 - group)
                break


def has_prerequisite_cycle(deps: Dependents) -> bool:
    """Whether credentials form a cycle through `requires` and `part_of` edges (iterative DFS:
    a node met again while still on the path closes a cycle)."""
    succ: dict[str, list[str]] = {}
    for node, targets in deps.items():
        if node.startswith("credential:"):
            succ[node] = [cred_node(c) for c, kind in targets.items() if kind in ("requires", "part_of")]
    done: set[str] = set()
    for root, first in succ.items():
        if root in done:
            continue
        on_path = {root}
        stack = [(root, iter(first))]
        while stack:
            node, children = stack[-1]
            for child in children:
                if child in on_path:
                    return True
                if child not in done and child in succ:
                    on_path.add(child)
                    stack.append((child, iter(succ[child])))
                    break
            else:
                stack.pop()
                on_path.discard(node)
                done.add(node)
    return False

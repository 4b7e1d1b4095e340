"""Taking a set of credentials in order: reachability by a worklist, and the teaching order.

Both walk the same way: a credential waits until its `requires` hold; taking one
re-checks only the credentials that wait on what it granted (its id and the
skills it raised), so a chain of n prerequisites costs O(n), not O(n^2).

The teaching order (part of the solution; `teaching_order`), among the
credentials whose `requires` hold, takes first:

1. one whose `recommends` are met, or cannot be met by another credential still
   to come (a credential recommended by another on the pathway comes first);
2. then beginner before intermediate before advanced (no level: intermediate);
3. then foundations first: the lower the highest skill level it grants;
4. then the smaller id.

Stacks are earned as soon as their `awarded_for` holds; they are not steps.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from skillstack.model import AllOf, AnyOf, Credential, CredentialReq, NOf, Requirement, SkillReq

LEVEL_RANK = {"beginner": 0, "intermediate": 1, "advanced": 2}


class Learner:
    """What the order needs to know about a learner: `holds(req)` and `take(cred)`
    (which returns the skills whose level went up)."""

    def holds(self, req: Requirement) -> bool:
        raise NotImplementedError

    def take(self, cred: Credential) -> Iterable[str]:
        raise NotImplementedError


def _watch_keys(reqs: Iterable[Requirement]) -> set[str]:
    """The skills ('s:' + id) and credentials ('c:' + id) whose change can flip `reqs`."""
    out: set[str] = set()
    todo = list(reqs)
    while todo:
        req = todo.pop()
        if isinstance(req, SkillReq):
            out.add("s:" + req.skill)
        elif isinstance(req, CredentialReq):
            out.add("c:" + req.credential)
        elif isinstance(req, (AllOf, AnyOf, NOf)):
            todo.extend(req.items)
    return out


@dataclass
class Walk:
    """Take credentials in order while any can be taken; `next_key` picks among those ready."""

    learner: Learner
    stacks: Sequence[Credential] = ()
    watchers: dict[str, list[int]] = field(default_factory=dict)

    def run(self, creds: Sequence[Credential], priority: Callable[[int], tuple[object, ...]] | None = None,
            on_take: Callable[[int, list[Credential]], None] | None = None,
            changed: Callable[[set[str]], Iterable[int]] | None = None) -> list[int]:
        """Indices of `creds` in the order taken; those never ready are left out.

        `priority(i)` orders the ready ones (smallest first; default: index);
        `changed(keys)` names more indices whose priority may have changed.
        """
        key = priority or (lambda i: (i,))
        for i, cred in enumerate(creds):
            for k in _watch_keys(cred.needs):
                self.watchers.setdefault(k, []).append(i)
        stack_watch: dict[str, list[Credential]] = {}
        for stack in self.stacks:
            for k in _watch_keys(stack.needs):
                stack_watch.setdefault(k, []).append(stack)
        done = [False] * len(creds)
        version = [0] * len(creds)
        heap: list[tuple[tuple[object, ...], int, int]] = []

        def offer(i: int) -> None:
            if not done[i] and all(self.learner.holds(r) for r in creds[i].needs):
                version[i] += 1
                heapq.heappush(heap, (key(i), version[i], i))

        for i in range(len(creds)):
            offer(i)
        order: list[int] = []
        while heap:
            _, ver, i = heapq.heappop(heap)
            if done[i] or ver != version[i]:
                continue
            done[i] = True
            order.append(i)
            keys = {"c:" + creds[i].id, *("s:" + s for s in self.learner.take(creds[i]))}
            earned = self._earn(keys, stack_watch)
            if on_take is not None:
                on_take(i, earned)
            again = {j for k in keys for j in self.watchers.get(k, ()) if not done[j]}
            if changed is not None:
                again.update(j for j in changed(keys) if not done[j])
            for j in sorted(again):
                offer(j)
        return order

    def _earn(self, keys: set[str], stack_watch: dict[str, list[Credential]]) -> list[Credential]:
        """Earn the stacks that `keys` completes (adding what they change to `keys`)."""
        earned: list[Credential] = []
        todo = set(keys)
        got: set[str] = set()
        while todo:
            k = todo.pop()
            for stack in stack_watch.get(k, ()):
                if stack.id in got or self.learner.holds(CredentialReq(stack.id)):
                    continue
                if stack.awarded_for is not None and self.learner.holds(stack.awarded_for):
                    got.add(stack.id)
                    earned.append(stack)
                    more = {"c:" + stack.id, *("s:" + s for s in self.learner.take(stack))}
                    todo |= more
                    keys |= more
        return earned


def reach(learner: Learner, creds: Sequence[Credential], stacks: Sequence[Credential] = ()) -> list[int]:
    """Indices of the credentials some order can take (all others being taken too), in one such order."""
    return Walk(learner, stacks).run(creds)


def teaching_key(cred: Credential) -> tuple[int, int, str]:
    top = max((int(g.level) for g in cred.grants), default=0)
    return LEVEL_RANK.get(cred.level, 1), top, cred.id


def teaching_order(learner: Learner, creds: Sequence[Credential], stacks: Sequence[Credential] = (),
                   on_take: Callable[[Credential, list[Credential]], None] | None = None) -> list[Credential]:
    """The credentials of a pathway in teaching order (module docstring); those never ready
    are left out. `on_take(cred, stacks earned)` follows each step."""
    creds = sorted(creds, key=lambda c: c.id)
    advised = [i for i, cred in enumerate(creds) if cred.recommends]
    taken = [False] * len(creds)

    def waiting(i: int) -> int:
        """1 while another credential still to come can meet an unmet recommendation of creds[i]."""
        cred = creds[i]
        for req in cred.recommends:
            if not learner.holds(req) and any(not taken[j] and j != i and helps(creds[j], req)
                                              for j in range(len(creds))):
                return 1
        return 0

    def priority(i: int) -> tuple[object, ...]:
        return (waiting(i), *teaching_key(creds[i]))

    def changed(keys: set[str]) -> list[int]:
        return advised  # whether one waits can change with any step taken

    def taking(i: int, earned: list[Credential]) -> None:
        taken[i] = True
        if on_take is not None:
            on_take(creds[i], earned)

    return [creds[i] for i in Walk(learner, stacks).run(creds, priority, taking, changed)]


def helps(cred: Credential, req: Requirement) -> bool:
    """Whether taking `cred` meets a leaf of `req` (it is the credential, or grants the skill at the level)."""
    todo = [req]
    while todo:
        item = todo.pop()
        if isinstance(item, CredentialReq) and item.credential == cred.id:
            return True
        if isinstance(item, SkillReq) and any(g.skill == item.skill and g.level >= item.level for g in cred.grants):
            return True
        if isinstance(item, (AllOf, AnyOf, NOf)):
            todo.extend(item.items)
    return False

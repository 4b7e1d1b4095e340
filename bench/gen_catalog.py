"""Generate a synthetic catalog in the SPEC section 1 format, for benchmarks.

Usage: python bench/gen_catalog.py SIZE OUTDIR      (SIZE: small | medium | large)

    size     credentials  skills  roles
    small            200     400     30
    medium         5,000  10,000  1,000
    large         50,000  30,000  3,000
    xlarge       200,000 120,000 12,000

The output is deterministic (seeded) and valid: no errors and, by construction,
no warnings from `skillstack validate` (as of 2026-11 and until 2027-10-01,
when `last_reviewed: 2026-10-01` turns stale). Its shape imitates a real catalog:

- skills belong to one of ten domains and, inside it, to a specialty (about
  one per 100 credentials, e.g. "kubernetes operations" in cloud); 6% are
  general skills of their domain (like SQL in data). Some skills are far more
  popular than others (Zipf-like weights), so a few have many granters;
- each credential belongs to a specialty and grants 2-6 skills (75% from its
  specialty, the rest general skills or, rarely, another specialty's) at
  levels 1-4, higher levels rarer (45/32/16/7%); ~2% are stacked credentials
  (kind `program`, `awarded_for: all_of` 2-3 earlier parts, cost 0, hours 0,
  granting a level more of some of their parts' skills);
- each credential has 0-3 `requires` items (75% none, 15% one, 7% two, 3%
  three; the shipped catalog has 88% none) mixing `{skill, level}`,
  `{credential}`, `{experience, years}`, `any_of` and `n_of` groups, mostly
  within its specialty. Every skill requirement asks for a level an earlier
  credential grants and every credential reference points at an earlier
  credential, so there are no cycles and everything can be earned from
  scratch (experience counted as met). Prerequisite chains are at most
  MAX_DEPTH (4) deep, counting each skill requirement as deep as its
  shallowest granter;
- pricing: about half of the professional certificates and courses taken on a
  subscription platform (Coursera, Udacity, LinkedIn Learning) cost
  `{subscription: {monthly, provider}}` instead of an amount; 30% of the
  industry certifications carry a 50% voucher for a later exam of the same
  issuer (`discounts: [{percent: 50, after: {issuer}}]`). These choices draw
  from a separate random stream, so the rest of the catalog is unchanged;
- lifecycle: about 3% of the credentials are retired (`status: retired`, a
  past `retires` date, `superseded_by` an active credential of the same
  specialty) and nothing requires, stacks or expects them; about 2% are
  retiring (`status: retiring`, a `retires` date in 2027);
- education: about 30% of the gated industry certifications read like the
  PMP's rule (`any_of` a bachelor's degree and 3 years, or a secondary diploma
  and 5 years of experience); a quarter of those read like RHIT's instead (an
  associate degree in the field from an accredited program, or a bachelor's
  and the years: `{education: associate, field, accredited: true}`);
- each role requires 5-12 skills (essential / important / optional; 70% from
  one specialty, the rest general skills of its domain or another specialty)
  at levels that a credential with at most one requirement and no experience
  gate grants, so every role is reachable from scratch;
- roles have a seniority (`level` entry / mid / senior, from the title) linked by
  `previous` / `next` to the latest role one level down in the same specialty;
  senior roles expect 3 or 5 years of experience in their domain, 40% of mid
  roles 1-2 years; 30% expect a bachelor's degree; 60% name 1-2 expected
  credentials (one id or an `any_of` of 2-3 ids; essential / important /
  optional 35/40/25) among the active credentials of their specialty that have
  at most one requirement and no experience or education gate, each with a
  `source`. These draws use their own random stream too. A third stream
  reshapes some of those items: 20% become `n_of: 2` of three credentials, 15%
  a mixed group (`any_of` one credential or `all_of` two others); and 30% of
  the roles' education items name a field of study.

Text is written directly (flow-style items, like the shipped catalog), which is
much faster than a YAML dumper.
"""

from __future__ import annotations

import bisect
import itertools
import json
import math
import random
import sys
from pathlib import Path

SIZES = {
    #        credentials, skills, roles
    "small": (200, 400, 30),
    "medium": (5_000, 10_000, 1_000),
    "large": (50_000, 30_000, 3_000),
    "xlarge": (200_000, 120_000, 12_000),  # the warm-plan goal of issue 15 at 200k credentials
}
CREDS_PER_FILE = 1_000
SKILLS_PER_FILE = 2_000
ROLES_PER_FILE = 500
SEED = 20261201
MAX_DEPTH = 4  # longest prerequisite chain: a credential needs at most 4 others taken one after another
INF = 1 << 30
GENERAL_SHARE = 0.06  # skills used across a domain's specialties (e.g. SQL in data)

DOMAINS = ["data", "cloud", "security", "software", "it-support", "marketing", "ux", "project-management",
           "ai-ml", "healthcare-it"]
DOMAIN_LABEL = {"data": "Data", "cloud": "Cloud", "security": "Security", "software": "Software",
                "it-support": "IT Support", "marketing": "Marketing", "ux": "UX",
                "project-management": "Project Management", "ai-ml": "AI/ML", "healthcare-it": "Healthcare IT"}
FIELD = {d: f"{label} studies" for d, label in DOMAIN_LABEL.items()}  # a field of study per domain
KINDS = [("course", 30), ("professional-certificate", 30), ("digital-badge", 20), ("industry-certification", 20)]
KIND_LABEL = {"course": "Course", "professional-certificate": "Professional Certificate",
              "digital-badge": "Badge", "industry-certification": "Certification"}
FORMATS = ["online-self-paced", "online-instructor-led", "in-person", "hybrid", "exam-only"]
VERIFICATIONS = ["credly", "open-badges", "issuer-registry", "none"]
PROVIDERS = ["Coursera", "edX", "Udacity", "LinkedIn Learning", "Pearson VUE", ""]
# Subscription platforms and their monthly price: about half of their professional
# certificates and courses are priced per month from the learner's pace.
SUBSCRIPTIONS = {"Coursera": 49, "Udacity": 249, "LinkedIn Learning": 40}
SUBSCRIPTION_SHARE = 0.5
VOUCHER_SHARE = 0.3  # industry certifications whose issuer gives a voucher for its next exam
RETIRED_SHARE = 0.03  # credentials retired, with a successor
RETIRING_SHARE = 0.02  # credentials retiring in 2027
EDUCATION_SHARE = 0.3  # gated industry certifications whose gate reads like the PMP's
ACCREDITED_SHARE = 0.25  # ... of which read like RHIT's (an accredited associate degree in the field)
EXPECT_SHAPES = (0.2, 0.35)  # expected-credential items below the first: n_of; below the second: mixed
ROLE_FIELD_SHARE = 0.3  # roles' education items that name a field of study
EXPECTS_SHARE = 0.6  # roles naming expected credentials
EXPECT_IMPORTANCE = (["essential", "important", "optional"], [35, 40, 25])
ROLE_LEVEL = ["entry", "entry", "mid", "senior", "senior"]  # by the title's seniority word
POSTINGS = "synthetic: share of generated job postings naming it"
GRANT_LEVELS = ([1, 2, 3, 4], [45, 32, 16, 7])  # higher levels rarer
# Calibrated loosely on the shipped catalog, where 88% of credentials enforce nothing and
# prerequisites are mostly experience or another credential, rarely a skill level.
REQ_COUNT = ([0, 1, 2, 3], [75, 15, 7, 3])
REQ_KIND = (["skill", "credential", "experience", "any_of", "n_of"], [22, 30, 20, 17, 11])
ATOM_WEIGHT = {"skill": 4, "credential": 4, "experience": 2}  # inside any_of / n_of
IMPORTANCE = (["essential", "important", "optional"], [50, 30, 20])
LEVEL_NAMES = {1: "foundational", 2: "intermediate", 3: "advanced", 4: "expert"}

SYLLABLES = ["al", "ben", "cor", "da", "el", "fen", "gor", "hal", "ix", "jun", "kel", "lum", "mar", "nov", "or",
             "pra", "qua", "ros", "sil", "tor", "ul", "ven", "wex", "yor", "zan"]
NOUNS = ["Analysis", "Modeling", "Design", "Operations", "Security", "Automation", "Reporting", "Testing",
         "Architecture", "Governance", "Integration", "Monitoring", "Optimization", "Strategy", "Administration"]


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text)


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def level_text(rng: random.Random, level: int) -> str:
    """Levels are written as a number or, now and then, as a name (both are accepted)."""
    return LEVEL_NAMES[level] if rng.random() < 0.1 else str(level)


def low_level(rng: random.Random, best: int) -> int:
    """A level from 1 to `best`, lower levels likelier."""
    return rng.choices(range(1, best + 1), weights=[2 ** (best - lv) for lv in range(1, best + 1)])[0]


class Weighted:
    """Zipf-like weighted choice over a fixed list, O(log n) per draw."""

    def __init__(self, items: list[str], rng: random.Random, exponent: float = 0.9) -> None:
        self.items = items
        ranks = list(range(len(items)))
        rng.shuffle(ranks)
        self.cum = list(itertools.accumulate(1.0 / (r + 1) ** exponent for r in ranks))

    def pick(self, rng: random.Random) -> str:
        return self.items[bisect.bisect_left(self.cum, rng.random() * self.cum[-1])]


class Growing:
    """A list that grows, with uniform choice (for 'granted so far' pools)."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.seen: set[str] = set()

    def add(self, item: str) -> None:
        if item not in self.seen:
            self.seen.add(item)
            self.items.append(item)

    def pick(self, rng: random.Random, recent: float = 0.0) -> str | None:
        if not self.items:
            return None
        if recent and rng.random() < recent:  # favour recently added: chains of prerequisites
            lo = max(0, len(self.items) - 200)
            return self.items[rng.randrange(lo, len(self.items))]
        return self.items[rng.randrange(len(self.items))]


def generate(size: str, outdir: Path, seed: int = SEED) -> dict[str, int]:
    n_creds, n_skills, n_roles = SIZES[size]
    rng = random.Random(f"{seed}:{size}")
    prices = random.Random(f"{seed}:{size}:pricing")  # subscriptions and vouchers only
    model = random.Random(f"{seed}:{size}:model")  # lifecycle, education, seniority, expected credentials
    shapes = random.Random(f"{seed}:{size}:shapes")  # n_of and mixed expected items, fields of study
    outdir.mkdir(parents=True, exist_ok=True)
    for old in outdir.glob("*.yaml"):
        old.unlink()
    for sub in ("skills", "credentials", "roles"):
        (outdir / sub).mkdir(exist_ok=True)
        for old in (outdir / sub).glob("*.yaml"):
            old.unlink()

    (outdir / "catalog.yaml").write_text(
        "catalog:\n"
        f"  name: {q(f'skillstack benchmark catalog ({size})')}\n"
        f"  version: {q(f'bench-{seed}')}\n"
        "  license: CC0-1.0\n"
        "  sources: [https://example.org/skillstack/bench]\n"
        "  description: Generated by bench/gen_catalog.py; synthetic data, not real credentials.\n",
        encoding="utf-8")

    # ---- skills ----------------------------------------------------------
    # specialties: clusters of skills inside a domain (~1 per 100 credentials), like "kubernetes
    # operations" inside cloud; a few skills per domain are general (used across its specialties)
    n_clusters = max(len(DOMAINS), n_creds // 100)
    cl_domain = [DOMAINS[c % len(DOMAINS)] for c in range(n_clusters)]
    clusters_of = {d: [c for c in range(n_clusters) if cl_domain[c] == d] for d in DOMAINS}
    skills_by_domain: dict[str, list[str]] = {d: [] for d in DOMAINS}
    skills_by_cluster: list[list[str]] = [[] for _ in range(n_clusters)]
    general_by_domain: dict[str, list[str]] = {d: [] for d in DOMAINS}
    skill_domain: dict[str, str] = {}
    skill_cluster: dict[str, int] = {}  # -1: a general skill of its domain
    skill_lines: list[list[str]] = []
    width = len(str(n_skills))
    for i in range(n_skills):
        domain = DOMAINS[i % len(DOMAINS)] if rng.random() < 0.9 else rng.choice(DOMAINS)
        sid = f"sk-{domain}-{i:0{width}d}"
        skills_by_domain[domain].append(sid)
        skill_domain[sid] = domain
        if rng.random() < GENERAL_SHARE:
            general_by_domain[domain].append(sid)
            skill_cluster[sid] = -1
        else:
            cluster = rng.choice(clusters_of[domain])
            skills_by_cluster[cluster].append(sid)
            skill_cluster[sid] = cluster
        w1, noun = word(rng), rng.choice(NOUNS)
        lines = [f"  - id: {sid}", f"    name: {q(f'{w1} {noun} {i}')}"]
        if rng.random() < 0.3:
            lines.append(f"    aliases: [{q(f'{w1.lower()}-{noun.lower()} no. {i}')}]")
        lines.append(f"    domain: {domain}")
        lines.append(f"    description: {q(f'{noun} with {w1} in {DOMAIN_LABEL[domain]}.')}")
        # a taxonomy tree: point at an earlier skill of the same domain
        earlier = skills_by_domain[domain][:-1]
        if earlier and rng.random() < 0.4:
            lines.append(f"    broader: {earlier[rng.randrange(max(0, len(earlier) - 50), len(earlier))]}")
        if rng.random() < 0.1:
            lines.append(f"    esco: http://data.europa.eu/esco/skill/bench-{i}")
        skill_lines.append(lines)
    _write_chunks(outdir / "skills", "skills", "skills", skill_lines, SKILLS_PER_FILE)

    in_domain = {d: Weighted(skills_by_domain[d], rng) for d in DOMAINS}
    in_cluster = [Weighted(v or skills_by_domain[cl_domain[c]], rng) for c, v in enumerate(skills_by_cluster)]
    general = {d: Weighted(general_by_domain[d] or skills_by_domain[d], rng) for d in DOMAINS}
    all_general = Weighted([s for d in DOMAINS for s in general_by_domain[d]] or list(skill_domain), rng)

    def grant_skill(cluster: int) -> str:
        domain = cl_domain[cluster]
        r = rng.random()
        if r < 0.75:
            return in_cluster[cluster].pick(rng)
        if r < 0.92:
            return general[domain].pick(rng)
        if r < 0.97:
            return all_general.pick(rng)
        return in_domain[domain].pick(rng)  # now and then a skill of another specialty

    # ---- credentials -------------------------------------------------------
    issuers = {d: [f"{word(rng)} {rng.choice(['Institute', 'Academy', 'Labs', 'Systems', 'University', 'Council'])}"
                   for _ in range(max(3, n_creds // 250))] for d in DOMAINS}
    granted = {d: Growing() for d in DOMAINS}  # skills granted so far, by domain
    granted_cl = [Growing() for _ in range(n_clusters)]  # ... by specialty
    granted_gen = {d: Growing() for d in DOMAINS}  # ... general skills, by domain
    creds_so_far = {d: Growing() for d in DOMAINS}  # non-stack credential ids so far, by domain
    creds_cl = [Growing() for _ in range(n_clusters)]  # ... by specialty
    any_creds = Growing()
    easy_best: dict[str, int] = {}  # best level granted by credentials with <= 1 requirement, no experience gate
    cred_grants: dict[str, list[tuple[str, int]]] = {}
    cred_lines: list[list[str]] = []
    cwidth = len(str(n_creds))
    stacks = 0
    retired: list[tuple[int, int, str]] = []  # (line list index, cluster, id) of retired and retiring ones
    active_cl: list[list[str]] = [[] for _ in range(n_clusters)]  # active non-stack credentials, by specialty
    easy_creds_cl: list[list[str]] = [[] for _ in range(n_clusters)]  # ... with <= 1 requirement, no gate
    lifecycle_counts = {"retired": 0, "retiring": 0, "education": 0, "accredited": 0, "n_of expected": 0,
                        "mixed expected": 0}

    # Prerequisite depth: 0 for a credential with no requirements, else 1 + the deepest thing its
    # requirements lean on (a skill at a level counts as deep as its shallowest granter). Real
    # chains are short (A+ -> Network+ -> Security+ -> CySA+ -> CASP+), so depth is capped.
    cdepth: dict[str, int] = {}
    sdepth: dict[str, list[int]] = {}  # skill -> [_, depth of the shallowest granter at >= 1, >= 2, >= 3, >= 4]
    atom_cap = MAX_DEPTH - 1

    def skill_atom(cluster: int) -> tuple[str, int] | None:
        for _ in range(4):
            r = rng.random()
            pool = (granted_cl[cluster] if r < 0.8 else granted_gen[cl_domain[cluster]] if r < 0.95
                    else granted[cl_domain[cluster]] if r < 0.99 else granted[rng.choice(DOMAINS)])
            sid = pool.pick(rng, recent=0.2)
            if sid is None:
                return None
            depths = sdepth[sid]
            top = max((lv for lv in range(1, 5) if depths[lv] <= atom_cap), default=0)
            if top:
                lv = low_level(rng, top)
                if lv == 1 and rng.random() < 0.3:
                    return f"{{skill: {sid}}}", depths[1]  # level defaults to 1
                return f"{{skill: {sid}, level: {level_text(rng, lv)}}}", depths[lv]
        return None

    def cred_atom(cluster: int) -> tuple[str, int] | None:
        for _ in range(4):
            r = rng.random()
            pool = creds_cl[cluster] if r < 0.85 else creds_so_far[cl_domain[cluster]] if r < 0.98 else any_creds
            cid = pool.pick(rng, recent=0.3)
            if cid is None:
                return None
            if cdepth[cid] <= atom_cap:
                return f"{{credential: {cid}}}", cdepth[cid]
        return None

    def exp_atom(cluster: int) -> tuple[str, int]:
        return f"{{experience: {cl_domain[cluster]}, years: {rng.choice([1, 1, 2, 2, 3, 5])}}}", 0

    def atom(cluster: int, kinds: tuple[str, ...] = ("skill", "credential", "experience")) -> tuple[str, int] | None:
        kind = rng.choices(kinds, weights=[ATOM_WEIGHT[k] for k in kinds])[0]
        if kind == "skill":
            return skill_atom(cluster)
        if kind == "credential":
            return cred_atom(cluster)
        return exp_atom(cluster)

    def requirement(cluster: int) -> tuple[str | None, int, bool]:
        """One top-level requirement: YAML text, depth, and whether it is an experience gate."""
        kind = rng.choices(*REQ_KIND)[0]
        if kind in ("skill", "credential", "experience"):
            got = {"skill": skill_atom, "credential": cred_atom, "experience": exp_atom}[kind](cluster)
            return (got[0], got[1], kind == "experience") if got else (None, 0, False)
        if kind == "any_of":
            found = [a for a in (atom(cluster) for _ in range(rng.randint(2, 3))) if a]
        else:
            found = [a for a in (atom(cluster, ("skill", "credential")) for _ in range(rng.randint(3, 4))) if a]
        items = dict(found)  # text -> depth, de-duplicated
        depth = max(items.values(), default=0)
        if len(items) < 2:
            text = next(iter(items), None)
            return text, depth, bool(text and text.startswith("{experience"))
        listed = ", ".join(items)
        if kind == "any_of":
            return f"any_of: [{listed}]", depth, False
        return f"n_of: {rng.randint(1, len(items) - 1)}\n        from: [{listed}]", depth, False

    def common_fields(cid: str, kind: str, domain: str) -> tuple[list[str], str, str]:
        issuer = rng.choice(issuers[domain])
        name = f"{issuer} {DOMAIN_LABEL[domain]} {word(rng)} {KIND_LABEL.get(kind, 'Program')} {cid.rsplit('-', 1)[1]}"
        lines = [f"  - id: {cid}", f"    name: {q(name)}", f"    issuer: {q(issuer)}"]
        provider = rng.choice(PROVIDERS)
        if provider:
            lines.append(f"    provider: {q(provider)}")
        lines.append(f"    kind: {kind}")
        lines.append(f"    url: https://example.org/{domain}/{cid}")
        return lines, issuer, provider

    for i in range(n_creds):
        cluster = rng.randrange(n_clusters)
        domain = cl_domain[cluster]
        is_stack = i >= 20 and rng.random() < 0.02 and len(creds_so_far[domain].items) >= 3
        cid = f"cr-{domain}-{i:0{cwidth}d}"
        if is_stack:
            stacks += 1
            pool = creds_cl[cluster].items if len(creds_cl[cluster].items) >= 3 else creds_so_far[domain].items
            window = pool[max(0, len(pool) - 300):]
            parts = rng.sample(window, min(len(window), rng.randint(2, 3)))
            depth = 1 + max(cdepth[p] for p in parts)
            lines, _, _ = common_fields(cid, "program", domain)
            lines += ["    cost: 0", "    hours: 0", "    level: advanced", "    format: online-self-paced"]
            # a program certifies a step up on some of what its parts teach
            part_grants = list(dict.fromkeys((s, lv) for p in parts for s, lv in cred_grants[p]))
            picked = rng.sample(part_grants, min(len(part_grants), rng.randint(2, 4)))
            grants = list({s: min(4, lv + 1) for s, lv in picked}.items())
            lines.append("    grants:")
            lines += [f"      - {{skill: {s}, level: {level_text(rng, lv)}}}" for s, lv in grants]
            lines.append("    awarded_for:")
            lines.append(f"      all_of: [{', '.join(f'{{credential: {p}}}' for p in parts)}]")
            if rng.random() < 0.5:
                lines.append(f"    credit: [{{toward: {q(f'MS {DOMAIN_LABEL[domain]}, Example University')}, "
                             f"credits: {rng.choice([6, 9, 12])}}}]")
            lines.append("    verification: issuer-registry")
        else:
            kind = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]
            n_grants = rng.randint(2, 6)
            grants = {}
            while len(grants) < n_grants:
                sid = grant_skill(cluster)
                grants.setdefault(sid, rng.choices(*GRANT_LEVELS)[0])
            reqs: list[str] = []
            gated = False
            depth = 0
            for _ in range(rng.choices(*REQ_COUNT)[0]):
                text, req_depth, exp = requirement(cluster)
                if text and text not in reqs:
                    reqs.append(text)
                    gated |= exp
                    depth = max(depth, req_depth + 1)
            if gated and kind == "industry-certification" and model.random() < EDUCATION_SHARE:
                years = model.choice([2, 3])
                reqs = [r for r in reqs if not r.startswith("{experience")]
                bachelor = f"{{all_of: [{{education: bachelor}}, {{experience: {domain}, years: {years}}}]}}"
                if shapes.random() < ACCREDITED_SHARE:  # like RHIT: an accredited degree in the field
                    reqs.append(f"any_of: [{{education: associate, field: {q(FIELD[domain])}, accredited: true}}, "
                                f"{bachelor}]")
                    lifecycle_counts["accredited"] += 1
                else:  # like the PMP
                    reqs.append(f"any_of: [{bachelor}, "
                                f"{{all_of: [{{education: high-school}}, {{experience: {domain}, years: {years + 2}}}]}}]")
                depth = max(depth, 1)
                lifecycle_counts["education"] += 1
            fate = model.random()
            is_retired = i >= 100 and fate < RETIRED_SHARE
            is_retiring = RETIRED_SHARE <= fate < RETIRED_SHARE + RETIRING_SHARE
            top = max(grants.values())
            hours = max(2, round(math.exp(rng.gauss(3.3, 0.9)) * (1 + 0.4 * top)))
            hours = min(hours, 800)
            base = {"digital-badge": 30, "course": 60, "professional-certificate": 250, "industry-certification": 350}
            cost = max(5, round(base[kind] * math.exp(rng.gauss(0, 0.7)) * (1 + 0.3 * top)))
            lines, issuer, provider = common_fields(cid, kind, domain)
            if is_retired:  # the successor is named once the specialty's later credentials exist
                retired.append((len(cred_lines), cluster, cid))
                lines.insert(-1, "    status: retired")
                lines.insert(-1, "    retires: 2026-06-30")
                lifecycle_counts["retired"] += 1
            elif is_retiring:
                retired.append((len(cred_lines), cluster, cid))
                lines.insert(-1, "    status: retiring")
                lines.insert(-1, f"    retires: 2027-{model.randint(3, 12):02d}-28")
                lifecycle_counts["retiring"] += 1
            plain = rng.random() < 0.15  # drawn for every credential, so the main stream stays as it was
            if (provider in SUBSCRIPTIONS and kind in ("professional-certificate", "course")
                    and prices.random() < SUBSCRIPTION_SHARE):
                lines.append(f"    cost: {{subscription: {{monthly: {SUBSCRIPTIONS[provider]}, "
                             f"provider: {q(provider.lower())}}}}}")
            elif plain:
                lines.append(f"    cost: {{amount: {cost}, currency: USD, note: {q('list price, one attempt')}}}")
            else:
                lines.append(f"    cost: {cost}")
            if kind == "industry-certification" and prices.random() < VOUCHER_SHARE:
                lines.append(f"    discounts: [{{percent: 50, after: {{issuer: {q(issuer)}}}, "
                             f"note: {q('voucher for the next exam after a pass')}}}]")
            lines.append(f"    hours: {hours}")
            typical = sorted(grants.values())[len(grants) // 2]
            lines.append(f"    level: {['beginner', 'beginner', 'intermediate', 'advanced', 'advanced'][typical]}")
            lines.append(f"    format: {rng.choice(FORMATS)}")
            lines.append("    grants:")
            lines += [f"      - {{skill: {s}, level: {level_text(rng, lv)}}}" for s, lv in grants.items()]
            if reqs:
                lines.append("    requires:")
                lines += [f"      - {r}" for r in reqs]
            if rng.random() < 0.15:
                rec = skill_atom(cluster)
                if rec and rec[0] not in reqs:  # (recommending what it requires says nothing)
                    lines.append(f"    recommends: [{rec[0]}]")
            if kind == "industry-certification":
                lines.append(f"    validity_years: {rng.choice([2, 3, 3, 5])}")
                lines.append(f"    renewal: {q('continuing education units or retake')}")
                if rng.random() < 0.4:
                    lines.append("    accreditation: [ANSI/ISO/IEC 17024]")
            lines.append(f"    verification: {rng.choice(VERIFICATIONS)}")
            if not is_retired:  # nothing may lean on a retired credential
                if len(reqs) <= 1 and not gated:
                    for s, lv in grants.items():
                        if lv > easy_best.get(s, 0):
                            easy_best[s] = lv
                    easy_creds_cl[cluster].append(cid)
                creds_so_far[domain].add(cid)
                creds_cl[cluster].add(cid)
                any_creds.add(cid)
                active_cl[cluster].append(cid)
        lines.append("    last_reviewed: 2026-10-01")
        lines.append(f"    sources: [https://example.org/{domain}/{cid}, https://registry.example.org/{cid}]")
        if rng.random() < 0.05:
            lines.append(f"    x-note: {q('synthetic entry for benchmarks')}")
        cred_lines.append(lines)
        cred_grants[cid] = list(grants.items()) if isinstance(grants, dict) else grants
        cdepth[cid] = depth
        if not is_stack and is_retired:
            continue
        for s, lv in cred_grants[cid]:
            granted[skill_domain[s]].add(s)
            if skill_cluster[s] >= 0:
                granted_cl[skill_cluster[s]].add(s)
            else:
                granted_gen[skill_domain[s]].add(s)
            depths = sdepth.setdefault(s, [0, INF, INF, INF, INF])
            for at in range(1, lv + 1):
                depths[at] = min(depths[at], depth)
    # a retired or retiring credential's successor: the next active credential of its specialty
    # (else the last other one, else any other active credential of its domain)
    for at, cluster, cid in retired:
        pool = [c for c in active_cl[cluster] if c != cid]
        later = [c for c in pool if c > cid]
        successor = (later[0] if later else pool[-1] if pool
                     else next(c for c in reversed(creds_so_far[cl_domain[cluster]].items) if c != cid))
        lines = cred_lines[at]
        lines.insert(next(n for n, x in enumerate(lines) if x.startswith("    retires:")) + 1,
                     f"    superseded_by: {successor}")
    _write_chunks(outdir / "credentials", "credentials", "credentials", cred_lines, CREDS_PER_FILE)

    # ---- roles ---------------------------------------------------------------
    easy_cl: list[list[str]] = [[] for _ in range(n_clusters)]
    easy_general: dict[str, list[str]] = {d: [] for d in DOMAINS}
    for sid in sorted(easy_best):
        if skill_cluster[sid] >= 0:
            easy_cl[skill_cluster[sid]].append(sid)
        else:
            easy_general[skill_domain[sid]].append(sid)
    role_clusters = [c for c in range(n_clusters) if len(easy_cl[c]) >= 8]
    easy_in_cl = {c: Weighted(easy_cl[c], rng) for c in role_clusters}
    easy_gen = {d: Weighted(v, rng) for d, v in easy_general.items() if v}
    role_lines: list[list[str]] = []
    rwidth = len(str(n_roles))
    seniority = ["Junior", "Associate", "", "Senior", "Lead"]
    latest: dict[tuple[int, str], str] = {}  # (specialty, level) -> the latest role there
    nexts: dict[str, list[str]] = {}  # role -> the roles that name it `previous`
    at_line: dict[str, int] = {}
    certs = {"industry-certification", "professional-certificate"}
    kind_of = {lines[0].split(": ", 1)[1]: next(x for x in lines if x.startswith("    kind:")).split(": ", 1)[1]
               for lines in cred_lines}
    for i in range(n_roles):
        cluster = rng.choice(role_clusters)
        domain = cl_domain[cluster]
        rid = f"ro-{domain}-{i:0{rwidth}d}"
        senior = rng.choices(range(5), weights=[25, 25, 25, 15, 10])[0]
        title = " ".join(x for x in (seniority[senior], DOMAIN_LABEL[domain], word(rng),
                                     rng.choice(["Analyst", "Engineer", "Specialist", "Manager", "Administrator"]),
                                     str(i)) if x)
        wanted: dict[str, tuple[int, str]] = {}
        n_need = rng.randint(5, 12)
        while len(wanted) < n_need:
            r = rng.random()
            if r < 0.7 or not easy_gen:
                sid = easy_in_cl[cluster].pick(rng)
            elif r < 0.95 and domain in easy_gen:
                sid = easy_gen[domain].pick(rng)
            else:
                sid = easy_in_cl[rng.choice(role_clusters)].pick(rng)
            top = easy_best[sid]
            # senior roles ask for higher levels, never above what an easy credential grants
            lv = min(top, max(1, low_level(rng, top) + (1 if senior >= 3 and rng.random() < 0.5 else 0)))
            wanted.setdefault(sid, (lv, rng.choices(*IMPORTANCE)[0]))
        lines = [f"  - id: {rid}", f"    name: {q(title)}", f"    domain: {domain}"]
        if rng.random() < 0.5:
            lines.append(f"    onet: 15-{1000 + i % 9000:04d}.{i % 100:02d}")
        level = ROLE_LEVEL[senior]
        lines.append(f"    level: {level}")
        below = {"mid": "entry", "senior": "mid"}.get(level)
        if below and (cluster, below) in latest:
            prev = latest[(cluster, below)]
            lines.append(f"    previous: [{prev}]")
            nexts.setdefault(prev, []).append(rid)
        latest[(cluster, level)] = rid
        at_line[rid] = len(role_lines)
        lines.append("    requires:")
        # expected credentials, experience and education (their own random stream)
        easy = easy_creds_cl[cluster]
        if easy and model.random() < EXPECTS_SHARE:
            preferred = [c for c in easy if kind_of[c] in certs] or easy
            for _ in range(1 if model.random() < 0.7 else 2):
                ids = sorted(set(model.sample(preferred, min(len(preferred), model.choice([1, 1, 2, 3])))))
                imp = model.choices(*EXPECT_IMPORTANCE)[0]
                shape = shapes.random()
                if shape < EXPECT_SHAPES[1] and len(preferred) >= 3:
                    rest = [c for c in preferred if c not in ids]
                    three = sorted([*ids, *shapes.sample(rest, 3 - len(ids))] if len(ids) < 3 else ids)
                    if shape < EXPECT_SHAPES[0]:  # two of three, like "two of these certifications"
                        items = ", ".join(f"{{credential: {c}}}" for c in three)
                        lines.append(f"      - n_of: 2\n        from: [{items}]")
                        lifecycle_counts["n_of expected"] += 1
                    else:  # one credential, or two others together
                        first, *pair = shapes.sample(three, 3)
                        lines.append(f"      - any_of: [{{credential: {first}}}, "
                                     f"{{all_of: [{', '.join(f'{{credential: {c}}}' for c in sorted(pair))}]}}]")
                        lifecycle_counts["mixed expected"] += 1
                    lines.append(f"        importance: {imp}")
                    lines.append(f"        source: {q(POSTINGS)}")
                elif len(ids) == 1:
                    lines.append(f"      - {{credential: {ids[0]}, importance: {imp}, source: {q(POSTINGS)}}}")
                else:
                    lines.append(f"      - any_of: [{', '.join(f'{{credential: {c}}}' for c in ids)}]")
                    lines.append(f"        importance: {imp}")
                    lines.append(f"        source: {q(POSTINGS)}")
        if level == "senior" or (level == "mid" and model.random() < 0.4):
            years = model.choice([3, 5]) if level == "senior" else model.choice([1, 2])
            imp = model.choices(["essential", "important"], [60, 40])[0] if level == "senior" else "important"
            lines.append(f"      - {{experience: {domain}, years: {years}, importance: {imp}, "
                         f"source: {q('synthetic: experience asked in generated postings')}}}")
        if model.random() < 0.3:
            imp = model.choice(["important", "optional"])
            field = f", field: {q(FIELD[domain])}" if shapes.random() < ROLE_FIELD_SHARE else ""
            lines.append(f"      - {{education: bachelor{field}, importance: {imp}, "
                         f"source: {q('synthetic: typical entry-level education')}}}")
        lines += [f"      - {{skill: {s}, level: {level_text(rng, lv)}, importance: {imp}}}"
                  for s, (lv, imp) in wanted.items()]
        median = round(rng.gauss(70000 + 15000 * senior, 9000), -2)
        lines.append(f"    salary: {{median: {median:.0f}, currency: USD, year: 2025, source: {q('synthetic')}}}")
        lines.append(f"    outlook: {rng.choice(['growing', 'growing', 'stable', 'declining'])}")
        lines.append(f"    sources: [https://example.org/roles/{rid}]")
        lines.append("    last_reviewed: 2026-10-01")
        role_lines.append(lines)
    for rid, later in nexts.items():
        lines = role_lines[at_line[rid]]
        lines.insert(lines.index("    requires:"), f"    next: [{', '.join(later)}]")
    _write_chunks(outdir / "roles", "roles", "roles", role_lines, ROLES_PER_FILE)
    return {"credentials": n_creds, "stacks": stacks, **lifecycle_counts, "skills": n_skills, "roles": n_roles,
            "files": len(list(outdir.rglob("*.yaml")))}


def _write_chunks(folder: Path, stem: str, key: str, entries: list[list[str]], per_file: int) -> None:
    # at least 4 files for small catalogs, so multi-file loading is exercised at every size
    per_file = max(1, min(per_file, math.ceil(len(entries) / 4)))
    for n, start in enumerate(range(0, len(entries), per_file)):
        chunk = entries[start:start + per_file]
        text = [f"# generated by bench/gen_catalog.py -- {stem} {start + 1}-{start + len(chunk)}", f"{key}:"]
        for lines in chunk:
            text.extend(lines)
            text.append("")
        (folder / f"{stem}-{n:03d}.yaml").write_text("\n".join(text), encoding="utf-8")


def main(argv: list[str]) -> int:
    import time

    from benchargs import Parser, size_name  # here: benchargs imports SIZES from this module

    parser = Parser(description=__doc__)
    parser.add_argument("size", type=size_name, metavar="SIZE", help=f"one of {', '.join(SIZES)}")
    parser.add_argument("outdir", metavar="OUTDIR", help="the folder to write (its YAML files are replaced)")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    counts = generate(args.size, Path(args.outdir))
    took = time.perf_counter() - t0
    print(f"wrote {args.outdir}: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()) + f" in {took:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

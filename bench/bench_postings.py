"""How well `skillstack posting` finds skills, measured on the SkillSpan labelled postings;
and what `plan --posting` costs on a large cached catalog.

Usage: python bench/bench_postings.py [LABELLED_JSONL] [--catalog PATH] [--rounds N] [--misses]
       python bench/bench_postings.py --warm SIZE [--runs N] [--first]   (SIZE: large, xlarge; N = 7)

--warm: a posting written from the first role of the generated catalog bench/out/SIZE (its
essential and important skills by name, years of experience, a degree) is planned against
with `skillstack plan --catalog bench/out/SIZE --posting FILE --format json`, side by side
with the warm `plan --role ROLE` of bench_warm.py, with the cache directory
bench/out/warm-cache (a first run of each fills it: the catalog cache and the posting
lexicon kept beside it); then N runs of each, interleaved: medians of CPU (user + system)
and peak RSS. `uptime`'s load average is printed beside them. --first adds a third case, the
first `plan --posting` against the catalog: the same command with the kept lexicon deleted
before each run, so each builds it (issue 15).

LABELLED_JSONL is SkillSpan's token-level BIO file (default: the development split in
the shared data folder beside the repository, `imports/labelled/skillspan_dev_bio.jsonl`).
Sentences are grouped back into postings by (source, idx) in file order, one sentence a
line, tokens joined by single spaces (as `imports/postings/skillspan_dev_postings.jsonl`).
Every annotated span of both layers (skills and knowledge) counts.

Numbers printed:
- precision: of the catalog-skill mentions the reader reports (each evidence phrase of
  each skill), the share that overlaps an annotated span (also per reported skill: a
  skill of a posting counts as right when any of its evidence overlaps a span);
- recall: of the annotated spans that name something the catalog has, the share that
  a reported catalog-skill mention overlaps. A span names something the catalog has
  when (a) a catalog skill's name or alias of 3 or more characters occurs in it as whole
  words, or equals it, or (b) the whole span is within rapidfuzz ratio 90 of a name or
  alias. This uses only the catalog, not the reader's ESCO labels or rules, so the
  reader is not marked by its own yardstick. "strict" recall also asks that the reported
  skill be one of the skills the span names;
- coverage: the share of all annotated spans overlapped by any reported catalog skill;
- throughput: postings read a second (text to result, document reading included), the
  lexicon built once beforehand (its build time is printed too); by CPU time of this
  process and by wall clock (which a busy machine slows).

Attribution: SkillSpan data: Zhang, Jensen, Sonniks and Plank, "SkillSpan: Hard and Soft
Skill Extraction from English Job Postings", NAACL 2022, https://github.com/kris927b/SkillSpan,
CC BY 4.0.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from benchargs import Parser, positive, size_name

from skillstack.postings import Lexicon, extract, read_posting
from skillstack.postings.lexicon import key

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "imports" / "labelled" / "skillspan_dev_bio.jsonl"


def spans(tags: list[str]) -> list[tuple[int, int]]:
    out, start = [], None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not tag.startswith("I"):
            out.append((start, i))
            start = None
        if tag.startswith("B") or (tag.startswith("I") and start is None):
            start = i
    return out


def load(path: Path) -> list[dict]:
    postings: dict[tuple[str, int], dict] = {}
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            row = json.loads(raw)
            post = postings.setdefault((row["source"], row["idx"]), {"id": f"{row['source']}-{row['idx']}",
                                                                       "lines": [], "spans": []})
            toks = row["tokens"]
            offsets, pos = [], 0
            for tok in toks:
                offsets.append((pos, pos + len(tok)))
                pos += len(tok) + 1
            number = len(post["lines"]) + 1
            post["lines"].append(" ".join(toks))
            for layer in ("tags_skill", "tags_knowledge"):
                for a, b in spans(row[layer]):
                    post["spans"].append((number, offsets[a][0], offsets[b - 1][1], " ".join(toks[a:b]), layer))
    return list(postings.values())


def catalog_labels(lex: Lexicon) -> dict[str, set[str]]:
    labels: dict[str, set[str]] = {}
    for skill in lex.catalog.skills:
        for text in (skill.name, *skill.aliases):
            labels.setdefault(key(text), set()).add(skill.id)
    return labels


def named_skills(span_text: str, labels: dict[str, set[str]], names: list[str]) -> set[str]:
    from rapidfuzz import fuzz, process

    k = key(span_text)
    padded = f" {k} "
    found: set[str] = set()
    for label, ids in labels.items():
        if label == k or (len(label) >= 3 and f" {label} " in padded):
            found |= ids
    if not found and k:
        best = process.extractOne(k, names, scorer=fuzz.ratio, score_cutoff=90)
        if best:
            found |= labels[best[0]]
    return found


def bench_posting(folder: Path, role: str) -> Path:
    """A posting asking for `role`'s essential and important skills (by name), written once."""
    import re

    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((folder / "roles").glob("*.yaml")))
    block = text.split(f"- id: {role}\n", 1)[1].split("\n\n", 1)[0]
    wanted = re.findall(r"\{skill: (\S+), level: \S+, importance: (essential|important)\}", block)
    names: dict[str, str] = {}
    for file in sorted((folder / "skills").glob("*.yaml")):
        for ident, name in re.findall(r'- id: (\S+)\n\s+name: "([^"]+)"', file.read_text(encoding="utf-8")):
            names[ident] = name
    title = re.search(r'name: "([^"]+)"', block)
    lines = [f"# {title.group(1) if title else role}", "", "## Requirements", ""]
    lines += [f"- {names[s]} ({'required' if how == 'essential' else 'preferred'})" for s, how in wanted]
    lines += ["- 2+ years of experience in cloud operations", "- Bachelor's degree in computer science", "",
              "## About us", "", "We are a friendly team; we offer flexible hours and a learning budget."]
    path = folder.parent / f"posting-{folder.name}.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def warm(size: str, runs: int, first: bool = False) -> int:
    """Warm `plan --posting` against warm `plan --role` on a generated catalog (see the docstring)."""
    import os
    import statistics

    from bench_load import HERE, OUT, console_script, ensure, first_role, run_measured

    folder = ensure(size)
    rel = str(folder.relative_to(HERE.parent))
    role = first_role(folder)
    posting = str(bench_posting(folder, role).relative_to(HERE.parent))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "SKILLSTACK_NO_CACHE")}
    env.update(NO_COLOR="1", SKILLSTACK_CACHE_DIR=str(OUT / "warm-cache"))
    base = [console_script(), "plan", "--catalog", rel, "--format", "json"]
    cases = {f"plan --role {role}": [*base, "--role", role], f"plan --posting {posting}": [*base, "--posting", posting]}
    for name, cmd in cases.items():
        filled = run_measured(cmd, env)
        if filled[3] not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} exited {filled[3]}")
        print(f"first {name}: {filled[1]:.2f} s CPU, {filled[2]:.0f} MB (fills the cache)", flush=True)
    building = f"plan --posting {posting}, the kept lexicon deleted before each run"
    if first:
        cases[building] = cases[f"plan --posting {posting}"]
    seen: dict[str, list[tuple[float, float, float, int]]] = {name: [] for name in cases}
    for n in range(runs):
        for name in (list(cases) if n % 2 == 0 else list(cases)[::-1]):
            if name == building:
                for kept in (OUT / "warm-cache").glob("derived-*-postings-lexicon-*"):
                    kept.unlink()
            seen[name].append(run_measured(cases[name], env))
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    print(f"{size}, {runs} runs each, interleaved (load {load}):")
    for name, got in seen.items():
        print(f"  {name:<60} {statistics.median(g[1] for g in got):6.3f} s CPU  "
              f"{statistics.median(g[2] for g in got):5.0f} MB")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = Parser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--catalog", type=Path, action="append")
    parser.add_argument("--rounds", type=positive, default=5)
    parser.add_argument("--misses", action="store_true", help="list false positives and missed spans")
    parser.add_argument("--warm", metavar="SIZE", type=size_name, help="time plan --posting on the generated catalog SIZE")
    parser.add_argument("--runs", type=positive, default=7)
    parser.add_argument("--first", action="store_true", help="with --warm: also time the first plan --posting")
    args = parser.parse_args(argv)
    if args.warm:
        return warm(args.warm, args.runs, args.first)
    if not args.data.is_file():
        print(f"bench_postings: {args.data} not found; pass the SkillSpan BIO jsonl", file=sys.stderr)
        return 2
    from skillstack.cache import load_catalog
    from skillstack.loader import default_paths

    catalog = load_catalog(args.catalog or default_paths()).catalog
    t0 = time.perf_counter()
    lex = Lexicon(catalog)
    build = time.perf_counter() - t0
    postings = load(args.data)
    texts = [(p, "\n".join(p["lines"])) for p in postings]
    docs = [(p, read_posting(text, "text")) for p, text in texts]

    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(args.rounds):  # the whole reading: text -> lines -> result
        results = [extract(lex, read_posting(text, "text"), p["id"]) for p, text in texts]
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    rate, cpu_rate = len(docs) * args.rounds / wall, len(docs) * args.rounds / cpu

    labels = catalog_labels(lex)
    names = list(labels)
    mentions = right_mentions = items = right_items = 0
    all_spans = covered = gold = gold_hit = gold_strict = 0
    false_pos: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    for (post, _), result in zip(docs, results, strict=True):
        by_line: dict[int, list[tuple[int, int, str]]] = {}
        for item in result.skills:
            hit_item = False
            for ev in item.evidence:
                start, end = ev.offset, ev.offset + len(ev.phrase)
                by_line.setdefault(ev.line, []).append((start, end, item.skill))
                mentions += 1
                if any(n == ev.line and s < end and start < e for n, s, e, _, _ in post["spans"]):
                    right_mentions += 1
                    hit_item = True
                else:
                    false_pos[f"{ev.phrase} -> {item.skill}"] += 1
            items += 1
            right_items += hit_item
        for number, s, e, text, _layer in post["spans"]:
            all_spans += 1
            over = {sid for a, b, sid in by_line.get(number, ()) if a < e and s < b}
            covered += bool(over)
            named = named_skills(text, labels, names)
            if named:
                gold += 1
                gold_hit += bool(over)
                gold_strict += bool(over & named)
                if not over:
                    missed[f"{text} ({', '.join(sorted(named))})"] += 1

    print(f"data: {args.data.name}: {len(docs)} postings, {all_spans} annotated spans; catalog: "
          f"{len(catalog.skills)} skills, {len(catalog.credentials)} credentials")
    print(f"lexicon: {len(lex.entries)} phrases, built in {build * 1000:.0f} ms")
    print(f"precision: {right_mentions / max(mentions, 1):.3f} of {mentions} reported skill mentions "
          f"({right_items / max(items, 1):.3f} of {items} reported posting skills)   goal >= 0.85")
    print(f"recall: {gold_hit / max(gold, 1):.3f} of {gold} spans naming a catalog skill "
          f"(strict, same skill: {gold_strict / max(gold, 1):.3f})   goal >= 0.70")
    print(f"coverage: {covered / max(all_spans, 1):.3f} of all {all_spans} annotated spans mapped to a catalog skill")
    print(f"throughput: {cpu_rate:.0f} postings/s of CPU time, {rate:.0f} postings/s wall clock "
          f"({args.rounds} rounds of {len(docs)}; wall clock counts other processes' load)   goal > 200")
    if args.misses:
        print("\nfalse positives:")
        for text, n in false_pos.most_common(60):
            print(f"  {n:3d}  {text}")
        print("\nmissed spans:")
        for text, n in missed.most_common(60):
            print(f"  {n:3d}  {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

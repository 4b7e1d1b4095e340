"""Writes tests/data/rules/<rule>/{pass,fail}/ example catalogs (run once; outputs are reviewed by hand)."""

from pathlib import Path

BASE_SKILLS = """skills:
  - {id: sql, name: SQL, aliases: [structured query language]}
  - {id: python, name: Python}
"""
CRED = """  - id: {id}
    name: {name}
    issuer: Example University
    kind: course
    url: https://example.org/{id}
    cost: {cost}
    hours: {hours}
    grants: [{grants}]
    requires: [{requires}]
    last_reviewed: 2026-10-01
    sources: [https://example.org/{id}/facts]
"""
ROLE = """roles:
  - id: analyst
    name: Analyst
    requires:
      - {skill: sql, level: 2, importance: essential}
      - {skill: python, level: 1, importance: important}
    last_reviewed: 2026-10-01
"""


def cred(id, name=None, cost=50, hours=20, grants="{skill: sql, level: 2}, {skill: python, level: 1}",
         requires=""):
    return CRED.format(id=id, name=name or id.replace("-", " ").title(), cost=cost, hours=hours,
                       grants=grants, requires=requires)


def catalog(creds=None, skills=BASE_SKILLS, roles=ROLE):
    creds = creds if creds is not None else [cred("sql-course")]
    return skills + "credentials:\n" + "".join(creds) + roles


PASS = catalog()
CASES = {
    "duplicate-id": {"a.yaml": catalog(), "b.yaml": "credentials:\n" + cred("sql-course", name="Another")},
    "unknown-reference": {"cat.yaml": catalog([cred("sql-course", grants="{skill: sqll, level: 2}, {skill: python, level: 1}, {skill: sql, level: 2}",
                                                   requires="{credential: pyhton-course}")])},
    "stack-part": {"cat.yaml": catalog([cred("sql-course"), """  - id: data-stack
    name: Data Stack
    issuer: Example University
    kind: program
    url: https://example.org/stack
    cost: 0
    hours: 0
    awarded_for: {all_of: [{credential: sql-course}, {credential: sql-cours}, {skill: python}]}
    last_reviewed: 2026-10-01
    sources: [https://example.org/stack]
"""])},
    "impossible-group": {"cat.yaml": catalog([cred("sql-course"), cred("advanced-sql", requires="{n_of: 3, from: [{skill: sql, level: 1}, {skill: python}]}")])},
    "prerequisite-cycle": {"cat.yaml": catalog([cred("sql-course"), cred("part-a", requires="{credential: part-b}"),
                                                cred("part-b", requires="{credential: part-a}")])},
    "broader-cycle": {"cat.yaml": catalog(skills="""skills:
  - {id: sql, name: SQL, broader: databases}
  - {id: databases, name: Databases, broader: sql}
  - {id: python, name: Python}
""")},
    "duplicate-alias": {"cat.yaml": catalog(skills=BASE_SKILLS + "  - {id: mysql, name: MySQL, aliases: [structured query language]}\n",
                                            creds=[cred("sql-course", grants="{skill: sql, level: 2}, {skill: python, level: 1}, {skill: mysql, level: 1}")])},
    "same-skill": {"cat.yaml": catalog(skills=BASE_SKILLS + "  - {id: sqls, name: SQL dialects}\n  - {id: py, name: python}\n",
                                       creds=[cred("sql-course", grants="{skill: sql, level: 2}, {skill: python, level: 1}, {skill: sqls, level: 1}, {skill: py, level: 1}")])},
    "negative-value": {"cat.yaml": catalog([cred("sql-course", cost=-50, hours=-2)])},
    "ungranted-skill": {"cat.yaml": catalog([cred("sql-course", grants="{skill: sql, level: 1}, {skill: python, level: 1}")])},
    "unreachable": {"cat.yaml": catalog([cred("sql-course"), cred("expert-sql", grants="{skill: sql, level: 4}",
                                                                   requires="{skill: python, level: 3}")])},
    "grants-nothing": {"cat.yaml": catalog([cred("sql-course"), cred("empty-course", grants="")])},
    "stale-review": {"cat.yaml": catalog([cred("sql-course").replace("2026-10-01", "2024-05-01")])
                     .replace("    last_reviewed: 2026-10-01\n", "", 1)},
    "missing-sources": {"cat.yaml": catalog([cred("sql-course").replace("    sources: [https://example.org/sql-course/facts]\n", "")])},
    "non-usd-cost": {"cat.yaml": catalog([cred("sql-course").replace("cost: 50", "cost: {amount: 45, currency: GBP}")])},
    "zero-hours": {"cat.yaml": catalog([cred("sql-course", hours=0)])},
    "allow-warnings": {"cat.yaml": catalog([cred("sql-course") + "    allow_warnings: [unreachabel, schema, zero-hours]\n"])},
    "insecure-url": {"cat.yaml": catalog([cred("sql-course").replace("url: https://", "url: http://")])},
    "retired-without-successor": {"cat.yaml": catalog([cred("sql-course"), cred("old-sql").replace(
        "    last_reviewed:", "    status: retired\n    last_reviewed:")])},
    "retired-dependency": {"cat.yaml": catalog([
        cred("sql-course"),
        cred("old-sql").replace("    last_reviewed:", "    status: retired\n    superseded_by: sql-course\n    last_reviewed:"),
        cred("ending-sql").replace("    last_reviewed:", "    retires: 2026-06-30\n    superseded_by: sql-course\n    status: retiring\n    last_reviewed:"),
        cred("next-step", requires="{credential: old-sql}"),
        cred("either-step", requires="{any_of: [{credential: old-sql}, {credential: sql-course}]}"),
        cred("both-old", requires="{any_of: [{credential: old-sql}, {credential: ending-sql}]}"),
        """  - id: sql-stack
    name: SQL Stack
    issuer: Example University
    kind: program
    url: https://example.org/stack
    cost: 0
    hours: 0
    awarded_for: {all_of: [{credential: sql-course}, {credential: old-sql}]}
    last_reviewed: 2026-10-01
    sources: [https://example.org/stack]
"""], roles=ROLE.replace("    last_reviewed:", "      - {credential: old-sql, importance: important, source: postings}\n"
                         "      - {any_of: [{credential: old-sql}, {credential: sql-course}], importance: optional}\n"
                         "    last_reviewed:"))},
    "past-retirement": {"cat.yaml": catalog([cred("sql-course").replace(
        "    last_reviewed:", "    retires: 2026-06-30\n    last_reviewed:")])},
    "unconfirmed-fact": {"cat.yaml": catalog([
        cred("sql-course").replace("    sources: [https://example.org/sql-course/facts]\n", """    exam: SQL-101
    sources:
      - {url: https://example.org/sql-course, kind: issuer, facts: [grants, hours]}
      - {url: https://prep.example/sql-course, kind: secondary, facts: [cost]}
"""),
        cred("py-course").replace("    sources: [https://example.org/py-course/facts]\n", """    sources:
      - {url: https://example.org/py-course, kind: issuer, facts: [grants, hours]}
      - {url: https://prep.example/py-course, kind: secondary}
""")], roles=ROLE.replace("    last_reviewed:", "    onet: 15-2051.00\n    salary: {median: 80000, year: 2024, source: a blog, kind: secondary}\n    last_reviewed:"))},
    # rules applied while reading
    "yaml-syntax": {"cat.yaml": "skills:\n  - {id: sql, name: SQL\n  - {id: python}\n"},
    "encoding": {"cat.yaml": "skills:\n  - {id: sql, name: SQL}\n  - {id: cafe, name: Caf\xe9}\n"},
    "yaml-tag": {"cat.yaml": "skills:\n  - !!python/object/apply:os.system ['echo pwned']\n"},
    "yaml-depth": {"cat.yaml": "skills: " + "[" * 200 + "]" * 200 + "\n"},
    "yaml-alias": {"cat.yaml": "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8))},
    "schema": {"cat.yaml": """skills:
  - {id: SQL, name: SQL}
  - {id: python, name: Python, aliasses: [py]}
credentials:
  - id: sql-course
    name: SQL course
    issuer: Example
    kind: bootcamp
    cost: fifty
    hours: 20
    grants: [{skill: python, level: 5}, {skill: python, level: guru}]
    last_reviewed: 2026-13-01
    requires: [{skill: python, credential: x}]
roles:
  - {id: analyst, name: Analyst}
"""},
    "duplicate-key": {"cat.yaml": "skills:\n  - id: sql\n    name: SQL\n    name: Structured Query Language\n"},
    "empty-file": {"empty.yaml": "", "cat.yaml": PASS},
    "control-character": {"cat.yaml": catalog([cred("sql-course", name='"SQL\\r\\nCourse"')]),
                          "raw.yaml": "skills:\n  - {id: r, name: R}\n  - {id: s, name: S\x01 language}\n"},
    "url": {"cat.yaml": catalog([cred("sql-course").replace("url: https://example.org/sql-course",
                                                            'url: "javascript:alert(1)"'),
                                 cred("py-course").replace("sources: [https://example.org/py-course/facts]",
                                                           "sources: [https://example.org/py-course, 'file:///etc/passwd']")])},
    "top-level-list": {"cat.yaml": "- {id: sql, name: SQL}\n"},
}


def main() -> None:
    root = Path(__file__).parent / "data" / "rules"
    for rule, files in CASES.items():
        for kind, content in (("pass", {"cat.yaml": PASS}), ("fail", files)):
            folder = root / rule / kind
            folder.mkdir(parents=True, exist_ok=True)
            for name, text in content.items():
                data = text.encode("latin-1") if rule == "encoding" and kind == "fail" else text.encode()
                (folder / name).write_bytes(data)


if __name__ == "__main__":
    main()

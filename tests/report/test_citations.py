"""A citation is written into JSON one way: `source_kind` and `source_url` beside an expectation
(catalog JSON and audit JSON alike), `{url, kind, note}` where a source stands alone."""

from __future__ import annotations

from skillstack.audit import ExpectationLine, RoleAudit
from skillstack.model import Citation, CredentialId, CredentialReq, Expectation, RoleId
from skillstack.report.jsonify import citation, plain, source_keys
from skillstack.report.plan_data import role_audit_dict

CITE = Citation("https://example.org/postings", "postings", "asked in 3 of 40 postings")


def test_an_expectation_carries_its_citation_as_source_keys() -> None:
    keys = {"source_kind": "postings", "source_url": "https://example.org/postings"}
    assert source_keys(CITE) == keys and source_keys(None) == {}
    expectation = Expectation(CredentialReq(CredentialId("sql-course")), "important", str(CITE), cite=CITE)
    assert plain(expectation) == {"credential": "sql-course", "importance": "important", **keys, "source": str(CITE)}
    line = ExpectationLine("credential", "SQL Course", "important", str(CITE), "missing", cite=CITE)
    audited = role_audit_dict(RoleAudit(RoleId("analyst"), 0.5, (), (), (), (), (line,)))
    assert audited["expectations"][0] == {"kind": "credential", "requirement": "SQL Course", "importance": "important",
                                          "source": str(CITE), **keys, "status": "missing"}


def test_a_source_alone_is_url_kind_and_note() -> None:
    assert citation(CITE) == {"url": "https://example.org/postings", "kind": "postings",
                              "note": "asked in 3 of 40 postings"}
    assert citation(None) == {}

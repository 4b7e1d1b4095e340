"""Reading job postings: what they ask for, resolved to the catalog, with evidence (issue 13)."""

from skillstack.postings.document import Line, read_posting, sniff
from skillstack.postings.extract import PostingResult, extract
from skillstack.postings.lexicon import Lexicon

__all__ = ["Lexicon", "Line", "PostingResult", "extract", "read_posting", "sniff"]

"""Verification: the claim ledger and the search for readings every arithmetic rule goes through.

A rule states how a statement can be read (`Candidate`: the figures it is held against and the value
they give); `decide` says whether one reading makes it right (verified), whether a certain binding
fails with no reading that holds (contradicted: a finding), or neither (unverified). The `Ledger`
keeps what each statement came to; `Ledger.claims` lists every numeric statement of the document with it.
"""

from .ledger import Count, Ledger, Residue, TableTotal, fact_figure, mention_figure, row_quote
from .readings import Candidate, Decision, decide

__all__ = ["Candidate", "Count", "Decision", "Ledger", "Residue", "TableTotal", "decide", "fact_figure", "mention_figure", "row_quote"]

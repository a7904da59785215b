"""Extraction: mentions (numbers with labels), facts (keyed amounts) and breakdown lists."""

from .facts import Breakdown, assign_keys, base_key, fact_of, facts_from
from .mentions import Mention, find_mentions, joined_run, multiple_mentions, sentence_bounds

__all__ = ["Breakdown", "Mention", "assign_keys", "base_key", "fact_of", "facts_from", "find_mentions", "joined_run", "multiple_mentions",
           "sentence_bounds"]

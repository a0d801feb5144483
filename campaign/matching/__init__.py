"""Organisation matching: find the same organisation submitted under different names.

Pure Python (no Flask); stdlib, rapidfuzz and pycountry only.

Public API
----------
``name_key(name) -> str`` (alias ``normalise_name``)
    The normalised key the app stores as an indexed column.
``flag_name(name) -> list[str]``
    Flags for entries that are probably not an organisation: ``"empty"``, ``"person"``,
    ``"sentence"``, ``"web_address"`` (a web or email address written into the name).
``OrgRecord(id, name, country="", email="", website="")``
    One submission or known organisation.
``find_clusters(records, threshold=None, known_aliases=()) -> DedupeResult``
    Cluster a whole list; ``DedupeResult.clusters`` lists groups of two or more ids (input
    order), ``.details`` their scores and reasons, ``.flags`` per-id flags, ``.as_dict()``
    the CLI's JSON.
``MatchIndex(records=(), known_aliases=(), threshold=DEFAULT_THRESHOLD)``
    Incremental index: ``add(record)``, ``add_aliases(names)``, ``query(record,
    min_score=None) -> list[Candidate]`` (record, score, reasons, is_match), best first.
``score_records(a, b) -> PairScore``
    Score one pair of records (score, reasons, conflict).
``DEFAULT_THRESHOLD``
    Score at or above which a pair without conflict is the same organisation.

``known_aliases`` is an iterable of name groups known to be one organisation (from
moderators' merges); names in one group match each other in any language.

Reason codes (``Reason.code``), each with a weight and a readable detail:
``same_name``, ``known_alias``, ``same_words``, ``typo``, ``typo_one_word``, ``joined_words``,
``translation``, ``shared_acronym``, ``initials``, ``near_name``, ``different_name``,
``brand_descriptor``, ``home_country``, ``section``, ``association_prefix`` (name level, see
``variants``); ``domain_is_name``, ``same_site`` (a domain ties the names); ``same_domain``,
``different_domain``, ``same_country``, ``country_differs``, ``acronyms_differ``,
``acronym_unexplained`` (adjustments); ``chapter``, ``subset``, ``different_words``,
``country_conflict`` (vetoes: different organisations).

Precision comes first: a chapter ("Hope Relief Italia") is never its parent ("Hope Relief"), a name
that adds words to another is another organisation, and clusters are merged only when no
pair inside them conflicts.
"""

from __future__ import annotations

from .cluster import find_clusters
from .flags import flag_name
from .index import Candidate, MatchIndex
from .normalise import name_key, normalise_name
from .profile import OrgRecord, profile
from .reasons import PairScore, Reason
from .result import ClusterDetail, DedupeResult
from .scoring import DEFAULT_THRESHOLD, score_pair


def score_records(a: OrgRecord, b: OrgRecord) -> PairScore:
    """Score whether two records are the same organisation, with reasons."""
    return score_pair(profile(a), profile(b))


__all__ = [
    "DEFAULT_THRESHOLD",
    "Candidate",
    "ClusterDetail",
    "DedupeResult",
    "MatchIndex",
    "OrgRecord",
    "PairScore",
    "Reason",
    "find_clusters",
    "flag_name",
    "name_key",
    "normalise_name",
    "score_records",
]

"""The alias table: groups of names known to be one organisation, fed by moderators' merges."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .normalise import name_key


class AliasTable:
    """Maps a name's key to the alias groups it belongs to.

    The app feeds it from its organisation registry (every name a merged organisation has
    been submitted under), so a translation seen once is recognised ever after.
    """

    def __init__(self, groups: Iterable[Iterable[str]] = ()) -> None:
        self._groups: dict[str, set[int]] = defaultdict(set)
        self._count = 0
        for group in groups:
            self.add_group(group)

    def add_group(self, names: Iterable[str]) -> set[str]:
        """Record that ``names`` belong to one organisation; return their keys."""
        keys = {name_key(n) for n in names} - {""}
        if len(keys) > 1:
            self._count += 1
            for key in keys:
                self._groups[key].add(self._count)
        return keys

    def groups(self, key: str) -> frozenset[str]:
        """Labels of the alias groups a key belongs to."""
        return frozenset(str(g) for g in self._groups.get(key, ()))

    def __len__(self) -> int:
        return self._count

"""One alphabetical order for every language: the Unicode Collation Algorithm's root order.

Number 57 must be the same organisation on the English, Arabic and Spanish pages, and in
every export, so lists are never sorted by the reader's locale.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar

from pyuca import Collator

T = TypeVar("T")


@lru_cache(maxsize=1)
def _collator() -> Collator:
    return Collator()


def load() -> None:
    """Read the collation table now rather than on the first sort."""
    _collator()


def sort_key(name: str) -> tuple[tuple[int, ...], str]:
    """A key placing "Àltera" right after "Albergue" and "İHH" among the I's.

    The name itself breaks ties, so equal-looking names still have a stable order.
    """
    return tuple(_collator().sort_key(name)), name


def collate(items: Iterable[T], name: Callable[[T], str]) -> list[T]:
    """``items`` in root collation order of ``name(item)``."""
    return sorted(items, key=lambda item: sort_key(name(item)))

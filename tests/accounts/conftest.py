"""Fixtures shared by the staff account tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def letter(make):  # noqa: ANN001, ANN201
    """An open letter at /en/letters/carta, titled "Letter to the Council"."""
    return make.letter("carta", texts={"en": ("Letter to the Council", "…")})

"""Each domain imports on its own, first, in a fresh interpreter (as a worker, a script or
Alembic might), not only in the order create_app happens to use."""

import subprocess
import sys

import pytest

from tests.conftest import ROOT

FIRST_IMPORTS = [
    "campaign.accounts",
    "campaign.accounts.team",
    "campaign.letters",
    "campaign.letters.services",
    "campaign.signatures",
    "campaign.signatures.services",
    "campaign.matching",
    "campaign.moderation",
    "campaign.exports",
    "campaign.mail",
    "campaign.housekeeping",
]


@pytest.mark.parametrize("module", FIRST_IMPORTS)
def test_module_imports_first_in_a_fresh_interpreter(module):
    result = subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]

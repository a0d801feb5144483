"""PDF export of 5,000 signatories: prints wall time and peak memory (target: 5 s, 300 MiB).

Names mix Latin, Greek, Cyrillic, Arabic and CJK, with some long ones that wrap. Run:
    .venv/bin/python bench/bench_pdf.py
"""

from __future__ import annotations

import resource
import time
from datetime import UTC, datetime

from flask_babel import force_locale

from campaign import create_app
from campaign.demo import TEXTS
from campaign.exports.pdf import render_pdf
from campaign.exports.rows import ExportData, Row, Text

COUNT = 5000
PATTERNS = [
    "Association pour la défense des droits {n}",
    "الجمعية العربية لحقوق الإنسان {n}",
    "Ελληνική Ένωση για τα Δικαιώματα {n}",
    "Правозащитный центр {n}",
    "人权组织 {n}",
    "Coalition for Migrants' Rights and the Protection of Civic Space in the Region {n}",
    "Red de Derechos Humanos {n}",
]


def sample() -> ExportData:
    rows = tuple(
        Row(
            id=n,
            number=n,
            name=PATTERNS[n % len(PATTERNS)].format(n=n),
            kind="organisation",
            country="FR",
        )
        for n in range(1, COUNT + 1)
    )
    texts = {code: Text(code, *text) for code, text in TEXTS.items()}
    return ExportData(
        "bench", "Human Rights Council", "en", texts, rows, datetime(2026, 1, 1, tzinfo=UTC)
    )


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    app = create_app({"SECRET_KEY": "x" * 40, "DATABASE_URL": "sqlite://"})
    data = sample()
    print(f"baseline (app loaded): peak RSS {peak_mib():.0f} MiB")
    with app.app_context():
        for language in ("en", "ar"):
            with force_locale(language):
                start = time.perf_counter()
                content = render_pdf(data, language)
                elapsed = time.perf_counter() - start
            print(
                f"{COUNT} names, {language}: {elapsed:.2f} s, {len(content) / 1024:.0f} KiB, "
                f"peak RSS {peak_mib():.0f} MiB"
            )


if __name__ == "__main__":
    main()

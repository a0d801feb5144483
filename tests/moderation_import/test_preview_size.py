"""A long list previews in a page a slow connection can load: every entry that needs a look in
full, the others counted, with a few shown; confirming still imports them all."""

from __future__ import annotations

from itertools import product

from campaign.signatures.models import SignatureStatus
from tests.moderation_import.conftest import confirm, previewed, signatures, upload

CITIES = "Lima Quito Nairobi Dakar Tunis Beirut Manila Dhaka Accra Lusaka Harare Bamako Niamey"
TOPICS = "Water Housing Health Land Press Labour Women Youth Farmers Fishers Teachers Miners"
KINDS = "Forum Network Alliance Union League Council Collective Centre Institute Foundation"
# 13 × 12 × 10 = 1,560 names that do not look alike; in four countries, 6,240.
NAMES = [" ".join(words) for words in product(*(w.split() for w in (CITIES, TOPICS, KINDS)))]
COUNTRIES = ("Kenya", "Peru", "Nepal", "Chile")
CLEAN = [(f"{name} {country}", country) for country in COUNTRIES for name in NAMES][:5000]


def test_a_long_list_previews_the_entries_to_check_and_a_sample_of_the_others(
    app, client, login_as, letter, coordinator
):
    app.config["IMPORT_MAX_ROWS"] = 5003
    to_check = [("=1+1", "KE"), (CLEAN[0][0], "Kenya"), ("Cimade", "Narnia")]
    lines = [f"{name},{country}" for name, country in CLEAN + to_check]
    content = ("Organisation,Country\r\n" + "\r\n".join(lines) + "\r\n").encode()
    login_as(coordinator)
    batch_id = previewed(client, letter, **upload(content, "list.csv"))
    response = client.get(f"/manage/letters/{letter.slug}/import/{batch_id}")
    assert len(response.data) < 200_000  # every entry listed, it was about a megabyte
    page = response.get_data(as_text=True)
    assert "5,000 entries with nothing to check" in page
    assert "Only the first 20 are shown here." in page
    assert CLEAN[19][0] in page and CLEAN[20][0] not in page
    # The last lines, each in full.
    assert "A name cannot start with" in page and "“Narnia” was not understood" in page
    assert "line 2 of this list" in page
    confirm(client, letter, batch_id)
    imported = signatures(letter)
    assert len(imported) == len(CLEAN) + 2
    held = [s.name for s in imported if s.status is SignatureStatus.confirmed]
    assert held == [CLEAN[0][0]]

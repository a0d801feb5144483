"""Long exports go to the background, report progress, and download when done."""

from __future__ import annotations

import threading

import pytest

from campaign.accounts.models import Role
from tests.exports.helpers import pdf_text, run_cli, seed

FORM = {"format": "pdf", "language": "en", "snapshot": "0", "columns": "1", "download": "Download"}


@pytest.fixture
def config_overrides(request):  # noqa: ANN001, ANN201
    worker = getattr(request, "param", "process")
    return {"EXPORT_BACKGROUND_ROWS": 5, "EXPORT_WORKER": worker}


def _queue(client, make, login_as):  # noqa: ANN001, ANN202
    letter = make.letter()
    seed(make, letter)
    login_as(make.user(roles={letter: Role.exporter}))
    response = client.post(f"/manage/letters/{letter.slug}/exports/download", data=FORM)
    assert response.status_code == 302 and "/jobs/" in response.headers["Location"]
    return letter, response.headers["Location"]


def test_long_export_is_built_by_the_worker_and_then_downloads(client, runner, make, login_as):
    letter, job_url = _queue(client, make, login_as)
    assert "Building the file" in client.get(job_url).get_data(as_text=True)
    assert client.get(job_url + "/progress").json["status"] == "queued"
    assert b"Built 1 export(s)." in run_cli(runner, "exports", "worker", "--once")
    progress = client.get(job_url + "/progress").json
    assert progress["status"] == "done" and progress["progress"] == 100
    content = client.get(progress["download"]).data
    assert "Human Rights Watch" in pdf_text(content)


@pytest.mark.parametrize("config_overrides", ["thread"], indirect=True)
def test_long_export_is_built_by_a_thread_in_the_web_process(client, make, login_as):
    _, job_url = _queue(client, make, login_as)
    for thread in threading.enumerate():
        if thread.name.startswith("export-job-"):
            thread.join()
    assert client.get(job_url + "/progress").json["status"] == "done"


def test_short_export_downloads_at_once(client, make, login_as):
    letter = make.letter()
    make.signature(letter, "Only Org")
    login_as(make.user(roles={letter: Role.exporter}))
    response = client.post(f"/manage/letters/{letter.slug}/exports/download", data=FORM)
    assert response.status_code == 200 and response.mimetype == "application/pdf"

"""Long exports go to the background, report progress, and download when done."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select, update

from campaign.accounts.models import Role, User
from campaign.db import db
from campaign.exports import jobs
from campaign.exports.models import ExportJob, JobStatus
from campaign.exports.services import ExportSpec
from tests.conftest import ROOT, TEST_SECRET
from tests.exports.helpers import pdf_text, run_cli, seed
from tests.i18n import translated

FORM = {"format": "pdf", "language": "en", "snapshot": "0", "columns": "1", "download": "Download"}
# A file is made only in a language the letter has a text in.
TEXTS = {code: (f"A letter ({code})", "We ask…") for code in ("en", "fr", "es", "ar")}


@pytest.fixture
def config_overrides(request):  # noqa: ANN001, ANN201
    worker = getattr(request, "param", "process")
    return {"EXPORT_BACKGROUND_ROWS": 5, "EXPORT_WORKER": worker, "EXPORT_HEARTBEAT_SECONDS": 0.1}


def _queue(client, make, login_as, **form: str):  # noqa: ANN001, ANN202
    letter = make.letter(texts=TEXTS)
    seed(make, letter)
    login_as(make.user(roles={letter: Role.exporter}))
    response = client.post(f"/manage/letters/{letter.slug}/exports/download", data={**FORM, **form})
    assert response.status_code == 302 and "/jobs/" in response.headers["Location"]
    return letter, response.headers["Location"]


def _job_id(job_url: str) -> int:
    return int(job_url.rstrip("/").rsplit("/", 1)[1])


def _join_builder_threads() -> None:
    for thread in threading.enumerate():
        if thread.name.startswith("export-job-"):
            thread.join()


def _silent_builder(job_id: int) -> None:
    """What a worker killed in the middle of a build leaves: the job claimed, then nothing,
    for longer than four heartbeats."""
    assert jobs.claim(db.session, job_id)
    time.sleep(0.5)


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
    _join_builder_threads()
    assert client.get(job_url + "/progress").json["status"] == "done"


def test_a_job_whose_worker_died_is_built_again_by_the_next_worker(client, runner, make, login_as):
    _, job_url = _queue(client, make, login_as)
    _silent_builder(_job_id(job_url))
    assert b"Built 1 export(s)." in run_cli(runner, "exports", "worker", "--once")
    assert client.get(job_url + "/progress").json["status"] == "done"
    job = db.session.get(ExportJob, _job_id(job_url))
    assert (job.attempts, job.error) == (2, "")


def test_a_job_left_running_before_heartbeats_existed_is_built_again(
    client, runner, make, login_as
):
    """Upgraded while a job was running: it has no heartbeat at all, and is taken for dead."""
    _, job_url = _queue(client, make, login_as)
    db.session.execute(update(ExportJob).values(status=JobStatus.running, attempts=0))
    db.session.commit()
    assert b"Built 1 export(s)." in run_cli(runner, "exports", "worker", "--once")
    assert client.get(job_url + "/progress").json["status"] == "done"


@pytest.mark.parametrize("config_overrides", ["thread"], indirect=True)
def test_a_job_whose_server_restarted_is_built_again_when_its_page_is_looked_at(
    client, make, login_as
):
    """Built in a thread of the web process, and that process restarted mid-build: the page
    that polls the job sees it silent, and has it built again."""
    _, job_url = _queue(client, make, login_as)
    _join_builder_threads()
    db.session.execute(
        update(ExportJob).values(status=JobStatus.queued, progress=0, result=None, attempts=0)
    )
    db.session.commit()  # as if that first build had never happened: queued once more
    _silent_builder(_job_id(job_url))
    assert client.get(job_url + "/progress").json["status"] == "queued"
    _join_builder_threads()
    assert client.get(job_url + "/progress").json["status"] == "done"


def test_a_job_whose_builders_keep_dying_is_failed_not_retried_for_ever(client, make, login_as):
    _, job_url = _queue(client, make, login_as)
    _silent_builder(_job_id(job_url))
    assert client.get(job_url + "/progress").json["status"] == "queued"
    _silent_builder(_job_id(job_url))
    progress = client.get(job_url + "/progress").json
    assert (progress["status"], progress["error"]) == ("failed", "")
    page = client.get(job_url).get_data(as_text=True)
    assert "The export failed. Please try again or tell the site" in page
    assert db.session.get(ExportJob, _job_id(job_url)).attempts == jobs.MAX_ATTEMPTS


def test_two_workers_at_once_build_each_job_once(app, make, login_as, client):
    letter, job_url = _queue(client, make, login_as)
    user = db.session.get(User, db.session.get(ExportJob, _job_id(job_url)).created_by_id)
    for language in ("fr", "es", "en", "fr", "es"):
        jobs.enqueue(db.session, letter, user, ExportSpec(format="pdf", language=language), None)
    db.session.commit()
    env = {
        **os.environ,
        "CAMPAIGN_DATABASE_URL": app.config["DATABASE_URL"],
        "CAMPAIGN_SECRET_KEY": TEST_SECRET,
    }
    command = [str(Path(sys.executable).with_name("campaign")), "exports", "worker", "--once"]
    workers = [
        subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    outputs = [worker.communicate(timeout=120) for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0], outputs
    db.session.expire_all()
    built = db.session.scalars(select(ExportJob)).all()
    assert [(job.status, job.attempts) for job in built] == [(JobStatus.done, 1)] * 6


def test_a_statement_in_a_language_the_council_does_not_take_is_refused_before_queueing(
    client, make, login_as
):
    letter = make.letter(texts=TEXTS)
    seed(make, letter)
    login_as(make.user(roles={letter: Role.exporter}))
    response = client.post(
        f"/manage/letters/{letter.slug}/exports/download",
        data={**FORM, "format": "docx", "language": "ar"},
    )
    assert response.status_code == 400
    assert "The Council accepts statements in English, French or Spanish." in response.get_data(
        as_text=True
    )
    assert db.session.scalars(select(ExportJob)).all() == []


def test_a_job_that_cannot_be_made_says_why_in_its_requesters_language(
    client, runner, make, login_as
):
    """A job queued before its request was checked (by an older version of the app) fails
    with the reason, translated for the person who asked, though no request is there."""
    letter = make.letter()
    seed(make, letter)
    user = make.user(roles={letter: Role.exporter})
    user.language = "fr"
    job = jobs.enqueue(db.session, letter, user, ExportSpec(format="docx", language="ar"), None)
    db.session.commit()
    run_cli(runner, "exports", "worker", "--once")
    login_as(user)
    reason = translated(
        "fr", "The Council accepts statements in English, French or Spanish.", escape=False
    )
    progress = client.get(f"/manage/letters/{letter.slug}/exports/jobs/{job.id}/progress").json
    assert (progress["status"], progress["error"]) == ("failed", reason)


def test_short_export_downloads_at_once(client, make, login_as):
    letter = make.letter()
    make.signature(letter, "Only Org")
    login_as(make.user(roles={letter: Role.exporter}))
    response = client.post(f"/manage/letters/{letter.slug}/exports/download", data=FORM)
    assert response.status_code == 200 and response.mimetype == "application/pdf"

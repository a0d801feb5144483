"""Long exports in the background: queued by a view, built by a thread or by
``campaign exports worker``, with progress the page polls.

A builder first claims its job (one conditional UPDATE: of two workers, or a worker and a
thread, exactly one gets it), then says it is alive every ``EXPORT_HEARTBEAT_SECONDS`` from a
thread of its own while it builds. A job whose builder has been silent four times as long
(killed, its server restarted) is queued again, and failed after ``MAX_ATTEMPTS`` builds that
died, so no page waits for ever on a job nobody is building.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from flask import Flask, current_app
from flask_babel import force_locale
from sqlalchemy import Engine, delete, or_, select, update
from sqlalchemy.orm import Session

from campaign.accounts.models import User
from campaign.db import db, utcnow
from campaign.exports.models import ExportJob, JobStatus
from campaign.exports.services import ExportError, ExportSpec, data_for, produce
from campaign.i18n import interface_language
from campaign.letters.models import Letter

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 2
# A builder silent for this many heartbeats is taken for dead.
_SILENT_BEATS = 4


def enqueue(
    session: Session, letter: Letter, user: User | None, spec: ExportSpec, snapshot_id: int | None
) -> ExportJob:
    job = ExportJob(
        letter_id=letter.id,
        created_by_id=user.id if user else None,
        snapshot_id=snapshot_id,
        spec=spec.to_json(),
    )
    session.add(job)
    session.flush()
    return job


def purge(session: Session, before: datetime) -> int:
    """Delete background exports that finished before ``before``, with their files (which may
    list contacts); frozen snapshots stay. Flushes."""
    result = session.execute(
        delete(ExportJob)
        .where(
            ExportJob.status.in_([JobStatus.done, JobStatus.failed]),
            ExportJob.finished_at < before,
        )
        .execution_options(synchronize_session=False)
    )
    return result.rowcount


def _heartbeat_seconds() -> float:
    return float(current_app.config["EXPORT_HEARTBEAT_SECONDS"])


def _silent_since(now: datetime) -> datetime:
    return now - timedelta(seconds=_SILENT_BEATS * _heartbeat_seconds())


def claim(session: Session, job_id: int) -> bool:
    """Take a queued job for building; False if another builder has it (or it is gone).
    Commits."""
    now = utcnow()
    taken = session.execute(
        update(ExportJob)
        .where(ExportJob.id == job_id, ExportJob.status == JobStatus.queued)
        .values(
            status=JobStatus.running,
            started_at=now,
            heartbeat_at=now,
            progress=0,
            attempts=ExportJob.attempts + 1,
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    session.commit()
    return taken == 1


@contextmanager
def _beating(engine: Engine, job_id: int) -> Iterator[None]:
    """Say that ``job_id``'s builder is alive, from a thread and connection of its own, until
    the block ends (the build itself may hold the interpreter for long stretches)."""
    stop = threading.Event()
    every = _heartbeat_seconds()
    beat = (
        update(ExportJob)
        .where(ExportJob.id == job_id, ExportJob.status == JobStatus.running)
        .execution_options(synchronize_session=False)
    )

    def run() -> None:
        while not stop.wait(every):
            try:
                with engine.begin() as connection:
                    connection.execute(beat.values(heartbeat_at=utcnow()))
            except Exception:  # a missed beat is retried; the build goes on
                log.exception("export job %s: could not record its heartbeat", job_id)

    thread = threading.Thread(target=run, name=f"export-heartbeat-{job_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def run_job(session: Session, job_id: int) -> ExportJob | None:
    """Claim and build one queued job, committing its progress so other requests can show it;
    None if another builder has it. Its messages are in the language of whoever asked for it
    (there is no request to ask)."""
    if not claim(session, job_id):
        return None
    job = session.get_one(ExportJob, job_id)
    requester = session.get(User, job.created_by_id) if job.created_by_id else None

    def progress(fraction: float) -> None:
        job.progress = min(99, int(fraction * 100))
        session.commit()

    with (
        _beating(session.get_bind(), job_id),  # type: ignore[arg-type]
        force_locale(interface_language(requester.language if requester else "en")),
    ):
        try:
            letter = session.get_one(Letter, job.letter_id)
            result = produce(data_for(session, letter, job.snapshot_id), _spec(job), progress)
        except ExportError as error:  # a reason the requester can act on, in their language
            session.rollback()
            job.status, job.error = JobStatus.failed, str(error.message)[:2000]
        except Exception:  # a fault of ours: logged, and the page says to try again
            log.exception("export job %s failed", job_id)
            session.rollback()
            job.status, job.error = JobStatus.failed, ""
        else:
            job.result, job.filename, job.mimetype = (
                result.content,
                result.filename,
                result.mimetype,
            )
            job.status, job.progress = JobStatus.done, 100
    job.finished_at = utcnow()
    session.commit()
    return job


def _spec(job: ExportJob) -> ExportSpec:
    return ExportSpec.from_json(job.spec)


def revive(session: Session) -> int:
    """Jobs left running by a builder that died: queued again, or failed once they have had
    ``MAX_ATTEMPTS`` builds (one that kills its builder would otherwise do so for ever).
    Returns how many were queued again. Commits."""
    now = utcnow()
    silent = or_(ExportJob.heartbeat_at.is_(None), ExportJob.heartbeat_at < _silent_since(now))
    dead = (ExportJob.status == JobStatus.running, silent)  # None: begun before heartbeats
    again = session.execute(
        update(ExportJob)
        .where(*dead, ExportJob.attempts < MAX_ATTEMPTS)
        .values(status=JobStatus.queued, progress=0, heartbeat_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    session.execute(
        update(ExportJob)
        .where(*dead, ExportJob.attempts >= MAX_ATTEMPTS)
        .values(status=JobStatus.failed, finished_at=now, error="")
        .execution_options(synchronize_session=False)
    )
    session.commit()
    return again


def unattended(job: ExportJob) -> bool:
    """Running with a silent builder, or queued for a while with none (its server restarted
    before its thread began): a page showing it should see that it is built."""
    since = _silent_since(utcnow())
    if job.status is JobStatus.running:
        return job.heartbeat_at is None or job.heartbeat_at < since
    return job.status is JobStatus.queued and (job.heartbeat_at or job.created_at) < since


def run_pending(session: Session) -> int:
    """Build every queued job, oldest first, that no other builder takes first (after
    queueing again those whose builders died); returns how many this call built."""
    revive(session)
    ids = session.scalars(
        select(ExportJob.id).where(ExportJob.status == JobStatus.queued).order_by(ExportJob.id)
    ).all()
    return sum(run_job(session, job_id) is not None for job_id in ids)


def start_thread(app: Flask, job_id: int) -> threading.Thread:
    """Build ``job_id`` in a daemon thread with its own app context and session."""

    def work() -> None:
        with app.app_context():
            run_job(db.session, job_id)

    thread = threading.Thread(target=work, name=f"export-job-{job_id}", daemon=True)
    thread.start()
    return thread

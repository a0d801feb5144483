"""Long exports in the background: queued by a view, built by a thread or by
``campaign exports worker``, with progress the page polls."""

from __future__ import annotations

import logging
import threading
from datetime import datetime

from flask import Flask
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from campaign.accounts.models import User
from campaign.db import db, utcnow
from campaign.exports.models import ExportJob, JobStatus
from campaign.exports.services import ExportSpec, data_for, produce
from campaign.letters.models import Letter

log = logging.getLogger(__name__)


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


def run_job(session: Session, job_id: int) -> ExportJob:
    """Build one queued job, committing its progress so other requests can show it."""
    job = session.get(ExportJob, job_id)
    if job is None or job.status is not JobStatus.queued:
        raise LookupError(job_id)
    job.status, job.started_at = JobStatus.running, utcnow()
    session.commit()

    def progress(fraction: float) -> None:
        job.progress = min(99, int(fraction * 100))
        session.commit()

    try:
        letter = session.get_one(Letter, job.letter_id)
        result = produce(data_for(session, letter, job.snapshot_id), _spec(job), progress)
    except Exception as error:  # a failed export is reported on its page, not lost
        log.exception("export job %s failed", job_id)
        session.rollback()
        job.status, job.error = JobStatus.failed, str(error)[:2000]
    else:
        job.result, job.filename, job.mimetype = result.content, result.filename, result.mimetype
        job.status, job.progress = JobStatus.done, 100
    job.finished_at = utcnow()
    session.commit()
    return job


def _spec(job: ExportJob) -> ExportSpec:
    return ExportSpec.from_json(job.spec)


def run_pending(session: Session) -> int:
    """Build every queued job, oldest first; returns how many were built."""
    ids = session.scalars(
        select(ExportJob.id).where(ExportJob.status == JobStatus.queued).order_by(ExportJob.id)
    ).all()
    for job_id in ids:
        run_job(session, job_id)
    return len(ids)


def start_thread(app: Flask, job_id: int) -> threading.Thread:
    """Build ``job_id`` in a daemon thread with its own app context and session."""

    def work() -> None:
        with app.app_context():
            run_job(db.session, job_id)

    thread = threading.Thread(target=work, name=f"export-job-{job_id}", daemon=True)
    thread.start()
    return thread

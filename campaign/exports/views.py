"""Staff exports for one letter: downloads, the statement check, snapshots, jobs."""

from __future__ import annotations

from flask import abort, current_app, flash, jsonify, redirect, render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from campaign.accounts.models import Role
from campaign.accounts.permissions import letter_role_required
from campaign.db import db
from campaign.exports import bp, jobs, services, snapshots
from campaign.exports.forms import DiffForm, ExportForm, FreezeForm, choices, language_choices
from campaign.exports.labels import KINDS
from campaign.exports.models import ExportJob, JobStatus
from campaign.exports.rows import ExportData
from campaign.exports.services import ExportError, ExportSpec
from campaign.i18n import _
from campaign.letters.models import Letter


def _export_form(letter: Letter) -> ExportForm:
    form = ExportForm()
    form.language.choices = language_choices(letter.languages)
    history = snapshots.snapshots_of(db.session, letter)
    form.snapshot.choices = choices(
        [(0, _("Current list"))] + [(s.id, _("Snapshot %(id)d", id=s.id)) for s in history]
    )
    if not form.is_submitted():
        form.language.data = letter.authoritative_language
    return form


def _page(
    letter: Letter,
    form: ExportForm,
    status: int = 200,
    data: ExportData | None = None,
    **extra: object,
) -> tuple[str, int]:
    """The exports page; ``data``, what the form asked of, when it chose a snapshot: the
    translations it warns of are then those the snapshot recorded as older when frozen."""
    history = snapshots.snapshots_of(db.session, letter)
    frozen = data if data is not None and data.snapshot_id else None
    diff_form = DiffForm()
    diff_form.old.choices = choices([(s.id, f"#{s.id}") for s in history])
    diff_form.new.choices = choices([(s.id, f"#{s.id}") for s in history])
    return render_template(
        "exports/index.html",
        letter=letter,
        form=form,
        freeze=FreezeForm(),
        snapshots=history,
        diff_form=diff_form,
        can_moderate=current_user.has_role(letter.id, Role.moderator),
        undrawable=services.undrawable_names(db.session, letter),
        undrawable_texts=services.undrawable_texts(letter),
        outdated=letter.outdated_texts if frozen is None else [],
        frozen=frozen,
        kinds=KINDS,
        **extra,
    ), status


@bp.route("/")
@letter_role_required(Role.exporter)
def index(letter: Letter) -> tuple[str, int]:
    return _page(letter, _export_form(letter))


def _spec(form: ExportForm) -> ExportSpec:
    return ExportSpec(
        format=form.format.data,
        language=form.language.data,
        contacts=form.contacts.data,
        group=form.group.data,
        columns=form.columns.data,
        session=form.session.data or "",
        agenda_item=form.agenda_item.data or "",
    )


@bp.route("/download", methods=["POST"])
@letter_role_required(Role.exporter)
def download(letter: Letter) -> Response | tuple[str, int]:
    """Validate, then check the statement, queue a long export or send the file at once."""
    form = _export_form(letter)
    if not form.validate_on_submit():
        return _page(letter, form, 400, _chosen_data(letter, form))
    spec = _spec(form)
    data = None
    try:
        services.validate(spec)  # before queueing: the reason is shown now, not by the job
        data = services.data_for(db.session, letter, form.snapshot.data or None)
        if form.check.data:
            result = services.check_statement(data, spec, form.session_start.data)
            return _page(letter, form, data=data, statement=result)
        services.validate_content(data, spec)
        if services.is_long(data, spec, current_app.config["EXPORT_BACKGROUND_ROWS"]):
            return _queue(letter, spec, form.snapshot.data or None)
        exported = services.produce(data, spec)
    except ExportError as error:
        flash(str(error.message), "error")
        return _page(letter, form, 400, data)
    return _send(exported.content, exported.filename, exported.mimetype)


def _chosen_data(letter: Letter, form: ExportForm) -> ExportData | None:
    """The snapshot a form sent back for corrections chose, if it chose one that exists."""
    if form.snapshot.errors or not form.snapshot.data:
        return None
    try:
        return services.data_for(db.session, letter, form.snapshot.data)
    except ExportError:
        return None


def _queue(letter: Letter, spec: ExportSpec, snapshot_id: int | None) -> Response:
    job = jobs.enqueue(db.session, letter, current_user, spec, snapshot_id)
    db.session.commit()
    if current_app.config["EXPORT_WORKER"] == "thread":
        jobs.start_thread(current_app._get_current_object(), job.id)
    return redirect(url_for(".job", slug=letter.slug, job_id=job.id))


def _send(content: bytes, filename: str, mimetype: str) -> Response:
    # As given: a text type names its charset already (Response's mimetype= adds another).
    response = Response(content, content_type=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _job(letter: Letter, job_id: int) -> ExportJob:
    """The letter's job, seen to if nobody is building it (its builder died, or its server
    restarted before building it): queued again, and in a thread here unless a worker
    process builds the exports."""
    job = db.session.get(ExportJob, job_id)
    if job is None or job.letter_id != letter.id:
        abort(404)
    if jobs.unattended(job):
        jobs.revive(db.session)
        db.session.refresh(job)
        if job.status is JobStatus.queued and current_app.config["EXPORT_WORKER"] == "thread":
            jobs.start_thread(current_app._get_current_object(), job.id)
    return job


@bp.route("/jobs/<int:job_id>")
@letter_role_required(Role.exporter)
def job(letter: Letter, job_id: int) -> str:
    return render_template("exports/job.html", letter=letter, job=_job(letter, job_id))


@bp.route("/jobs/<int:job_id>/progress")
@letter_role_required(Role.exporter)
def job_progress(letter: Letter, job_id: int) -> Response:
    job = _job(letter, job_id)
    ready = job.status is JobStatus.done
    return jsonify(
        status=job.status.value,
        progress=job.progress,
        error=job.error,
        download=url_for(".job_download", slug=letter.slug, job_id=job.id) if ready else None,
    )


@bp.route("/jobs/<int:job_id>/download")
@letter_role_required(Role.exporter)
def job_download(letter: Letter, job_id: int) -> Response:
    job = _job(letter, job_id)
    if job.status is not JobStatus.done or job.result is None:
        abort(404)
    return _send(job.result, job.filename, job.mimetype)


from campaign.exports import views_snapshots  # noqa: E402, F401

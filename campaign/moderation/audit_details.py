"""An audit entry's detail as a translated sentence, with links.

Services write a detail in a fixed shape per action ("import 12, line 10", "merge 3: [1, 2]
into 1", the criteria of a bulk invalidation...); it is read here, at display time, and the
stored text never changes. A detail that has not the shape its action writes (an older
entry) shows as stored."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from flask import url_for
from markupsafe import Markup, escape

from campaign.i18n import _, _l
from campaign.ids import parse_id
from campaign.moderation.audit_values import (
    FIELD_LABELS,
    Lookups,
    isolated,
    show,
    signature_link,
    when,
)
from campaign.moderation.bulk import CRITERIA_LABELS
from campaign.templating import names_list

FLAGS = re.ASCII | re.DOTALL  # ids are ASCII digits, as services write them
REQUEST = (
    r"(?P<kind>correction|withdrawal)(?:, asked through signature (?P<asker>\d+) merged into it)?"
)
SHAPES: dict[str, re.Pattern[str]] = {
    "import": re.compile(r"import (?P<batch>\d+), line (?P<line>\d+)", FLAGS),
    "import_batch": re.compile(r"import (?P<batch>\d+): (?P<file>.*)", FLAGS),
    "merge": re.compile(r"merge (?P<merge>\d+): \[(?P<ids>[\d, ]*)\] into (?P<kept>\d+)", FLAGS),
    "merge_undone": re.compile(r"undo merge (?P<merge>\d+)", FLAGS),
    "not_duplicate": re.compile(r"kept apart from \[(?P<ids>[\d, ]*)\]", FLAGS),
    "bulk_reject": re.compile(r"bulk invalidation: (?P<criteria>.+)", FLAGS),
    "correction_applied": re.compile(REQUEST, FLAGS),
    "correction_dismissed": re.compile(REQUEST, FLAGS),
    "left_merge_group": re.compile(
        r"withdrawal asked through signature (?P<asker>\d+) of its group", FLAGS
    ),
}
CRITERION = re.compile(
    rf"(?P<key>{'|'.join(CRITERIA_LABELS)})=(?P<value>.*?)(?=, (?:{'|'.join(CRITERIA_LABELS)})=|$)",
    FLAGS,
)
THROUGH = _l("Asked through %(signature)s, merged into this entry.")
GROUP_LEFT = _l("%(signature)s, of the same merge group, asked to withdraw.")
ASKED = {"correction": _l("Asked for corrections."), "withdrawal": _l("Asked to withdraw.")}
# Details that are one value: the text's language, the canonical name, the server's answer
# (each with its label, and the field whose values it takes, if any).
VALUE_OF: dict[str, tuple[object, str]] = {
    "text_saved": (_l("Language"), "language"),
    "text_delete": (_l("Language"), "language"),
    "text_authoritative": (_l("Language"), "language"),
    "use_canonical": (FIELD_LABELS["organisation_id"], ""),
    "confirmation_resent": (_l("Reason"), ""),
}


@dataclass(frozen=True)
class Detail:
    """A sentence, or labelled values (each an isolated (label, value) pair), or both."""

    sentence: Markup | None = None
    fields: tuple[tuple[Markup, Markup], ...] = ()


def sentence(message: object, **parts: object) -> Markup:
    """A translated sentence whose placeholders take markup (links, isolated names); any
    other value is escaped."""
    return Markup(escape(str(message))) % parts


def _ids(text: str | None) -> list[int]:
    found = [parse_id(part.strip()) for part in (text or "").split(",")]
    return [i for i in found if i is not None]


def parsed(action: str, detail: str) -> dict[str, str] | None:
    shape = SHAPES.get(action)
    match = shape.fullmatch(detail) if shape else None
    return match.groupdict() if match else None


def signature_ids(action: str, detail: str) -> set[int]:
    """The signatures a detail names, to fetch their names with the page's others."""
    parts = parsed(action, detail) or {}
    return set(_ids(",".join(parts.get(k) or "" for k in ("ids", "kept", "asker"))))


def batch_id(action: str, detail: str) -> int | None:
    return parse_id((parsed(action, detail) or {}).get("batch"))


def _batch(parts: dict[str, str], found: Lookups) -> Markup:
    number = parse_id(parts["batch"])
    if found.slug is None or number not in found.batches:
        return escape(parts["batch"])
    href = url_for("imports.batch", slug=found.slug, batch_id=number)
    return Markup('<a href="{}">{}</a>').format(href, parts["batch"])


def _links(ids: list[int], found: Lookups) -> Markup:
    return names_list(signature_link(i, found) for i in ids)


def _import(parts: dict[str, str], found: Lookups, _own: int | None) -> Detail:
    batch = _batch(parts, found)
    return Detail(sentence(_l("Line %(line)s of list %(batch)s"), line=parts["line"], batch=batch))


def _import_batch(parts: dict[str, str], found: Lookups, _own: int | None) -> Detail:
    source = isolated(parts["file"]) if parts["file"] else _("Pasted text")
    return Detail(sentence(_l("List %(batch)s: %(file)s"), batch=_batch(parts, found), file=source))


def _merge(parts: dict[str, str], found: Lookups, _own: int | None) -> Detail:
    kept = parse_id(parts["kept"])
    merged = _links([i for i in _ids(parts["ids"]) if i != kept], found)
    text = _l("Merge %(number)s: %(merged)s into %(kept)s")
    kept_link = signature_link(kept, found)
    return Detail(sentence(text, number=parts["merge"], merged=merged, kept=kept_link))


def _undo(parts: dict[str, str], _found: Lookups, _own: int | None) -> Detail:
    return Detail(sentence(_l("Undoing merge %(number)s"), number=parts["merge"]))


def _apart(parts: dict[str, str], found: Lookups, own: int | None) -> Detail:
    others = _links([i for i in _ids(parts["ids"]) if i != own], found)
    return Detail(sentence(_l("Kept apart from %(names)s"), names=others))


def _bulk(parts: dict[str, str], _found: Lookups, _own: int | None) -> Detail:
    fields = tuple(
        (
            escape(str(CRITERIA_LABELS[m["key"]])),
            when(m["value"]) if m["key"] in ("since", "until") else isolated(m["value"]),
        )
        for m in CRITERION.finditer(parts["criteria"])
    )
    return Detail(fields=fields) if fields else Detail(isolated(parts["criteria"]))


def _request(parts: dict[str, str], found: Lookups, _own: int | None) -> Detail:
    text = escape(str(ASKED[parts["kind"]]))
    if parts["asker"]:
        asker = signature_link(parse_id(parts["asker"]), found)
        through = sentence(THROUGH, signature=asker)
        text = Markup("{} {}").format(text, through)
    return Detail(text)


def _group(parts: dict[str, str], found: Lookups, _own: int | None) -> Detail:
    asker = signature_link(parse_id(parts["asker"]), found)
    return Detail(sentence(GROUP_LEFT, signature=asker))


RENDER: dict[str, Callable[[dict[str, str], Lookups, int | None], Detail]] = {
    "import": _import,
    "import_batch": _import_batch,
    "merge": _merge,
    "merge_undone": _undo,
    "not_duplicate": _apart,
    "bulk_reject": _bulk,
    "correction_applied": _request,
    "correction_dismissed": _request,
    "left_merge_group": _group,
}


def _value(action: str, detail: str) -> Detail:
    name, field = VALUE_OF[action]
    return Detail(fields=((escape(str(name)), show(field, detail, Lookups())),))


def render(action: str, detail: str, found: Lookups, own: int | None = None) -> Detail | None:
    """The detail of an entry of ``action`` (about signature ``own``), as people read it."""
    if not detail:
        return None
    if action in VALUE_OF:
        return _value(action, detail)
    parts = parsed(action, detail)
    if parts is None:
        return Detail(isolated(detail))
    return RENDER[action](parts, found, own)

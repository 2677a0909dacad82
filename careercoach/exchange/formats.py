"""The three export formats, as pure functions from journal data to bytes.

- json: the full backup `careercoach import --replace` restores exactly. One entry per
  line (readable, diff-friendly) and encoded with msgspec (fast at 100k).
- csv: one row per entry for spreadsheets: UTF-8 with a byte-order mark so Excel reads
  Japanese correctly, and cells a spreadsheet would run as formulas prefixed with "'".
- md: the promotion packet, where every piece of user text is Markdown-escaped so a
  title can never become a heading, a link or HTML.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from careercoach.journal import APP_MARKER, SCHEMA_VERSION
from careercoach.json_codec import encode
from careercoach.model import (
    COMPANY_TYPE_LABELS,
    KINDS,
    TARGET_ROLE_LABELS,
    Entry,
    Profile,
    details_text,
)

if TYPE_CHECKING:
    from careercoach.readiness import Assessment

CSV_COLUMNS = (
    "id",
    "date",
    "kind",
    "type",
    "title",
    "notes",
    "tags",
    "details",
    "created",
    "updated",
    "title_ja",
    "starred",  # "yes" for a highlight, else empty
)
# A cell starting with one of these is run as a formula by spreadsheets (the full-width
# forms too, which Japanese spreadsheet software may convert).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def render_json(
    entries: Sequence[Entry],
    profile: Profile,
    plan: Mapping[str, Any] | None,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> bytes:
    """A backup in `Journal.snapshot()`'s shape; entries oldest first.

    A date-filtered export records its `range`, so `import --replace` can refuse to
    treat it as the whole journal.
    """
    head: dict[str, Any] = {
        "app": APP_MARKER,
        "schema": SCHEMA_VERSION,
        "profile": profile.to_dict(),
        "plan": dict(plan) if plan is not None else None,
    }
    if since or until:
        head["range"] = {
            "since": since.isoformat() if since else None,
            "until": until.isoformat() if until else None,
        }
    lines = [b"{"]
    lines += [b"  %s: %s," % (encode(key), encode(value)) for key, value in head.items()]
    lines.append(b'  "entries": [')
    lines.append(b",\n".join([b"    " + encode(e.to_dict()) for e in reversed(entries)]))
    lines += [b"  ]", b"}", b""]
    return b"\n".join(lines)


def spreadsheet_safe(cell: str) -> str:
    """Stop a spreadsheet from running user text as a formula (OWASP CSV injection)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _csv_row(e: Entry) -> list[str]:
    """Every cell neutralised: a hand-edited journal or an imported file may put a
    formula in any field, timestamps and tags included."""
    details = e.details
    extra = details_text(details, "; ") if len(details) > ("type" in details) else ""
    cells = (
        e.id,
        e.date.isoformat(),
        e.kind,
        e.subtype or "",
        e.title,
        e.notes,
        " ".join(e.tags),
        extra,
        e.created,
        e.updated,
        spreadsheet_safe(e.title_ja),
        "yes" if e.starred else "",
    )
    return [spreadsheet_safe(cell) for cell in cells]


def render_csv(entries: Iterable[Entry]) -> bytes:
    """One row per entry, newest first, with a header; UTF-8 with a BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(map(_csv_row, entries))
    return buffer.getvalue().encode("utf-8-sig")


# -- Markdown promotion packet -------------------------------------------------

# Backslash-escape every character that can start inline Markdown (links, images, HTML,
# emphasis, code, tables, strikethrough, GitHub math, headings); translate is fast.
_MD_INLINE = str.maketrans({c: "\\" + c for c in "\\`*_[]<>&|~$#"})
_ONE_LINE = str.maketrans({"\r": " ", "\n": " "})
_MD_LIST_MARK = re.compile(r"^([-+=])")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")


def md_escape(text: str) -> str:
    """Make one line of user text literal in Markdown (CommonMark and GitHub)."""
    return text.translate(_ONE_LINE).translate(_MD_INLINE)


def md_escape_block(text: str) -> list[str]:
    """User notes as literal Markdown lines: no heading, list, quote, fence or code."""
    lines = []
    for raw in text.strip("\n").splitlines():
        line = raw.strip(" \t").translate(_MD_INLINE)
        line = _MD_ORDERED.sub(r"\1\\\2", _MD_LIST_MARK.sub(r"\\\1", line))
        lines.append(line)
    return lines


@functools.cache
def _kind_label(kind: str, subtype: str | None) -> str:
    label = KINDS[kind].label
    return md_escape(f"{label} ({subtype.replace('_', ' ')})" if subtype else label)


def _entry_lines(entry: Entry) -> list[str]:
    star = "★ " if entry.starred else ""
    lines = [
        f"- {star}**{entry.date.isoformat()}** · {_kind_label(entry.kind, entry.subtype)} · "
        f"{md_escape(entry.title)} `{entry.id}`"
    ]
    if entry.title_ja:
        lines.append(f"  日本語: {md_escape(entry.title_ja)}")
    if entry.tags:
        lines.append(f"  tags: {md_escape(' '.join(entry.tags))}")
    notes = md_escape_block(entry.notes)
    if notes:
        lines.append("")
        lines += [f"  > {line}  " if line else "  >" for line in notes]
        lines.append("")
    return lines


def evidence_order(entries: Iterable[Entry]) -> list[Entry]:
    """Starred entries first, then achievements, then newest first (ties: the journal's
    own order)."""
    return sorted(
        entries, key=lambda e: (not e.starred, e.kind != "achievement", -e.date.toordinal())
    )


PACKET_PROFILE_LABELS = {
    "company_type": "Company type",
    "target_role": "Target role",
    "start_date": "With the company since",
    "jlpt_level": "JLPT level",
    "next_evaluation": "Next evaluation",
    "contract_renewal": "Contract renewal",
    "manager_name": "Manager",
}


# Stored values shown as people say them ("Japanese company", not `japanese`).
PACKET_VALUE_LABELS = {"company_type": COMPANY_TYPE_LABELS, "target_role": TARGET_ROLE_LABELS}


def _profile_lines(profile: Profile) -> list[str]:
    data = profile.to_dict()
    lines = [
        f"- {label}: " + md_escape(PACKET_VALUE_LABELS.get(key, {}).get(data[key], str(data[key])))
        for key, label in PACKET_PROFILE_LABELS.items()
        if data[key]
    ]
    return lines or ["- (no profile set: `careercoach profile set ...`)"]


def selection_words(kind: str | None, starred: bool) -> str:
    """What a narrowed packet holds, in words for its header ("" for everything)."""
    what = []
    if starred:
        what.append("starred entries")
    if kind:
        what.append(f"{KINDS[kind].label} entries")
    return ("Only " + " that are ".join(what) + ".") if what else ""


def render_markdown(
    entries: Sequence[Entry],
    profile: Profile,
    assessment: Assessment,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    selection: str = "",
) -> bytes:
    """The promotion packet: profile, readiness, then evidence grouped by criterion.

    `entries` are the ones in the chosen date range (and `selection`, in words, when
    they were narrowed further); `assessment` is the current readiness over the whole
    journal. An entry cited by two criteria appears under
    both; entries no criterion cites are listed last, so nothing is left out.
    """
    by_id = {e.id: e for e in entries}
    name = md_escape(profile.name) if profile.name else "(name not set)"
    period = f"{since.isoformat() if since else 'start'} to {until.isoformat() if until else 'now'}"
    out = [
        f"# Promotion packet: {name}",
        "",
        f"Prepared on {assessment.as_of.isoformat()} with careercoach. "
        f"Evidence from {period}: {len(entries)} entries.{' ' + selection if selection else ''}",
        "",
        "## Profile",
        "",
        *_profile_lines(profile),
        "",
        f"## Readiness: {assessment.overall}/100 ({md_escape(assessment.band.name)})",
        "",
        md_escape(assessment.band.meaning),
        "",
    ]
    for score in assessment.criteria:
        out.append(
            f"- {md_escape(score.title)}: {score.score}/100 "
            f"({md_escape(score.section)}). {md_escape(score.explanation)}"
        )
    out += ["", "## Evidence by criterion", ""]
    cited: set[str] = set()
    for score in assessment.criteria:
        evidence = [by_id[i] for i in score.evidence_ids if i in by_id]
        cited.update(e.id for e in evidence)
        out += [f"### {md_escape(score.title)} ({score.score}/100)", ""]
        if not evidence:
            out += ["No evidence in this period yet.", ""]
            continue
        for entry in evidence_order(evidence):
            out += _entry_lines(entry)
        out.append("")
    others = [e for e in entries if e.id not in cited]
    if others:
        out += ["### Other entries", ""]
        for entry in evidence_order(others):
            out += _entry_lines(entry)
        out.append("")
    return "\n".join(out).encode()

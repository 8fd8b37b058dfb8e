"""Settings kept in the database, so they travel with its backups: today the parts of an official report
the office sets once (issuing body, place, signer, recipients)."""

from __future__ import annotations

import json
from dataclasses import asdict, fields

from db.engine import Database
from db.models import Setting
from desktop_app.domain.report import ReportSettings
from desktop_app.domain.text import clean
from desktop_app.services import permissions

REPORT_KEY = "report"


def report_settings(db: Database) -> ReportSettings:
    """The report settings saved (defaults for what was never saved)."""
    with db.reading() as session:
        row = session.get(Setting, REPORT_KEY)
        saved = json.loads(row.value) if row is not None else {}
    known = {f.name for f in fields(ReportSettings)}
    values = {k: v for k, v in saved.items() if k in known}
    if "recipients" in values:
        values["recipients"] = tuple(values["recipients"])
    return ReportSettings(**values)


def save_report_settings(db: Database, settings: ReportSettings) -> ReportSettings:
    """Store the report settings (texts cleaned, empty recipient lines dropped); returns what was stored."""
    stored = ReportSettings(
        issuing_body=clean(settings.issuing_body),
        place=clean(settings.place),
        signer_on_behalf=clean(settings.signer_on_behalf),
        signer_title=clean(settings.signer_title),
        signer_name=clean(settings.signer_name),
        recipients=tuple(clean(r) for r in settings.recipients if clean(r)),
    )
    permissions.require_admin(db, "action.report_settings")
    with db.transaction() as session:
        row = session.get(Setting, REPORT_KEY)
        text = json.dumps(asdict(stored), ensure_ascii=False)
        if row is None:
            session.add(Setting(key=REPORT_KEY, value=text))
        else:
            row.value = text
    return stored

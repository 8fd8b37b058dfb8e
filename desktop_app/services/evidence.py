"""Use cases for evidence files: attach a file to a progress report, list them, find the stored copy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from db.engine import Database
from db.models import EvidenceFile, ProgressReport
from desktop_app.errors import NotFound
from desktop_app.io.evidence_store import FOLDER, store
from desktop_app.services import permissions


@dataclass(frozen=True)
class EvidenceInfo:
    """One attached file."""

    id: int
    file_name: str
    sha256: str
    size: int
    path: Path


def evidence_folder(db: Database) -> Path:
    """Where the copies live: a folder beside the database file."""
    return db.path.parent / FOLDER


def attach(db: Database, *, report_id: int, path: Path) -> EvidenceInfo:
    """Copy a file into the evidence folder and attach it to a report (the original stays where it is)."""
    with db.reading() as session:
        report = session.get(ProgressReport, report_id)
        if report is None:
            raise NotFound("evidence.no_report", report_id=report_id)
        item_id, unit_id = report.item_id, report.unit_id
    permissions.require_progress_right(db, item_id=item_id, unit_id=unit_id)  # an officer: their unit's reports
    stored, sha256, size = store(evidence_folder(db), path)
    with db.transaction() as session:
        row = EvidenceFile(report_id=report_id, file_name=path.name, stored_name=stored, sha256=sha256, size=size)
        session.add(row)
        session.flush()
        return EvidenceInfo(row.id, row.file_name, sha256, size, evidence_folder(db) / stored)


def files_of(db: Database, *, report_id: int) -> list[EvidenceInfo]:
    """The files attached to a report, oldest first."""
    with db.reading() as session:
        report = session.get(ProgressReport, report_id)
        if report is None:
            return []
        return [EvidenceInfo(e.id, e.file_name, e.sha256, e.size, evidence_folder(db) / e.stored_name)
                for e in report.evidence_files]


def detach(db: Database, *, evidence_id: int) -> None:
    """Remove an attachment record (the stored copy stays: another report may share it)."""
    with db.transaction() as session:
        row = session.get(EvidenceFile, evidence_id)
        if row is None:
            raise NotFound("evidence.not_found", evidence_id=evidence_id)
        report = row.report
        permissions.require_progress_right(db, item_id=report.item_id, unit_id=report.unit_id)
        session.delete(row)

"""Builders of .docx and .xlsx versions of the seed appendices, as officers' real files look."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import openpyxl
from docx import Document
from openpyxl.styles import Alignment, Font

from desktop_app.io.appendix.detect import read_document
from desktop_app.io.appendix.tables import find_runs


def seed_rows(path: Path) -> tuple[list[str], list[str], list[list[list[str]]]]:
    """Title lines, the header row and the body split into page chunks, from a seed text file."""
    doc = read_document(path.read_bytes(), path.name)
    run = find_runs(doc)[0]
    t_index, r_index = run.table, run.row
    header = doc.tables[t_index].rows[r_index].cells
    chunks: list[list[list[str]]] = []
    for n, table in enumerate(doc.tables[t_index:]):
        rows = table.rows[r_index + 1 :] if n == 0 else table.rows
        body = [r.cells for r in rows if r.cells != header and any(c.strip() for c in r.cells)]
        if body:
            chunks.append(body)
    titles = list(doc.title_lines) + [
        c for t in doc.tables[:t_index] for r in t.rows for c in r.cells if c.strip()
    ]
    return titles, header, chunks


def _is_heading(cells: list[str]) -> bool:
    return all(not c.strip() for c in cells[2:])


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def make_docx(path: Path, *, nfd_text: bool = True) -> bytes:
    """A Word file: title paragraphs, one table per page chunk (header repeated on odd chunks only),
    heading rows merged across the whole row, text in NFD form when asked."""
    titles, header, chunks = seed_rows(path)
    document = Document()
    for line in titles:
        document.add_paragraph(nfd(line) if nfd_text else line)
    for n, chunk in enumerate(chunks):
        with_header = n % 2 == 0
        table = document.add_table(rows=0, cols=len(header))
        if with_header:
            cells = table.add_row().cells
            for cell, text in zip(cells, header, strict=False):
                cell.text = text
        for row in chunk:
            cells = table.add_row().cells
            if _is_heading(row):
                number, text = row[0], row[1]
                cells[0].text = number
                merged = cells[1].merge(cells[-1])
                merged.text = nfd(text) if nfd_text else text
            else:
                for cell, text in zip(cells, row, strict=False):
                    value = nfd(text) if nfd_text else text
                    lines = value.split("; ") if cell is cells[3] else [value]
                    cell.text = lines[0]
                    for extra in lines[1:]:  # units one per paragraph, as officers type them
                        cell.add_paragraph(extra)
        document.add_paragraph("")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_xlsx(path: Path, *, nfd_text: bool = True) -> bytes:
    """An Excel file: merged title rows above the header, heading rows merged across, numbers as numbers."""
    titles, header, chunks = seed_rows(path)
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "Ghi chú"
    notes["A1"] = "Bảng này không phải phụ lục"
    ws = wb.create_sheet("Phụ lục 1")
    width = len(header)
    row_no = 1
    for line in titles:
        ws.cell(row=row_no, column=1, value=nfd(line) if nfd_text else line)
        ws.merge_cells(start_row=row_no, start_column=1, end_row=row_no, end_column=width)
        ws.cell(row=row_no, column=1).alignment = Alignment(horizontal="center")
        row_no += 1
    row_no += 1
    for col, text in enumerate(header, start=1):
        ws.cell(row=row_no, column=col, value=text).font = Font(bold=True)
    for chunk in chunks:
        for row in chunk:
            row_no += 1
            if _is_heading(row):
                number = int(row[0].rstrip(".")) if row[0].rstrip(".").isdigit() else row[0]
                ws.cell(row=row_no, column=1, value=number)
                ws.cell(row=row_no, column=2, value=nfd(row[1]) if nfd_text else row[1])
                ws.merge_cells(start_row=row_no, start_column=2, end_row=row_no, end_column=width)
                continue
            for col, text in enumerate(row, start=1):
                ws.cell(row=row_no, column=col, value=nfd(text) if nfd_text and col > 1 else text)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()

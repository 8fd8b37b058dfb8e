"""Entry points for importing: recognise a file's format from its content and hand it to the right reader."""

from __future__ import annotations

import io
import zipfile

from desktop_app.errors import FileRefused
from desktop_app.io.appendix.docx_reader import read_docx
from desktop_app.io.appendix.raw import RawDocument
from desktop_app.io.appendix.text_reader import check_text, decode_text, read_text
from desktop_app.io.appendix.xlsx_reader import read_xlsx
from desktop_app.io.safety import check_zip
from desktop_app.messages import Message, Named

CLIPBOARD_NAME = "Khay nhớ tạm (clipboard)"
"""The source name of a pasted table, kept with the plan (data)."""
CLIPBOARD = Named(CLIPBOARD_NAME, Message("appendix.clipboard"))
"""What an error about a pasted table names instead of a file: CLIPBOARD_NAME, shown in the message's language."""
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

EMPTY = "appendix.empty"
OLE2 = "appendix.old_office"
PDF = "appendix.pdf"
RTF = "appendix.rtf"
NOT_OFFICE = "appendix.not_office"
OPEN_DOCUMENT = "appendix.open_document"


def _zip_kind(data: bytes, name: str) -> str:
    """Which reader a checked zip needs: "docx" or "xlsx"; refuse any other zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
    except Exception as exc:  # already checked, but never let a zip error escape
        raise FileRefused("appendix.zip_unreadable", file=name) from exc
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise FileRefused(OPEN_DOCUMENT, file=name)
    raise FileRefused(NOT_OFFICE, file=name)


def read_document(data: bytes, name: str) -> RawDocument:
    """Read a file's bytes as .docx, .xlsx, TSV or Markdown, decided from the content, never from the name."""
    if not data or data.isspace():
        raise FileRefused(EMPTY, file=name)
    if data[:4] in _ZIP_MAGIC:
        check_zip(data, name)
        if _zip_kind(data, name) == "docx":
            return read_docx(data, name, checked=True)
        return read_xlsx(data, name, checked=True)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileRefused(OLE2, file=name)
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-"):
        raise FileRefused(PDF, file=name)
    if head.startswith(b"{\\rtf"):
        raise FileRefused(RTF, file=name)
    text = decode_text(data, name)
    if not text.strip(" \t\r\n\ufeff\x0b\x0c"):
        raise FileRefused(EMPTY, file=name)
    return read_text(text, name)


def read_clipboard_text(text: str) -> RawDocument:
    """Read a table pasted from Word, Excel or a Markdown editor (same parser as text files)."""
    if not text.strip(" \t\r\n\ufeff\x0b\x0c"):
        raise FileRefused("appendix.clipboard_empty", file=CLIPBOARD)
    try:
        check_text(text, CLIPBOARD_NAME)
    except FileRefused as exc:
        exc.file = CLIPBOARD
        raise
    return read_text(text, CLIPBOARD_NAME)

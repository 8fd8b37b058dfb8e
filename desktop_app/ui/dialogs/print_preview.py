"""Print preview and printing of a PDF report: its real pages, rendered by PDFium (pypdfium2), drawn onto the
printer page by page in each page's own orientation. The printer and paper chosen are remembered."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF, QSettings
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrinterInfo,
    QPrintPreviewDialog,
)
from PySide6.QtWidgets import QWidget

MAX_DPI = 200  # enough for a sharp print of text; more only costs memory


def page_image(page: pdfium.PdfPage, dpi: int) -> QImage:
    """One PDF page as an image at dpi (white background)."""
    bitmap = page.render(scale=dpi / 72, prefer_bgrx=True)
    # BGRx bytes on a little-endian machine are Qt's RGB32 words; copy() detaches from PDFium's buffer.
    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32)
    return image.copy()


def page_count(pdf: Path) -> int:
    """How many pages the PDF has."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def paint_pdf(pdf: Path, printer: QPrinter) -> int:
    """Draw every page of pdf on printer (a real printer, a preview or a PDF file), each page in its own
    orientation and scaled to fit the paper; returns the number of pages drawn."""
    document = pdfium.PdfDocument(str(pdf))
    painter = QPainter()
    try:
        printer.setFullPage(True)  # the report carries its own margins
        dpi = min(printer.resolution(), MAX_DPI)
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            orientation = (QPageLayout.Orientation.Landscape if width > height
                           else QPageLayout.Orientation.Portrait)
            printer.setPageOrientation(orientation)
            if index == 0:
                if not painter.begin(printer):
                    return 0
            else:
                printer.newPage()
            image = page_image(page, dpi)
            page.close()
            target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            scale = min(target.width() / image.width(), target.height() / image.height())
            drawn = QRectF(0, 0, image.width() * scale, image.height() * scale)
            drawn.moveCenter(target.center() - target.topLeft())
            painter.drawImage(drawn, image)
        return len(document)
    finally:
        if painter.isActive():
            painter.end()
        document.close()


def make_printer() -> QPrinter:
    """A printer set up as last time (printer name, paper, colour, duplex)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    settings = QSettings()
    name = str(settings.value("print/printer", "") or "")
    if name and name in QPrinterInfo.availablePrinterNames():
        printer.setPrinterName(name)
    size = settings.value("print/page_size")
    if size is not None:
        printer.setPageSize(QPageSize(QPageSize.PageSizeId(int(size))))
    else:
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    colour = settings.value("print/colour")
    if colour is not None:
        printer.setColorMode(QPrinter.ColorMode(int(colour)))
    duplex = settings.value("print/duplex")
    if duplex is not None:
        printer.setDuplex(QPrinter.DuplexMode(int(duplex)))
    return printer


def remember(printer: QPrinter) -> None:
    """Keep the printer set-up for next time."""
    settings = QSettings()
    settings.setValue("print/printer", printer.printerName())
    settings.setValue("print/page_size", printer.pageLayout().pageSize().id().value)
    settings.setValue("print/colour", printer.colorMode().value)
    settings.setValue("print/duplex", printer.duplex().value)


def preview(pdf: Path, parent: QWidget | None, title: str) -> QPrintPreviewDialog:
    """A print preview of the PDF's real pages (shown by the caller with exec() or open())."""
    printer = make_printer()
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(lambda p: paint_pdf(pdf, p))
    dialog.finished.connect(lambda _result: remember(printer))
    dialog.resize(1000, 800)
    return dialog


def print_dialog(pdf: Path, parent: QWidget | None, title: str) -> bool:
    """Ask for the printer and print the PDF; False when the officer cancelled."""
    printer = make_printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    remember(printer)
    paint_pdf(pdf, printer)
    return True

"""A PDF shown from its bytes: the minutes' and the notice's versions, the period report."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QWidget


class PdfPreview(QPdfView):
    """Pages one under the other, fitted to the width, of the PDF last given to
    :meth:`show_pdf` (its bytes are kept in a buffer as long as they are shown).

    The document belongs to ``parent``, made before the view, so it is deleted before the view
    is (a document deleted as the view's own child, after the view's destructor, crashed)."""

    def __init__(self, parent: QWidget) -> None:
        document = QPdfDocument(parent)
        super().__init__(parent)
        self.pdf = document
        self._buffer: QBuffer | None = None
        self.setDocument(document)
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def show_pdf(self, data: bytes) -> None:
        """Show ``data`` (a PDF); empty bytes leave the view blank."""
        self.pdf.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        if not data:
            return
        buffer = QBuffer(self.pdf)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.pdf.load(buffer)

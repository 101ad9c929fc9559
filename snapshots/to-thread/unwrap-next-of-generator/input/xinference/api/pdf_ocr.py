import threading
from typing import Any, Generator, Tuple

# PDFium is not thread-safe: every PDFium call is serialised on this lock
_pdfium_lock = threading.Lock()


def rasterize_pdf(data: bytes, dpi: float = 200.0) -> Generator[Tuple[int, Any], None, None]:
    import pypdfium2 as pdfium

    scale = dpi / 72.0
    with _pdfium_lock:
        pdf = pdfium.PdfDocument(data)
        page_numbers = list(range(1, len(pdf) + 1))

    def _render() -> Generator[Tuple[int, Any], None, None]:
        try:
            for page_number in page_numbers:
                # held only while PDFium renders; released at the yield
                with _pdfium_lock:
                    page = pdf[page_number - 1]
                    image = page.render(scale=scale).to_pil()
                yield page_number, image
        finally:
            with _pdfium_lock:
                pdf.close()

    return _render()

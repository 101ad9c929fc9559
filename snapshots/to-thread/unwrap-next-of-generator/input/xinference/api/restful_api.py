import asyncio

from fastapi import UploadFile

from xinference.api.pdf_ocr import rasterize_pdf


async def ocr_pdf(image: UploadFile, model_ref):
    page_iter = await asyncio.to_thread(rasterize_pdf, image.file.read(), dpi=200)
    page_results = []
    while True:
        item = await asyncio.to_thread(next, page_iter, None)
        if item is None:
            break
        page_number, page_image = item
        page_results.append((page_number, await model_ref.ocr(image=page_image)))
    return page_results


async def first_row(rows: list):
    # A list iterator: nothing of the project runs in next().
    return await asyncio.to_thread(next, iter(rows), None)

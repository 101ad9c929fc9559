import asyncio
import functools

from shop.reports import fetch_report, render_chart, run_query


async def refresh(report_id, data):
    report = await asyncio.to_thread(
        lambda: fetch_report(
            report_id,
            fresh=True,  # bypass the cache
        )
    )
    chart = await asyncio.to_thread(
        functools.partial(
            render_chart,
            data,
            width=640,
        )
    )
    aligned = await asyncio.to_thread(fetch_report,
                                      report_id,
                                      fresh=False)
    rows = await asyncio.to_thread(
        lambda: run_query(
            """
            SELECT id FROM reports
            """,
            [report_id],
        )
    )
    kept = await asyncio.to_thread(
        fetch_report,
        report_id,
    )
    return report, chart, aligned, rows, kept

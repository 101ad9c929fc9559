from shop.reports import fetch_report, render_chart, run_query


async def refresh(report_id, data):
    report = fetch_report(
        report_id,
        fresh=True,  # bypass the cache
    )
    chart = render_chart(
        data,
        width=640,
    )
    aligned = fetch_report(
        report_id,
        fresh=False)
    rows = run_query(
        """
            SELECT id FROM reports
            """,
        [report_id],
    )
    kept = fetch_report(
        report_id,
    )
    return report, chart, aligned, rows, kept

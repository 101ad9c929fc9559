from shop.reports import report_builder


async def monthly_report(month):
    return report_builder(
        month=month,
    ).with_totals(
        currency="EUR",
    ).render(
        fmt="pdf",
    )


async def annotated_report(month):
    return report_builder(
            title="""Monthly
            report""",
        ).render(
            fmt="pdf",
        )

from decimal import Decimal


def names_of(customers):
    """Display names, for the weekly report."""
    return [c.name for c in customers]


def count_of(customers, extra=0):
    return len(customers) + extra


def labelled(customers, *, label="active"):
    # Hands the rows on as they are.
    return {label: names_of(customers)}


def total_of(amounts):
    return sum(amounts, Decimal("0"))

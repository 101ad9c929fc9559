from pkg.records import Audited, Entry, Point, Pooled, Registers


def new_registers() -> Registers:
    return Registers()


def new_entry() -> Entry:
    return Entry(items=[2])


def pooled(name: str) -> Pooled:
    return Pooled(name)


def audited() -> Audited:
    return Audited()


def origin() -> Point:
    return Point()

from pkg.store import Plain, SafeMap, Settings, ordered, plain_items, registry


def size(m: SafeMap) -> int:
    return len(m)


def lookup(m: SafeMap, key: str):
    return m[key]


def remember(key: str, value: str) -> None:
    # the module singleton's __setitem__
    registry[key] = value


def has(m: SafeMap, key: str) -> bool:
    return key not in m


def keys(m: SafeMap) -> list:
    return [key for key in m]


def joined(m: SafeMap) -> str:
    return ", ".join(m)


def non_empty(m: SafeMap) -> bool:
    if not m:
        return False
    return True


def close(m: SafeMap) -> None:
    m.closed = True


def is_closed(m: SafeMap) -> bool:
    return m.closed


def debug(settings: Settings) -> bool:
    return settings.values["debug"]


def plain(p: Plain) -> int:
    p.name = "x"
    if p:
        return len(p) + len(p.items)
    return 0


def first_ordered() -> int:
    items = plain_items()
    if items and "a" in ordered:
        return ordered["a"] + len(items)
    return 0

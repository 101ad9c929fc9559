import threading

from reports.storage import (
    apply_all,
    export_locked,
    get_store,
    guarded,
    write_tenant,
    write_through,
)


def save_shared(key, row):
    get_store().put(key, row, shared=True)


def save_batch(rows):
    get_store().put_many(rows)


def save_named(key, row):
    get_store().put_named(key, row)


def ranked(rows):
    return sorted(rows, key=get_store().rank)


def ranks(rows):
    return list(map(get_store().rank, rows))


def ranked_by_lambda(rows):
    store = get_store()
    return max(rows, key=lambda row: store.rank(row))


def ranked_by_helper(rows):
    return apply_all(rows, get_store().rank)


def export_pdf():
    return export_locked("pdf")


def tenant_write(tenant, payload):
    return write_tenant(tenant, payload)


def tenant_write_through(tenant, payload):
    return write_through(tenant, payload)


def guarded_write(guard, payload):
    return guarded(guard, payload)


# Right unwraps: nothing here waits on another thread on the caller's.
def titles(rows):
    return sorted(rows, key=get_store().plain)


def lowered(names):
    return sorted(names, key=str.lower)


def start_flush(rows):
    # The thread runs the rank, not the caller: starting it does not wait.
    worker = threading.Thread(target=get_store().rank, args=(rows[0],), daemon=True)
    worker.start()
    return worker.name


def first_ranked(rows):
    # `rank` only shares the method's name; the generator expression is this code's own.
    rank = len(rows)
    return next(row for row in rows if row.get("rank") == rank), str(rank)

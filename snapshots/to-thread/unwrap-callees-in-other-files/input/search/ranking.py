from . import state


def rerank(rows):
    state.generation_lock.acquire()
    try:
        return sorted(rows, key=lambda r: r["score"])
    finally:
        state.generation_lock.release()


def prepare(rows):
    return normalise(rows)


def normalise(rows):
    return score(rows)


def score(rows):
    return rank_all(rows)


def rank_all(rows):
    return rerank(rows)

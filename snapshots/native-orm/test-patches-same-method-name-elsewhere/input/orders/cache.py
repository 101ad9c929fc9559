_local = {}


def get(key, default=None):
    return _local.get(key, default)

"""A project thread helper of its own, under asgiref's name: not asgiref's, nothing converts."""
import threading


def sync_to_async(func):
    async def run(*args, **kwargs):
        result = []
        worker = threading.Thread(target=lambda: result.append(func(*args, **kwargs)))
        worker.start()
        worker.join()
        return result[0]

    return run

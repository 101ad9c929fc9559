import time


def pause_between_batches():
    time.sleep(0.5)

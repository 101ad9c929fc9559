import time


def pause_between_batches():
    time.sleep(0.5)


def fan_out(jobs):
    from concurrent.futures import ThreadPoolExecutor, wait

    with ThreadPoolExecutor(max_workers=4) as pool:
        done, _ = wait([pool.submit(job) for job in jobs])
    return [f.result() for f in done]

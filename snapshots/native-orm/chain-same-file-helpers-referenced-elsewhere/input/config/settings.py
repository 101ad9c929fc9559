INSTALLED_APPS = ["django.contrib.contenttypes", "shop"]

# The nightly job runner imports each dotted path and calls it in a worker thread.
NIGHTLY_JOBS = [
    "shop.stock.sync_totals",
]

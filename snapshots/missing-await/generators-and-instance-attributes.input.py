async def stream_rows(query):
    for row in query:
        yield row


async def fetch_page(url):
    return [url]


async def consume(query):
    # An async generator is iterated, not awaited.
    stream_rows(query)
    rows = stream_rows(query)
    async for row in rows:
        print(row)
    pages = fetch_page("/a")
    async for page in pages:
        print(page)
    head = stream_rows(query)
    await head.asend(None)


class Poller:
    def __init__(self, fetch=None):
        if fetch is not None:
            self.fetch = fetch

    async def fetch(self):
        return 1

    async def run(self):
        self.fetch()

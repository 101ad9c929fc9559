import asyncio
import sys

from .clients import fetch


async def main(url):
    print(await fetch(url))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))

if "__main__" == __name__:
    asyncio.run(main("https://example.com"))

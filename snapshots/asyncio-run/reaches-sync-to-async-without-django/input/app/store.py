from asgiref.sync import sync_to_async


def write(row):
    return row


async def save(row):
    return await sync_to_async(write)(row)


async def ping():
    return 1

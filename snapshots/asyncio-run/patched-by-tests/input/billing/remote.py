async def sync_remote(batch_id):
    return batch_id

import asyncio

from minio import Minio


class MinioStorage:
    def __init__(self, client: Minio) -> None:
        self.minio_client_sync = client

    async def check_bucket_exists(self, bucket_name: str) -> bool:
        # Meant: the sync twin below; as written the thread returns a coroutine.
        return await asyncio.to_thread(self.check_bucket_exists, bucket_name=bucket_name)

    def check_bucket_exists_sync(self, bucket_name: str) -> bool:
        return self.minio_client_sync.bucket_exists(bucket_name)

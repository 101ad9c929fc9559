from typing import Optional


class FGAClient:
    async def check(self, user: str, relation: str, obj: str) -> bool:
        return True


def get_fga_client() -> Optional[FGAClient]:
    return None


async def aget_fga_client() -> Optional[FGAClient]:
    return None


class PermissionService:
    @classmethod
    def _get_fga(cls) -> Optional[FGAClient]:
        return get_fga_client()

    @classmethod
    async def _aget_fga(cls) -> Optional[FGAClient]:
        """Async accessor for FGAClient.

        Falls back to ``_get_fga()`` so existing tests that patch the sync
        helper keep working without broad rewrites.
        """
        fga = await aget_fga_client()
        if fga is not None:
            return fga
        return cls._get_fga()

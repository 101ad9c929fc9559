from backend.services.osm_service import OSMService


class UserService:
    @staticmethod
    async def get_osm_details_for_user(user_id: int) -> dict:
        return OSMService.get_osm_details_for_user(user_id)

    @staticmethod
    async def profile(username: str) -> dict:
        return {"url": OSMService.profile_url(username)}

    @staticmethod
    async def changesets(user_id: int) -> list:
        return await OSMService.get_changesets(user_id)

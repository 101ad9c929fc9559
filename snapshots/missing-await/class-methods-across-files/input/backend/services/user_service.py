class UserService:
    @staticmethod
    async def has_user_accepted_license(user_id: int, license_id: int, db) -> bool:
        return user_id == license_id

    async def refresh_stats(self, user_id: int) -> None:
        print(user_id)

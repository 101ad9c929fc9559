class MessageService:
    @staticmethod
    async def notify_team(from_user: int, team_id: int, response: str) -> None:
        print(from_user, team_id, response)

    @staticmethod
    async def has_user_accepted_license(user_id: int, license_id: int) -> bool:
        return user_id == license_id

    @classmethod
    async def unread_count(cls, user_id: int) -> int:
        return 0

    @staticmethod
    def format_subject(subject: str) -> str:
        return subject.strip()

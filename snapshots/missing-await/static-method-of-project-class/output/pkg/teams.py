from pkg.messages import MessageService


class LicenseService:
    @staticmethod
    async def is_required(project_id: int) -> bool:
        return project_id > 0


class TeamService:
    @staticmethod
    async def accept_reject(team_id: int, from_user_id: int, members: list[int], action: str) -> None:
        for member in members:
            await MessageService.notify_team(from_user_id, team_id, action)

    @staticmethod
    async def check(user_id: int, license_id: int) -> None:
        if not await MessageService.has_user_accepted_license(user_id, license_id):
            raise PermissionError("license not accepted")
        if await LicenseService.is_required(license_id) and not user_id:
            raise PermissionError("license required")

    @staticmethod
    async def inbox(user_id: int) -> dict:
        # Not reported: awaited, handed to gather, a sync method, a name rebound here.
        unread = await MessageService.unread_count(user_id)
        subject = MessageService.format_subject(" Inbox ")
        return {"unread": unread, "subject": subject}


async def check_instance(user_id: int) -> None:
    svc = MessageService()
    if not await svc.has_user_accepted_license(user_id, 1):
        raise PermissionError("license not accepted")


async def check_rebound(user_id: int, service=None) -> None:
    service = service or MessageService()
    if not service.has_user_accepted_license(user_id, 1):  # service is not known: left alone
        raise PermissionError("license not accepted")

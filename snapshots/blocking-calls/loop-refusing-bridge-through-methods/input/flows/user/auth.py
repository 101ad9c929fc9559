from flows.permission.owner_service import rebac_check
from flows.utils import async_utils


class LoginUser:
    def __init__(self, user_id: int, admin: bool = False) -> None:
        self.user_id = user_id
        self.admin = admin

    def is_admin(self) -> bool:
        return self.admin

    def access_check(self, owner_user_id: int, target_id: str) -> bool:
        """F008 adapter: delegates to ReBAC."""
        if self.admin:
            return True
        from flows.permission.owner_service import _run_async_safe

        return any(
            _run_async_safe(rebac_check(self.user_id, relation, str(target_id)))
            for relation in ("can_edit", "can_manage")
        )

    def legacy_check(self, target_id: str) -> bool:
        return async_utils.run_async_on_caller_loop(rebac_check(self.user_id, "can_edit", target_id))

class UserInDB:
    admin: bool
    group_id: int

    @classmethod
    def from_token(cls, token: str) -> "UserInDB":
        return cls()

class Form:
    def __init__(self, data: dict):
        self.data = data

    async def cleaned_dict(self, request) -> dict:
        # The request is handed on for its headers (the locale), never its user.
        return {key: value for key, value in self.data.items() if value is not None}

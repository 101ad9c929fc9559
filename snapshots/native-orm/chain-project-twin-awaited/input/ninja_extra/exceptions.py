class APIException(Exception):
    def __init__(self, detail: str = "") -> None:
        self.detail = detail


class NotFound(APIException):
    status_code = 404

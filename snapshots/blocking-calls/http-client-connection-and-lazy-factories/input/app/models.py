class Notification:
    id: int

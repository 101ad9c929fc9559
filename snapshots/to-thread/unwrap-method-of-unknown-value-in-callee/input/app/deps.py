class Services:
    def __init__(self, image_moves, thumbnails):
        self.image_moves = image_moves
        self.thumbnails = thumbnails


class Invoker:
    def __init__(self, services: Services):
        self.services = services


class ApiDependencies:
    invoker: Invoker

class Invoker:
    def __init__(self, services):
        self.services = services


class ApiDependencies:
    invoker: Invoker

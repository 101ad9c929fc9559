class Invoker:
    """The invoker, used to execute invocations"""

    def __init__(self, services):
        self.services = services

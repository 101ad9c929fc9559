from invokeai.app.services.invoker import Invoker


class ApiDependencies:
    """Contains and initializes all dependencies for the API"""

    invoker: Invoker

    @staticmethod
    def initialize(invoker: Invoker) -> None:
        ApiDependencies.invoker = invoker

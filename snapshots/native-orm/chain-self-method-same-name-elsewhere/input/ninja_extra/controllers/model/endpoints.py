import typing as t


class ModelEndpointFactory:
    """Builds the CRUD routes of a model controller."""

    @classmethod
    def delete(cls, path: str, lookup_field: t.Optional[str] = None) -> t.Callable:
        def view(request, pk):
            return None

        return view

    @classmethod
    def update(cls, path: str) -> t.Callable:
        return lambda request: None

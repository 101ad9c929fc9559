import typing as t


class Route:
    """`@route.delete("/items/{id}")`: a route, not a model method."""

    def get(self, path: str = "") -> t.Callable:
        return self.delete(path)

    def delete(self, path: str = "") -> t.Callable:
        def decorator(view_func: t.Callable) -> t.Callable:
            return view_func

        return decorator


route = Route()

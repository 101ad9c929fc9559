import strawberry


@strawberry.interface
class View:
    id: strawberry.ID


# The GraphQL type shares the model's name and its base's: it is no model.
@strawberry.type
class RGBView(View):
    gamma: float | None
    name: str

from notes.models import Note, Tag


class NoteViewSet:
    model = Note

    async def perform_create(self, data: dict):
        instance = self.model(**data)
        instance.save()
        return instance


class BaseViewSet:
    model = None

    async def perform_create(self, data: dict):
        # each subclass names its own model
        instance = self.model(**data)
        instance.save()
        return instance


class TagViewSet(BaseViewSet):
    model = Tag


class SwappedViewSet:
    model = Note

    def use(self, model):
        self.model = model

    async def perform_create(self, data: dict):
        instance = self.model(**data)
        instance.save()
        return instance

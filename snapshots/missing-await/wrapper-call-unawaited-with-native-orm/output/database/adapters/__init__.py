from database.models import Entry


class EntryAdapters:
    @staticmethod
    def user_has_entries(user):
        return Entry.objects.filter(user=user).exists()

    @staticmethod
    async def auser_has_entries(user):
        return await Entry.objects.filter(user=user).aexists()

    @staticmethod
    def user_entry_count(user):
        return Entry.objects.filter(user=user).count()

    @staticmethod
    async def auser_entry_count(user):
        return await Entry.objects.filter(user=user).acount()

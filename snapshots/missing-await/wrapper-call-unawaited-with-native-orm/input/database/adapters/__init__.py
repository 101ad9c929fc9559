from database.models import Entry


class EntryAdapters:
    @staticmethod
    def user_has_entries(user):
        return Entry.objects.filter(user=user).exists()

    @staticmethod
    def user_entry_count(user):
        return Entry.objects.filter(user=user).count()

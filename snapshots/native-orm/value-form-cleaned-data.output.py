from asgiref.sync import sync_to_async
from django import forms

from .models import Cat, Tag


class CatForm(forms.Form):
    name = forms.CharField()
    age = forms.IntegerField()
    tags = forms.ModelMultipleChoiceField(queryset=Tag.objects.all(), required=False)

    async def update_cat(self, cat: Cat):
        for field, value in self.cleaned_data.items():
            if field != "tags":
                setattr(cat, field, value)
        await cat.asave()
        return cat

    @sync_to_async
    def count_tags(self) -> int:
        # A ModelMultipleChoiceField's cleaned value is a QuerySet: count() queries.
        return self.cleaned_data["tags"].count()

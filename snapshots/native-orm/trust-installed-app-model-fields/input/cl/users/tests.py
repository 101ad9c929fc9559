from asgiref.sync import sync_to_async
from django.test import TestCase
from taggit.models import Tag
from waffle.models import Flag, Switch

from cl.favorites.models import NoteHistory, UserTagEvent


class HistoryTest(TestCase):
    async def test_events_kept(self) -> None:
        user_tag_events = UserTagEvent.objects.all()
        event = await sync_to_async(user_tag_events.first)()
        self.assertEqual(event.name, "tag_1_user_2")
        # A copied ForeignKey and pghistory's own link are relations: these load lazily.
        self.assertEqual(event.user.username, "user_2")
        self.assertIsNotNone(event.pgh_obj)
        note = await sync_to_async(NoteHistory.objects.get)(pk=1)
        self.assertEqual(note.notes, "")

    async def test_design_flag(self) -> None:
        flag = await sync_to_async(Flag.objects.get)(name="use_new_design")
        self.assertTrue(
            flag.everyone,
            f"use_new_design flag is not everyone=True; got {flag.everyone!r}",
        )
        switch = await sync_to_async(Switch.objects.get)(name="maintenance")
        self.assertFalse(switch.active)

    async def test_tag_slug(self) -> None:
        tag = await sync_to_async(Tag.objects.get)(name="Lorem")
        self.assertEqual(tag.slug, "lorem")

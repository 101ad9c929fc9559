from asgiref.sync import sync_to_async

from activities.models.timeline_event import TimelineEvent


async def handle_identity_created(identity, new_identity):
    await sync_to_async(TimelineEvent.add_identity_created)(
        identity=identity,
        new_identity=new_identity,
    )


async def handle_post_deleted(identity, post_id):
    await sync_to_async(TimelineEvent.delete_post)(identity=identity, post_id=post_id)

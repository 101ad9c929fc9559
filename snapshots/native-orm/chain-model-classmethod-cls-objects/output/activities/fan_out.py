from activities.models.timeline_event import TimelineEvent


async def handle_identity_created(identity, new_identity):
    await TimelineEvent.aadd_identity_created(
        identity=identity,
        new_identity=new_identity,
    )


async def handle_post_deleted(identity, post_id):
    await TimelineEvent.adelete_post(identity=identity, post_id=post_id)

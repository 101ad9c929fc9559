from activities.models.timeline_event import TimelineEvent  # noqa: F401

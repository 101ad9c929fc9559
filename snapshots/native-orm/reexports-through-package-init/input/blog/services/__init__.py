from .counters import bump_views

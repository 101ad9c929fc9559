try:
    from app.db.fast_factories import make_registry
except ImportError:  # the C extension is optional
    from app.db.factories import make_registry

from app.db.factories import SessionFactory, make_plain_factory

__all__ = ["SessionFactory", "make_registry", "make_plain_factory"]

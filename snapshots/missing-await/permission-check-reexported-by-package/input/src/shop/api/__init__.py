"""The routes import from here, not from the submodules."""

from shop.api.perms import is_staff, may_edit  # noqa: F401

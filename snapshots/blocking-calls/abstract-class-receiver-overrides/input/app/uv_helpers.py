from app.package_manager import PixiPackageManager


class LockedPixiManager(PixiPackageManager):
    name = "pixi-locked"


async def locked_metadata(path: str) -> None:
    # Inherited through a base of another module: still the base's no-op.
    LockedPixiManager().update_notebook_script_metadata(path, packages_to_add=[])


async def log_locked(package: str) -> None:
    # The base's own log_install writes the audit file: its path, whatever the siblings do.
    LockedPixiManager().log_install(package)

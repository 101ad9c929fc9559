import asyncio
import os


def _alembic_config(script_location=None):
    from alembic.config import Config

    config = Config()
    config.set_main_option(
        "script_location",
        script_location or os.path.join(os.path.dirname(__file__), "..", "alembic"),
    )
    return config


async def run_startup_migrations(target: str = "head", script_location=None) -> None:
    """Run in a worker thread: env.py drives an async engine with asyncio.run."""

    def _upgrade():
        from alembic import command

        command.upgrade(_alembic_config(script_location), target)

    def _current():
        from alembic.config import Config

        return Config().get_main_option("script_location")

    await asyncio.to_thread(_upgrade)
    return _current()

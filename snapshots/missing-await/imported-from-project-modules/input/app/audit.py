import logging

logger = logging.getLogger(__name__)


async def record(event, user_id):
    logger.info("%s by %s", event, user_id)

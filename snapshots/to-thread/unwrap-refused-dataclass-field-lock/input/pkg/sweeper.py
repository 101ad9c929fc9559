import asyncio

from pkg.profiles import LocalBrowserProfile, ProfileStats


def release_profile(profile: LocalBrowserProfile) -> bool:
    # claims the profile for cleanup: the dataclass's own threading.Lock guards the flag
    return profile._begin_cleanup()


async def sweep(profiles: list[LocalBrowserProfile]) -> int:
    released = 0
    for profile in profiles:
        if await asyncio.to_thread(release_profile, profile):
            released += 1
    return released


async def stats_line(stats: ProfileStats) -> str:
    return await asyncio.to_thread(stats.summary)

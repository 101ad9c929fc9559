import datetime as _dt
import zoneinfo

from django.utils import timezone as _django_tz

IST = zoneinfo.ZoneInfo("Asia/Kolkata")


def now_ist() -> _dt.datetime:
    """Timezone-aware 'now' in IST."""
    return _django_tz.now().astimezone(IST)


def today_label() -> str:
    return now_ist().strftime("%d %b")

from app.notifications import send_welcome as welcome
from app import notifications
from .billing import charge
import app.audit


async def on_signup(user, request):
    await welcome(user)
    await notifications.send_digest(
        user,
        # weekly by default
        period="weekly",
    )
    await charge(user, amount=0)
    await app.audit.record("signup", user.pk)
    notifications.render_digest(user)


async def on_login(user):
    from app.sessions import touch

    await touch(user)

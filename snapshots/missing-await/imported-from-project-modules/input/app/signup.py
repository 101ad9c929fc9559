from app.notifications import send_welcome as welcome
from app import notifications
from .billing import charge
import app.audit


async def on_signup(user, request):
    welcome(user)
    notifications.send_digest(
        user,
        # weekly by default
        period="weekly",
    )
    charge(user, amount=0)
    app.audit.record("signup", user.pk)
    notifications.render_digest(user)


async def on_login(user):
    from app.sessions import touch

    touch(user)

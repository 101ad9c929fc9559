from app.mail import send_mail


async def send_welcome(user):
    await send_mail(user.email, "Welcome!")


async def send_digest(user, period="daily"):
    body = render_digest(user)
    await send_mail(user.email, body, period=period)


def render_digest(user):
    return f"Your {user.username} digest"

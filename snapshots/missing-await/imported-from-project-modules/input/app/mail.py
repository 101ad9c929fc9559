async def send_mail(to, body, **headers):
    return to, body, headers

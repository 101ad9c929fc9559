from ops.models import EmailChangeRequest


async def _aget_email_change_request(token: str) -> EmailChangeRequest | None:
    try:
        return await EmailChangeRequest.objects.select_related("user").aget(
            verification_token=token
        )
    except EmailChangeRequest.DoesNotExist:
        return None


async def confirm_email_change(request, token):
    email_request = await _aget_email_change_request(token)
    if email_request is None:
        return None
    user = email_request.user  # loaded by the helper's select_related
    user.email = email_request.new_email
    await user.asave()
    return user

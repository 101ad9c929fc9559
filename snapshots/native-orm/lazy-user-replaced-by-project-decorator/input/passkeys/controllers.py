from passkeys.decorators import audited, jwt_required, token_optional
from passkeys.models import PasskeyCredential


class PasskeyController:
    @staticmethod
    @jwt_required
    async def delete_credential(request, credential_id: int) -> dict:
        credential = PasskeyCredential.objects.get(
            id=credential_id,
            user=request.user,  # set by @jwt_required
        )
        remaining = PasskeyCredential.objects.filter(user=request.user).exclude(id=credential_id).count()
        credential.delete()
        return {"remaining": remaining}

    @staticmethod
    @token_optional
    async def list_credentials(request) -> list:
        return [c.name for c in PasskeyCredential.objects.filter(user=request.user)]

    @staticmethod
    @audited
    async def count_credentials(request) -> int:
        return PasskeyCredential.objects.filter(user=request.user).count()

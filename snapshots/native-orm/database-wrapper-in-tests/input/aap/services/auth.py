from django.contrib.auth.models import User


def create_jwt_token():
    user, _ = User.objects.get_or_create(username="_token_service_user")
    user.is_active = True
    user.save(update_fields=["is_active"])
    return f"jwt-{user.pk}", user

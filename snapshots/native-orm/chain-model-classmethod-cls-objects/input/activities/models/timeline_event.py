from django.db import models


class TimelineEvent(models.Model):
    """Something that has happened to an identity that we want them to see on one of the timelines."""

    class Types(models.TextChoices):
        post = "post"
        identity_created = "identity_created"

    identity_id = models.IntegerField()
    type = models.CharField(max_length=100, choices=Types.choices)
    subject_identity_id = models.IntegerField(null=True)

    @classmethod
    def add_identity_created(cls, identity, new_identity):
        return cls.objects.get_or_create(
            identity_id=identity.id,
            type=cls.Types.identity_created,
            subject_identity_id=new_identity.id,
        )[0]

    @classmethod
    def delete_post(cls, identity, post_id):
        cls.objects.filter(identity_id=identity.id, type=cls.Types.post).delete()

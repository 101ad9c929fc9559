from django.db import models


class Image(models.Model):
    name = models.CharField(max_length=100)


class RGBRenderContext(models.Model):
    name = models.CharField(max_length=100)
    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="rgb_contexts")


class View(models.Model):
    """Abstract: each concrete view names its reverse managers."""

    image = models.ForeignKey(Image, on_delete=models.CASCADE)
    creator = models.ForeignKey(
        "auth.User", null=True, on_delete=models.SET_NULL, related_name="created_%(class)ss"
    )

    class Meta:
        abstract = True
        default_related_name = "%(class)ss"


class RGBView(View):
    contexts = models.ManyToManyField(RGBRenderContext, related_name="views")
    gamma = models.FloatField(null=True)

    class Meta:
        default_related_name = "rgb_views"


class LabelView(View):
    # No Meta of its own: the abstract base's default names it (`labelviews`).
    label = models.CharField(max_length=50)

from django.db import models
from django.db.models import Prefetch


class Setting(models.Model):
    value = models.TextField()


class Config(models.Model):
    user = models.ForeignKey("auth.User", on_delete=models.CASCADE)
    setting = models.OneToOneField(Setting, on_delete=models.CASCADE)
    theme = models.ForeignKey("Theme", on_delete=models.CASCADE)


async def user_setting(u):
    p = Prefetch("setting", queryset=Setting.objects.all())
    config = await Config.objects.filter(user=u).prefetch_related(p).afirst()
    return config.setting


async def user_theme(u, lookup):
    p = Prefetch(lookup, queryset=Setting.objects.all())  # a lookup known at run time only
    config = await Config.objects.filter(user=u).prefetch_related(p).afirst()
    return config.theme


async def user_theme_prefetched_elsewhere(u, p):
    config = await Config.objects.filter(user=u).prefetch_related(p).afirst()
    return config.theme

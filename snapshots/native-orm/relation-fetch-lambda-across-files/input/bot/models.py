from django.db import models


class Bot_user(models.Model):
    user_id = models.BigIntegerField(unique=True)
    phone = models.CharField(max_length=32, null=True, blank=True)


class Feedback(models.Model):
    bot_user = models.ForeignKey('Bot_user', null=True, blank=True, on_delete=models.CASCADE, verbose_name='Пользователь бота')
    client = models.ForeignKey('app.Client', null=True, blank=True, on_delete=models.SET_NULL, verbose_name='Клиент')
    author = models.ForeignKey(Bot_user, on_delete=models.CASCADE, related_name='written_feedback')
    text = models.TextField(verbose_name='Текст обращения')

    def __str__(self):
        return f"Feedback #{self.pk}"

from django.db import models


class BotUser(models.Model):
    user_id = models.BigIntegerField(unique=True)
    phone = models.CharField(max_length=32, null=True, blank=True)


class Client(models.Model):
    name = models.CharField(max_length=255)


class Feedback(models.Model):
    bot_user = models.ForeignKey(BotUser, null=True, on_delete=models.SET_NULL)
    client = models.ForeignKey(Client, null=True, on_delete=models.SET_NULL)
    text = models.TextField()
    admin_message_id = models.BigIntegerField(null=True, db_index=True)
    answer = models.TextField(blank=True)
    answer_file_id = models.CharField(max_length=255, null=True)
    answer_file_type = models.CharField(max_length=16, null=True)
    answered_by = models.BigIntegerField(null=True)
    answered_by_name = models.CharField(max_length=255, null=True)
    answered_at = models.DateTimeField(null=True)

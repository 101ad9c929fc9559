from django.db import models


class ChatMessageType(models.TextChoices):
    HUMAN = "human", "Human"
    AI = "ai", "AI"


class Chat(models.Model):
    name = models.CharField(max_length=64)


class ChatMessage(models.Model):
    chat = models.ForeignKey(Chat, on_delete=models.CASCADE)
    message_type = models.CharField(max_length=10, choices=ChatMessageType.choices)
    content = models.TextField()

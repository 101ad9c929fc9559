from django.db import models


class Customer(models.Model):
    name = models.CharField(max_length=200)


class Invoice(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    number = models.CharField(max_length=20)
    paid = models.BooleanField(default=False)
    issued = models.DateField()

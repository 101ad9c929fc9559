from django.db import models


class Court(models.Model):
    id = models.CharField(max_length=15, primary_key=True)
    jurisdiction = models.CharField(max_length=3)


class Docket(models.Model):
    court = models.ForeignKey(Court, on_delete=models.CASCADE, related_name="dockets")
    case_name = models.TextField(blank=True)


class AbstractPDF(models.Model):
    filepath_local = models.FileField(upload_to="recap", blank=True)

    class Meta:
        abstract = True


class RECAPDocument(AbstractPDF):
    docket = models.ForeignKey(Docket, on_delete=models.CASCADE)
    thumbnail = models.ImageField(upload_to="thumbs", null=True)
    page_count = models.IntegerField(null=True)

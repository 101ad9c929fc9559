from django.db import models
from treebeard.mp_tree import MP_Node


class Tag(models.Model):
    name = models.CharField(max_length=50)


class Job(MP_Node):
    tags = models.ManyToManyField(Tag)


class Base(SomeVendorBase):
    label = models.CharField(max_length=20)


class Document(Base):
    readers = models.ManyToManyField("auth.User")


async def tag_job(job_id, tags):
    job = await Job.objects.aget(pk=job_id)
    await job.tags.aset(tags)


async def share(doc_id, users):
    doc = await Document.objects.aget(pk=doc_id)
    await doc.readers.aadd(*users)

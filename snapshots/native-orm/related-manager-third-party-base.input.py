from asgiref.sync import sync_to_async
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
    await sync_to_async(job.tags.set)(tags)


async def share(doc_id, users):
    doc = await Document.objects.aget(pk=doc_id)
    await sync_to_async(doc.readers.add)(*users)

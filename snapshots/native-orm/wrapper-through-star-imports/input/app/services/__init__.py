from asgiref.sync import *


@sync_to_async
def filter_objects_sync(model_class, filters):
    return list(model_class.objects.filter(**filters).values())

from asgiref.sync import sync_to_async

from sd.relay import resolve_model_nodes


async def get_result(django_type, info):
    retval = sync_to_async(resolve_model_nodes)(django_type, required=True)
    return await retval

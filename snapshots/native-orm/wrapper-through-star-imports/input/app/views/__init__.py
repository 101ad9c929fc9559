from asgiref.sync import sync_to_async

from asgiref.sync import sync_to_async

from todo.forms import TodoForm
from todo.models import TodoItem


async def add_todo(text: str, done: bool = False):
    existing = await TodoItem.objects.filter(text=text).afirst()
    if existing is None:
        # saved straight from the constructor, on a thread of its own
        await TodoItem(text=text, done=done).asave()


async def add_todos(texts: list[str]):
    for text in texts:
        await (TodoItem(
                text=text,  # the label typed by the user
            ).asave())


async def add_from_form(data: dict):
    # A form's save() has no async form: it stays wrapped.
    await sync_to_async(TodoForm(data).save)()

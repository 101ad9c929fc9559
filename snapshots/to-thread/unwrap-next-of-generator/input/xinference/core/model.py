import asyncio
import inspect


class ModelActor:
    def __init__(self, model):
        self._model = model
        self._pending_requests: asyncio.Queue = asyncio.Queue()

    async def _handle_pending_requests(self):
        while True:
            gen, stream_out, stop = await self._pending_requests.get()

            def _wrapper(_gen):
                # Avoid issue: https://github.com/python/cpython/issues/112182
                try:
                    return next(_gen)
                except StopIteration:
                    return stop
                except Exception as e:
                    return e

            while True:
                if inspect.isgenerator(gen):
                    # the model's sync generator reads a TextIteratorStreamer fed by a generation thread
                    r = await asyncio.to_thread(_wrapper, gen)
                else:
                    raise TypeError(type(gen))
                stream_out.put_nowait(r)
                if r is stop:
                    break

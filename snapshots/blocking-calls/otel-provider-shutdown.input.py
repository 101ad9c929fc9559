from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, OTLPSpanExporter


class ChatTracer:
    def __init__(self) -> None:
        self._provider = TracerProvider()
        self._provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))

    def close(self) -> None:
        # joins the batch processor's export thread
        self._provider.shutdown()


async def stream_reply(prompt: str):
    tracer = ChatTracer()
    try:
        yield prompt.upper()
    finally:
        tracer.close()


async def flush_spans(provider: TracerProvider) -> None:
    provider.force_flush(timeout_millis=5_000)

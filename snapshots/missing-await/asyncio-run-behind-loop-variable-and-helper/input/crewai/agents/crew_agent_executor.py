import asyncio
import inspect

from crewai.utilities.agent_utils import (
    handle_agent_action_core,
    is_inside_event_loop,
    resolve_plus_response,
    summarize_messages,
)


class CrewAgentExecutor:
    def __init__(self, client, step_callback=None):
        self.client = client
        self.step_callback = step_callback

    def _invoke_step_callback(self, answer):
        if self.step_callback:
            cb_result = self.step_callback(answer)
            if inspect.iscoroutine(cb_result):
                if is_inside_event_loop():
                    asyncio.get_running_loop().create_task(cb_result)
                else:
                    asyncio.run(cb_result)

    async def ainvoke(self, messages, answer):
        agent = resolve_plus_response(self.client.get_agent("researcher"))
        summary = summarize_messages(messages)
        self._invoke_step_callback(answer)
        handle_agent_action_core(self.step_callback, answer)
        return agent, summary

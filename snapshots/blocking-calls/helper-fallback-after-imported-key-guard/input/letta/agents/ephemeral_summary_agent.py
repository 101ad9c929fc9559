from letta.prompts.gpt_system import get_system_text


class EphemeralSummaryAgent:
    def __init__(self, prompt_key: str = "memgpt_v2_chat") -> None:
        self.prompt_key = prompt_key

    async def step(self, messages: list[str]) -> str:
        # A key of SYSTEM_PROMPTS: answered from memory, no file is read.
        system = get_system_text("summary_system_prompt")
        return system + "\n".join(messages)

    async def step_custom(self, messages: list[str]) -> str:
        # Any key: the fallback may create a folder and read a file on the loop.
        system = get_system_text(self.prompt_key)
        return system + "\n".join(messages)

    async def step_unknown_literal(self) -> str:
        return get_system_text("my_custom_prompt")

from letta.prompts.gpt_system import get_system_text


class EphemeralSummaryAgent:
    def __init__(self, prompt_name: str) -> None:
        self.prompt_name = prompt_name

    async def step(self, messages: list[str]) -> str:
        # A key of the dict: answered from memory, the file fallback never runs.
        system = get_system_text("summary_system_prompt")
        return system + "\n".join(messages)

    async def step_with_custom_prompt(self, messages: list[str]) -> str:
        # Any key: the fallback may read ~/.letta/system_prompts/<key>.txt.
        system = get_system_text(self.prompt_name)
        return system + "\n".join(messages)

    async def step_with_user_prompt(self, messages: list[str]) -> str:
        system = get_system_text("my_team_prompt")  # not in SYSTEM_PROMPTS: read from disk
        return system + "\n".join(messages)

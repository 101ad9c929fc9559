from letta.prompts.gpt_system import PromptStore, get_persona, get_system_text

store = PromptStore()


async def summarize(messages: list[str]) -> str:
    system = get_system_text("summary_system_prompt")
    return system + "\n".join(messages)


async def custom(messages: list[str], prompt_name: str) -> str:
    # A key the dict may not hold: the file is read.
    system = get_system_text(prompt_name)
    return system + "\n".join(messages)


async def misspelled(messages: list[str]) -> str:
    return get_system_text(key="summary_prompt") + "\n".join(messages)


async def persona() -> str:
    return get_persona("memgpt_chat")


async def stored() -> str:
    return store.text("memgpt_chat")

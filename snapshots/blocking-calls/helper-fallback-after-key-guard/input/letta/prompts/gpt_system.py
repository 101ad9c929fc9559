import os

from letta.prompts import system_prompts

SYSTEM_PROMPTS = {
    "summary_system_prompt": "You summarize conversations.",
    "memgpt_chat": "You are a helpful agent.",  # the default persona
}
PROMPTS_DIR = os.path.expanduser("~/.letta/system_prompts")


def get_system_text(key: str) -> str:
    # First the Python constants (no file I/O).
    if key in SYSTEM_PROMPTS:
        return SYSTEM_PROMPTS[key].strip()

    # Fallback: the user's own prompts in ~/.letta/system_prompts/*.txt
    with open(os.path.join(PROMPTS_DIR, f"{key}.txt"), encoding="utf-8") as file:
        return file.read().strip()


def get_persona(name: str) -> str:
    # Reads the file first: no guard before it.
    with open(os.path.join(PROMPTS_DIR, "personas", f"{name}.txt"), encoding="utf-8") as file:
        text = file.read()
    if name in SYSTEM_PROMPTS:
        return SYSTEM_PROMPTS[name]
    return text


class PromptStore:
    def text(self, key: str) -> str:
        if key in SYSTEM_PROMPTS:
            return SYSTEM_PROMPTS[key]
        return system_prompts.load(key)

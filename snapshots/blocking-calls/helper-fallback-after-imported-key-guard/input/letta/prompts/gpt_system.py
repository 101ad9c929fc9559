import os

from letta.prompts.system_prompts import SYSTEM_PROMPTS

USER_PROMPTS_DIR = os.path.join(os.path.expanduser("~/.letta"), "system_prompts")


def get_system_text(key: str) -> str:
    # first try to get from python constants (no file I/O)
    if key in SYSTEM_PROMPTS:
        return SYSTEM_PROMPTS[key].strip()

    # fallback to user custom prompts in ~/.letta/system_prompts/*.txt
    if not os.path.exists(USER_PROMPTS_DIR):
        os.makedirs(USER_PROMPTS_DIR)
    file_path = os.path.join(USER_PROMPTS_DIR, f"{key}.txt")
    if os.path.exists(file_path):
        with open(file_path, "r", encoding="utf-8") as file:
            return file.read().strip()
    raise FileNotFoundError(f"No file found for key {key}, path={file_path}")

from letta.prompts.system_prompts import memgpt_v2_chat, summary_system_prompt

SYSTEM_PROMPTS = {
    "summary_system_prompt": summary_system_prompt.PROMPT,
    "memgpt_v2_chat": memgpt_v2_chat.PROMPT,  # the default agent
}

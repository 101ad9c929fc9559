PROMPT = """You are a memory-recall assistant. Summarize the conversation so far."""

PROMPT = """You are a memory-recall assistant that summarizes conversations."""

from mem0.memory.main import Memory  # noqa: F401

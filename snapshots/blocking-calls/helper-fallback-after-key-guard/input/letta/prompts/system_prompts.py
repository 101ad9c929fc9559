def load(key: str) -> str:
    with open(f"/etc/letta/{key}.txt", encoding="utf-8") as file:
        return file.read()

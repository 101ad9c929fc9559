def write_audit(line: str) -> None:
    with open("/var/log/marimo/packages.log", "a", encoding="utf-8") as f:
        f.write(line + "\n")

import sqlite3


class Exports:
    def __init__(self, path: str = "exports.sqlite3") -> None:
        self.path = path

    def delete_export(self, export_id: int) -> None:
        with sqlite3.connect(self.path) as conn:
            conn.execute("delete from exports where id = ?", (export_id,))
        with open(f"/tmp/exports/{export_id}.log", "a") as log:
            log.write("deleted\n")


exports = Exports()


async def delete_export(export_id: int) -> dict:
    exports.delete_export(export_id)
    return {"ok": True}

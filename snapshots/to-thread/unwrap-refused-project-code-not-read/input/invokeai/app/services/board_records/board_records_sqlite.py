from invokeai.app.services.shared.sqlite_database import SqliteDatabase


class SqliteBoardRecordStorage:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    def get(self, board_id: str) -> dict:
        with self._db.transaction() as cursor:
            cursor.execute("SELECT * FROM boards WHERE board_id = ?;", (board_id,))
            return dict(cursor.fetchone())

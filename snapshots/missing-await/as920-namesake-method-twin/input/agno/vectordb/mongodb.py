class MongoDb:
    def __init__(self, collection):
        self._collection = collection

    def insert(self, document) -> None:
        self._collection.insert_many([document])

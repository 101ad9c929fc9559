import chromadb


class ChromaDb:
    def __init__(self, collection: str):
        self.client = chromadb.Client()
        self.collection = collection

    def exists(self) -> bool:
        try:
            self.client.get_collection(name=self.collection)
            return True
        except Exception:
            return False

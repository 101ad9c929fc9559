from invokeai.app.services.invoker import Invoker


class BoardService:
    __invoker: Invoker

    def start(self, invoker: Invoker) -> None:
        self.__invoker = invoker

    def get_dto(self, board_id: str) -> dict:
        board_record = self.__invoker.services.board_records.get(board_id)
        return {"board_id": board_record["board_id"], "name": board_record["board_name"]}

async def members(board_id: int) -> set[int]:
    return {1, 2, 3}

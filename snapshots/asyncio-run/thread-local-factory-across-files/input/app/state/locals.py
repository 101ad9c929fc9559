import threading


def make_request_state():
    state = threading.local()
    state.user_id = None
    return state

import threading

_socket_lock = threading.Lock()


def transport_call(payload: dict) -> dict:
    with _socket_lock:  # one frame on the wire at a time
        return payload

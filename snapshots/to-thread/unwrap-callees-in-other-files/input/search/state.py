# Set by the server at start-up (threading.Lock()); the search workers share it.
generation_lock = None

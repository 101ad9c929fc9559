def cleanup():
    return True, "cleaned"

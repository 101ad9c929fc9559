# Both modules are in the tree: the first arm is the one that runs.
try:
    from .native import summarize
except ImportError:  # pragma: no cover
    from .fallback import summarize

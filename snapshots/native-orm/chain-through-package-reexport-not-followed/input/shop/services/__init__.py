from . import stock

# The old name, kept for the plugins that import it.
reserve = stock.reserve_stock

try:
    from .pricing import reprice_order
except ImportError:  # pricing ships with the paid edition
    reprice_order = None

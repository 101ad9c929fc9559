from .reservations import release_stock, reserve_stock

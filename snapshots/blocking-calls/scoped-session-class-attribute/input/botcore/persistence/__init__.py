# flake8: noqa: F401
from botcore.persistence.models import init_db
from botcore.persistence.trade_model import PairLock, Trade

from .forms import Form  # noqa
from .requests import AuthRequest, Request  # noqa

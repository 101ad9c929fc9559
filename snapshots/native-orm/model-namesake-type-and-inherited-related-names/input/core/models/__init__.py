from .view import (
    Image,
    LabelView,
    RGBRenderContext,
    RGBView,
)

__all__ = ["Image", "LabelView", "RGBRenderContext", "RGBView"]

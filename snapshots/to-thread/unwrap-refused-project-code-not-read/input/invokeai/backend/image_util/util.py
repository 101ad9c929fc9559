import numpy as np
from PIL import Image


def pil_to_np(image: Image.Image) -> np.ndarray:
    return np.array(image, dtype=np.uint8)


def np_to_pil(image: np.ndarray) -> Image.Image:
    return Image.fromarray(image)

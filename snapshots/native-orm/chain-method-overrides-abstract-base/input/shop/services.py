from svc.service import ModelService

from shop.models import Product

products = ModelService(Product)

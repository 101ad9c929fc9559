from io import StringIO

from django.core.management import call_command

from shop.models import Product


def test_import_catalog_sets_every_stock_level(product, warehouse):
    Product.objects.create(sku="SKU-2", name="Pot", price="3.00", stock=1)
    warehouse.stock.update({"SKU-1": 5, "SKU-2": 0})
    out = StringIO()
    call_command("import_catalog", stdout=out)
    assert "imported 2 stock levels" in out.getvalue()
    assert dict(Product.objects.values_list("sku", "stock")) == {"SKU-1": 5, "SKU-2": 0}

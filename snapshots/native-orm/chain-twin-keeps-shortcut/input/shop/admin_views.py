"""Staff pages: sync Django views."""
from django.shortcuts import render

from shop.status import _order_or_404


def order_admin(request, pk):
    # The sync admin view: it keeps calling the sync helper.
    return render(request, "shop/order_admin.html", {"order": _order_or_404(pk)})

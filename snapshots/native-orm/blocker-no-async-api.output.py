from asgiref.sync import sync_to_async
from django.core.mail import send_mail
from django.shortcuts import render

from shop.forms import OrderForm
from shop.models import Order
from shop.pricing import recompute_totals


@sync_to_async
def confirm(order_id):
    order = Order.objects.get(pk=order_id)
    send_mail("Order confirmed", "...", "shop@example.com", [order.email])


@sync_to_async
def page(request):
    orders = Order.objects.filter(owner=request.user)
    return render(request, "orders.html", {"orders": orders})


@sync_to_async
def submit(data):
    form = OrderForm(data)
    if form.is_valid():
        form.save()
    return Order.objects.count()


@sync_to_async
def reprice(order: Order):
    recompute_totals(order)
    order.archive()
    order.invoice_pdf.save("invoice.pdf", b"...")
    order.save()


@sync_to_async
def notify_only(user):
    # no ORM work at all: a legitimate thread wrapper, nothing to say
    send_mail("Hi", "...", "shop@example.com", [user.email])

from django.urls import path

from . import async_views, views

urlpatterns = [
    path("products/<int:pk>/", views.product_detail, name="product-detail"),
    path("products/<int:pk>/order/", views.place_order, name="place-order"),
    path("api/products/", views.product_list_api, name="product-list-api"),
    path("api/products/stats/", async_views.product_stats_api, name="product-stats-api"),
    path("api/products/<int:pk>/", views.product_api, name="product-api"),
    path("api/products/<int:pk>/reserve/", views.reserve_api, name="reserve-api"),
    path("api/products/<int:pk>/refresh/", views.refresh_stock_api, name="refresh-stock-api"),
    path("api/orders/count/", views.order_count_api, name="order-count-api"),
    path("api/orders/<int:pk>/", views.order_status_api, name="order-status-api"),
    path("api/orders/<int:pk>/cancel/", async_views.cancel_order_api, name="cancel-order-api"),
    path("api/orders/<int:pk>/summary/", async_views.order_summary_api, name="order-summary-api"),
    path("api/tasks/<str:cid>/", views.task_status_api, name="task-status-api"),
    path("api/token/", views.token_api, name="token-api"),
]

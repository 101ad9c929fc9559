import ipaddress

from asgiref.sync import sync_to_async
from django.core.cache import cache
from django.http import HttpResponseForbidden

from website.models import Blocked

CACHE_TIMEOUT = 86400


class IPRestrictMiddleware:
    """Blocks requests from blocked IPs, networks and user agents."""

    def __init__(self, get_response):
        self.get_response = get_response

    def get_cached_data(self, cache_key, queryset, timeout=CACHE_TIMEOUT):
        cached_data = cache.get(cache_key)
        if cached_data is None:
            cached_data = list(filter(None, queryset))  # Filter out None values
            cache.set(cache_key, cached_data, timeout=timeout)
        return cached_data

    def blocked_ips(self):
        blocked_addresses = Blocked.objects.filter(address__isnull=False).values_list("address", flat=True)
        return set(self.get_cached_data("blocked_ips", blocked_addresses))

    def blocked_agents(self):
        blocked_user_agents = Blocked.objects.values_list("user_agent_string", flat=True)
        return set(self.get_cached_data(
            "blocked_agents",
            queryset=blocked_user_agents,  # every agent string, blanks dropped above
        ))

    def normalized_networks(self, networks):
        return [ipaddress.ip_network(n, strict=False) for n in networks]

    def blocked_ip_network(self):
        return self.normalized_networks(["10.0.0.0/8", "192.168.0.0/16"])

    async def record(self, ip):
        await Blocked.objects.filter(address=ip).aupdate(count=1)

    async def __acall__(self, request):
        blocked_ips = await sync_to_async(self.blocked_ips)()
        blocked_agents = await sync_to_async(self.blocked_agents)()
        networks = await sync_to_async(self.blocked_ip_network)()
        ip = request.META.get("REMOTE_ADDR")
        if ip in blocked_ips or request.META.get("HTTP_USER_AGENT") in blocked_agents:
            await self.record(ip)
            return HttpResponseForbidden()
        if any(ipaddress.ip_address(ip) in n for n in networks):
            return HttpResponseForbidden()
        return await self.get_response(request)

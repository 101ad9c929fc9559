from django.test.client import Client


class TracingClient(Client):
    """Records every request; login and logout are Django's."""

    def request(self, **request):
        self.trace.append(request["PATH_INFO"])
        return super().request(**request)


class CredentialsClient(Client):
    def logout(self):
        self._credentials = {}
        super().logout()

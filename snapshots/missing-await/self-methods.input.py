import functools


def cached(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        return fn(*args)

    return wrapper


class ReportService:
    async def refresh(self, report_id):
        ...

    async def total(self):
        return 3

    @cached
    async def heavy(self):
        ...

    @staticmethod
    async def ping():
        ...

    def describe(self):
        return "reports"

    async def rebuild(self, report_ids):
        for report_id in report_ids:
            self.refresh(report_id)
        self.heavy()
        self.describe()
        self.unknown_method()
        summary = self.total()
        print(summary.bit_length())

        async def inner(other):
            other.refresh(1)

        return inner


class Other:
    def refresh(self):
        ...

    async def run(self, service: ReportService):
        service.refresh(1)
        self.refresh()

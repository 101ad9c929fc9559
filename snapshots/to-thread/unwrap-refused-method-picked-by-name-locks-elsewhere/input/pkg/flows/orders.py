from pkg.flows.base import Flow


class OrderFlow(Flow):
    step_names = ("validate", "record")

    def validate(self, order: dict) -> dict:
        if not order.get("items"):
            raise ValueError("empty order")
        return order

    def record(self, order: dict) -> dict:
        self.audit.write("order", order)
        return order

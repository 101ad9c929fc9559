class Ledger:
    """Entries of one account; `self.model` is set by the caller."""

    async def total(self):
        # a manager spelled over lines, a comment between the dot and its name
        return (
            self.model
            .  # the default manager
            objects.count()
        )

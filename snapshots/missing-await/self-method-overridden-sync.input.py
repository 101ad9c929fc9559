class Base:
    async def run(self):
        return 1

    async def go(self):
        self.run()


class Child(Base):
    def run(self):
        return 2


class Other:
    async def refresh(self):
        return 3

    async def go(self):
        self.refresh()

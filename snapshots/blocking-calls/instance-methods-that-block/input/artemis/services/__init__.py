class Reports:
    def read_latest(self) -> str:
        with open("/data/reports/latest.html", encoding="utf-8") as fh:
            return fh.read()

from pkg.flow import Flow, router
from pkg.rpm import RPMController


class AgentExecutor(Flow):
    def __init__(self):
        super().__init__()
        self.rpm = RPMController(max_rpm=10)

    @router("continue_reasoning")
    def call_llm_and_parse(self):
        self.rpm.check_or_wait()
        return "parsed"

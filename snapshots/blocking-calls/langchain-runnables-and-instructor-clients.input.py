"""Research agent LLM helpers (gpt-researcher's and cognee's shapes)."""
import instructor
from langchain.output_parsers import PydanticOutputParser
from langchain.prompts import PromptTemplate
from langchain_openai import ChatOpenAI, OpenAIEmbeddings
from openai import AsyncOpenAI, OpenAI
from pydantic import BaseModel


class Subtopics(BaseModel):
    subtopics: list[str]


async def construct_subtopics(task: str, parser: PydanticOutputParser) -> Subtopics:
    prompt = PromptTemplate(template="{task}\n{format_instructions}", input_variables=["task"])
    model = ChatOpenAI(model="gpt-4o", temperature=0)
    chain = prompt | model | parser
    text = prompt.invoke({"task": task})  # formats in memory
    output = chain.invoke({"task": task, "format_instructions": parser.get_format_instructions()})
    hello = model.invoke(f"résumé: {text}")
    already = await chain.ainvoke({"task": task})
    return output or hello or already


async def embed(texts: list[str]) -> list[list[float]]:
    embeddings = OpenAIEmbeddings()
    return embeddings.embed_documents(texts)


class OllamaAPIAdapter:
    def __init__(self, endpoint: str, api_key: str, model: str) -> None:
        self.model = model
        self.aclient = instructor.from_openai(
            OpenAI(base_url=endpoint, api_key=api_key),  # the sync client, wrapped
            mode=instructor.Mode.JSON,
        )
        self.async_client = instructor.from_openai(AsyncOpenAI(base_url=endpoint, api_key=api_key))

    async def acreate_structured_output(self, text_input: str, response_model: type[BaseModel]):
        return self.aclient.chat.completions.create(
            model=self.model,
            messages=[{"role": "user", "content": text_input}],
            response_model=response_model,
        )

    async def acreate_async(self, text_input: str, response_model: type[BaseModel]):
        return await self.async_client.chat.completions.create(
            model=self.model,
            messages=[{"role": "user", "content": text_input}],
            response_model=response_model,
        )

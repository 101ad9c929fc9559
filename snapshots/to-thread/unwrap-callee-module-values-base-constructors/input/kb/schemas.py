from pydantic import BaseModel, TypeAdapter


class WebLink(BaseModel):
    url: str
    title: str = ""


WebLinkValidator = TypeAdapter(list[WebLink])


class KnowledgeError(Exception):
    """Base of the knowledge errors."""


class WebLinkImportError(KnowledgeError):
    pass

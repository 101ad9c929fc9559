import os
import shutil

import requests


def create_graph_engine(graph_database_provider: str, graph_file_path: str = "", url: str = ""):
    if graph_database_provider == "kuzu":
        # Only the embedded provider keeps files on this machine.
        os.makedirs(os.path.dirname(graph_file_path), exist_ok=True)
        return {"provider": "kuzu", "path": graph_file_path}
    elif graph_database_provider == "neo4j":
        return {"provider": "neo4j", "url": url}
    raise ValueError(graph_database_provider)


def archive_graph(kind: str, path: str):
    if kind == "zip":
        shutil.make_archive(path, "zip", path)
    # Every kind is uploaded: this call blocks whatever the argument.
    requests.post("https://backup.example.com/graphs", data={"kind": kind, "path": path})


async def connect_remote(url: str):
    # Neo4j never reaches the kuzu branch's makedirs.
    return create_graph_engine(graph_database_provider="neo4j", url=url)


async def connect_local(path: str):
    return create_graph_engine("kuzu", graph_file_path=path)


async def connect_configured(provider: str, path: str):
    # The provider is not known here: the kuzu branch may run.
    return create_graph_engine(provider, graph_file_path=path)


async def backup(path: str):
    archive_graph("tar", path)

import asyncio

from app.local_folder import LocalFolderBackend


class MultiRootLocalFolderBackend:
    """Routes each mount to its own LocalFolderBackend."""

    def __init__(self, roots: list[str]) -> None:
        self._mount_to_backend: dict[str, LocalFolderBackend] = {}
        self._ordered: list[LocalFolderBackend] = []
        self._plugins = {}
        for root in roots:
            self._mount_to_backend[root] = LocalFolderBackend(root)

    def write(self, mount: str, path: str, content: str) -> str:
        return self._mount_to_backend[mount].write(path, content)

    def delete_file(self, mount: str, path: str) -> None:
        backend = self._mount_to_backend[mount]
        backend.delete_file(path)

    def write_first(self, path: str, content: str) -> str:
        return self._ordered[0].write(path, content)

    def notify(self, name: str) -> None:
        self._plugins[name].notify()

    async def awrite(self, mount: str, path: str, content: str) -> str:
        return await asyncio.to_thread(self.write, mount, path, content)

    async def adelete_file(self, mount: str, path: str) -> None:
        await asyncio.to_thread(self.delete_file, mount, path)

    async def awrite_first(self, path: str, content: str) -> str:
        return await asyncio.to_thread(self.write_first, path, content)

    async def anotify(self, name: str) -> None:
        # `self._plugins` holds objects of no known class: not checked, unsafe only.
        await asyncio.to_thread(self.notify, name)

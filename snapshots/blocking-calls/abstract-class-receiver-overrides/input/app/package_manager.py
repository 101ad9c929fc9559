import abc
import subprocess

from app.audit import write_audit


class PackageManager(abc.ABC):
    name: str

    def update_notebook_script_metadata(self, filepath: str, *, packages_to_add: list[str]) -> bool:
        del filepath, packages_to_add
        return True

    @abc.abstractmethod
    def list_packages(self) -> list[str]: ...

    def log_install(self, package: str) -> None:
        write_audit(f"{self.name} installed {package}")


class UvPackageManager(PackageManager):
    name = "uv"

    def log_install(self, package: str) -> None:
        print(f"uv installed {package}")

    def update_notebook_script_metadata(self, filepath: str, *, packages_to_add: list[str]) -> bool:
        cmd = ["uv", "--quiet", "add", "--script", filepath, *packages_to_add]
        return subprocess.run(cmd, check=False).returncode == 0

    def list_packages(self) -> list[str]:
        out = subprocess.run(["uv", "pip", "list"], capture_output=True, text=True)
        return out.stdout.splitlines()


def create_package_manager(name: str) -> PackageManager:
    if name == "uv":
        return UvPackageManager()
    raise ValueError(name)


class PixiPackageManager(PackageManager):
    name = "pixi"

    def list_packages(self) -> list[str]:
        return []

from starlette.requests import Request
from starlette.responses import JSONResponse

from app.package_manager import PackageManager, PixiPackageManager, create_package_manager


def _get_package_manager(request: Request) -> PackageManager:
    return create_package_manager(request.app.state.package_manager)


async def add_package(request: Request) -> JSONResponse:
    body = await request.json()
    package_manager = _get_package_manager(request)
    package_manager.update_notebook_script_metadata(
        body["filename"], packages_to_add=[body["package"]]
    )
    return JSONResponse({"ok": True})


async def list_packages(request: Request) -> JSONResponse:
    package_manager = _get_package_manager(request)
    packages = package_manager.list_packages()
    return JSONResponse({"packages": packages})


async def pixi_metadata(request: Request) -> JSONResponse:
    # PixiPackageManager keeps the base's no-op: UvPackageManager's subprocess never runs here.
    PixiPackageManager().update_notebook_script_metadata("notebook.py", packages_to_add=[])
    return JSONResponse({"ok": True})

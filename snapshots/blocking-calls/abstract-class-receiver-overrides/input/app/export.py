from app.kernel import Session


async def run_app_until_completion(session: Session) -> None:
    # Closing joins the kernel process: the loop stops meanwhile.
    session.close()

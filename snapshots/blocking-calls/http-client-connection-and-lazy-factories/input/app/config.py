class config:
    DB_URL = "sqlite://"
    REDIS_APP_URL = "redis://localhost:6379/0"


def sql_global_init(url: str):
    from sqlalchemy import create_engine
    from sqlalchemy.orm import sessionmaker

    engine = create_engine(url)
    return sessionmaker(bind=engine), engine

from psycopg_pool import ConnectionPool

pool = ConnectionPool("dbname=app", open=False)


def close_pool() -> None:
    # joins the pool's worker threads
    pool.close()
